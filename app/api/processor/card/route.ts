// The sandbox processor's hosted card form (PAY-5). The card number is posted here, validated,
// turned into a token and dropped: nothing here logs the request, and only the token, brand,
// last four and expiry are kept (in the processor's own store).
import { now } from '@/lib/clock';
import { sandboxProcessor } from '@/lib/billing/processor-instance';
import { badRequestPage, cardFormPage, returnUrl, safeReturnPath } from '@/lib/billing/sandbox-pages';
import { validateCard } from '@/lib/billing/sandbox-processor';

export const dynamic = 'force-dynamic';

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });

export async function GET(req: Request) {
  const url = new URL(req.url);
  const returnPath = safeReturnPath(url.searchParams.get('return'));
  const reference = url.searchParams.get('reference');
  if (!returnPath || !reference) return html(badRequestPage(), 400);
  return html(cardFormPage({ returnPath, reference }));
}

export async function POST(req: Request) {
  const form = await req.formData().catch(() => null);
  const get = (k: string) => (typeof form?.get(k) === 'string' ? (form!.get(k) as string) : '');
  const returnPath = safeReturnPath(get('return'));
  const reference = get('reference');
  if (!returnPath || !reference) return html(badRequestPage(), 400);
  const input = { holderName: get('holderName'), number: get('number'), expiry: get('expiry'), cvc: get('cvc') };
  const checked = validateCard(input, now());
  if (!checked.ok) return html(cardFormPage({ returnPath, reference, holderName: input.holderName, expiry: input.expiry, errors: checked.errors }), 422);
  const token = await sandboxProcessor.tokenizeCard({ digits: checked.digits, expMonth: checked.expMonth, expYear: checked.expYear, holderName: input.holderName }, reference);
  return new Response(null, { status: 303, headers: { location: returnUrl(returnPath, { token, reference }), 'cache-control': 'no-store' } });
}
