// The sandbox processor's hosted card form (PAY-5). The card number is posted here, validated,
// turned into a token and dropped: nothing here logs the request, and only the token, brand,
// last four and expiry are kept (in the processor's own store).
import { now } from '@/lib/clock';
import { sandboxProcessor } from '@/lib/billing/processor-instance';
import { badRequestPage, cardFormPage, htmlResponse, readHostedRequest, returnWithToken } from '@/lib/billing/sandbox-pages';
import { validateCard } from '@/lib/billing/sandbox-processor';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const hosted = await readHostedRequest(req);
  if (!hosted) return htmlResponse(badRequestPage(), 400);
  return htmlResponse(cardFormPage(hosted));
}

export async function POST(req: Request) {
  const hosted = await readHostedRequest(req);
  if (!hosted) return htmlResponse(badRequestPage(), 400);
  const { returnPath, reference, field } = hosted;
  const input = { holderName: field('holderName'), number: field('number'), expiry: field('expiry'), cvc: field('cvc') };
  const checked = validateCard(input, now());
  if (!checked.ok) return htmlResponse(cardFormPage({ returnPath, reference, holderName: input.holderName, expiry: input.expiry, errors: checked.errors }), 422);
  const token = await sandboxProcessor.tokenizeCard({ digits: checked.digits, expMonth: checked.expMonth, expYear: checked.expYear, holderName: input.holderName }, reference);
  return returnWithToken(returnPath, token, reference);
}
