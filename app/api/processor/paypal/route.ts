// The sandbox processor's PayPal approval page (PAY-7): approving returns a billing-agreement token.
import { approvePaypalPage, showPaypalPage } from '@/lib/billing/sandbox-hosted';
import { hostedPageContext } from '@/lib/billing/sandbox-hosted-context';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  return showPaypalPage(req, await hostedPageContext());
}

export async function POST(req: Request) {
  return approvePaypalPage(req, await hostedPageContext());
}
