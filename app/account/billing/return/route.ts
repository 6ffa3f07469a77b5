// Where the processor's hosted pages send the owner back (PAY-3/PAY-5/PAY-7). The reference must
// have been signed for this account and this browser session; then the token is exchanged for
// the method's details and, while the first period or an open invoice is unpaid, charged.
import { getDb } from '@/db/client';
import { DomainError } from '@/lib/actions';
import { currentUser } from '@/lib/auth/guards';
import { checkSetupReference } from '@/lib/billing/payment-setup';
import { processor } from '@/lib/billing/processor-instance';
import { PaymentDeclinedError, ProcessorUnavailableError } from '@/lib/billing/processor';
import { CollectionInProgressError } from '@/lib/billing/renewals';
import { addPaymentMethod } from '@/lib/billing/subscriptions';
import { now } from '@/lib/clock';

export const dynamic = 'force-dynamic';

function back(params: Record<string, string>): Response {
  const q = new URLSearchParams(params).toString();
  return new Response(null, { status: 303, headers: { location: `/account/billing${q ? `?${q}` : ''}`, 'cache-control': 'no-store' } });
}

export async function GET(req: Request) {
  const ctx = await currentUser();
  if (!ctx) return new Response(null, { status: 303, headers: { location: '/login' } });
  if (!ctx.account || ctx.user.role !== 'owner') return back({ error: 'owner_only' });

  const url = new URL(req.url);
  if (url.searchParams.get('cancelled')) return back({ cancelled: '1' });
  const token = url.searchParams.get('token') ?? '';
  const reference = url.searchParams.get('reference') ?? '';
  const check = checkSetupReference(reference, { accountId: ctx.account.id, sessionId: ctx.sessionId }, now());
  if (check !== 'ok') return back({ error: check === 'expired' ? 'expired' : 'invalid' });

  try {
    const result = await addPaymentMethod(await getDb(), processor, {
      accountId: ctx.account.id,
      token,
      reference,
      actor: { type: 'owner', id: ctx.user.id, ip: ctx.ip },
    });
    return result.outcome === 'charged' ? back({ paid: result.invoice.id }) : back({ saved: '1' });
  } catch (err) {
    if (err instanceof PaymentDeclinedError) return back({ declined: err.code });
    // The outcome is unknown; returning with the same token reuses the same idempotency key.
    if (err instanceof ProcessorUnavailableError) return back({ error: 'unavailable', token, reference });
    if (err instanceof CollectionInProgressError) return back({ error: 'busy' });
    if (err instanceof DomainError) return back({ error: 'unconfirmed' });
    throw err;
  }
}
