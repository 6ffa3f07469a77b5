// The sandbox processor's PayPal approval page (PAY-7): approving returns a billing-agreement token.
import { z } from 'zod';
import { sandboxProcessor } from '@/lib/billing/processor-instance';
import { badRequestPage, paypalApprovalPage, returnUrl, safeReturnPath } from '@/lib/billing/sandbox-pages';

export const dynamic = 'force-dynamic';

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });

export async function GET(req: Request) {
  const url = new URL(req.url);
  const returnPath = safeReturnPath(url.searchParams.get('return'));
  const reference = url.searchParams.get('reference');
  if (!returnPath || !reference) return html(badRequestPage(), 400);
  return html(paypalApprovalPage({ returnPath, reference }));
}

export async function POST(req: Request) {
  const form = await req.formData().catch(() => null);
  const get = (k: string) => (typeof form?.get(k) === 'string' ? (form!.get(k) as string) : '');
  const returnPath = safeReturnPath(get('return'));
  const reference = get('reference');
  if (!returnPath || !reference) return html(badRequestPage(), 400);
  const email = get('email').trim();
  if (!z.email().safeParse(email).success)
    return html(paypalApprovalPage({ returnPath, reference, email, error: 'Enter the email address of your PayPal account.' }), 422);
  const token = await sandboxProcessor.approvePaypal(email.toLowerCase(), reference);
  return new Response(null, { status: 303, headers: { location: returnUrl(returnPath, { token, reference }), 'cache-control': 'no-store' } });
}
