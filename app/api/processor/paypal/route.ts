// The sandbox processor's PayPal approval page (PAY-7): approving returns a billing-agreement token.
import { z } from 'zod';
import { sandboxProcessor } from '@/lib/billing/processor-instance';
import { badRequestPage, htmlResponse, paypalApprovalPage, readHostedRequest, returnWithToken } from '@/lib/billing/sandbox-pages';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const hosted = await readHostedRequest(req);
  if (!hosted) return htmlResponse(badRequestPage(), 400);
  return htmlResponse(paypalApprovalPage(hosted));
}

export async function POST(req: Request) {
  const hosted = await readHostedRequest(req);
  if (!hosted) return htmlResponse(badRequestPage(), 400);
  const { returnPath, reference, field } = hosted;
  const email = field('email').trim();
  if (!z.email().safeParse(email).success)
    return htmlResponse(paypalApprovalPage({ returnPath, reference, email, error: 'Enter the email address of your PayPal account.' }), 422);
  const token = await sandboxProcessor.approvePaypal(email.toLowerCase(), reference);
  return returnWithToken(returnPath, token, reference);
}
