// The sandbox processor's hosted card form (PAY-5). The card number is posted here, validated,
// turned into a token and dropped: nothing here logs the request, and only the token, brand,
// last four and expiry are kept (in the processor's own store).
import { showCardForm, submitCardForm } from '@/lib/billing/sandbox-hosted';
import { hostedPageContext } from '@/lib/billing/sandbox-hosted-context';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  return showCardForm(req, await hostedPageContext());
}

export async function POST(req: Request) {
  return submitCardForm(req, await hostedPageContext());
}
