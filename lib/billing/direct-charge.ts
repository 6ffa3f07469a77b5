// PAY-6/PAY-8: charging one invoice at once, right after it was issued (a delivered custom
// service, a yearly upgrade). The charge is made outside any transaction under the invoice's
// first collection key, so the collection sweep, should it take the invoice over, repeats that
// same key and cannot charge twice. A declined charge (or no method) hands the invoice to the
// collection sweep with dunning, like a renewal; when the account's collection slot is taken then
// (or the process stopped before the charge), `collectWaitingDirectInvoices` hands it over later.
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { charges, invoices, subscriptions } from '@/db/schema';
import { recordAudit, SYSTEM } from '@/lib/audit';
import { now } from '@/lib/clock';
import type { Invoice } from '@/lib/invoices/issue';
import { queueChargeConfirmation, recordCharge } from './charges';
import { chargeKey, chargeWithRetry, type ChargeResult, type PaymentProcessor } from './processor';
import { currentPaymentMethod } from './subscriptions';

/** How long a new invoice is left to the charge made at issue before the sweep takes it over. */
export const DIRECT_CHARGE_GRACE_MS = 15 * 60_000;

/**
 * Hands an unpaid invoice to the collection sweep (charged with dunning like a renewal) when the
 * account's one collection slot is free and its subscription is collected (active or lifetime).
 * Returns false when the slot is taken.
 */
export async function handOverToCollection(tx: Tx, accountId: string, invoiceId: string, at: Date): Promise<boolean> {
  const taken = await tx
    .update(subscriptions)
    .set({ dunningInvoiceId: invoiceId, nextRetryAt: at, failedAttempts: 0, firstFailureAt: null, updatedAt: at })
    .where(and(eq(subscriptions.accountId, accountId), isNull(subscriptions.dunningInvoiceId), inArray(subscriptions.status, ['active', 'lifetime'])))
    .returning({ accountId: subscriptions.accountId });
  return taken.length > 0;
}

export interface DirectChargeOptions {
  /** Why the invoice was issued, recorded with its payment ('custom_service', 'upgrade'). */
  reason: string;
  /** The audit action written when the invoice goes to collection instead. */
  queuedAction: string;
}

export interface DirectChargeOutcome {
  /** The processor's answer; null when there was no method or the processor did not answer. */
  result: ChargeResult | null;
  /** Whether the invoice went to the collection sweep (declined or no method). */
  handedOver: boolean;
}

/**
 * Charges the account's current method once for `invoice`. Paid: the charge, an audit entry and
 * the charge confirmation (PAY-6) in one transaction. Declined or no method: the invoice goes to
 * collection with dunning when the slot is free. No answer from the processor: nothing is
 * recorded and the caller decides (the same key is safe to repeat).
 */
export async function chargeInvoiceDirectly(db: Db, processor: PaymentProcessor, invoice: Invoice, opts: DirectChargeOptions): Promise<DirectChargeOutcome> {
  const pm = await currentPaymentMethod(db, invoice.accountId);
  let result: ChargeResult | null = null;
  if (pm) {
    try {
      result = await chargeWithRetry(processor, { token: pm.processorToken, amountCents: invoice.grossCents, currency: 'EUR', idempotencyKey: chargeKey(invoice.id, 1), description: `Accountdesk invoice ${invoice.number}` });
    } catch {
      return { result: null, handedOver: false };
    }
  }
  const handedOver = await db.transaction(async (tx) => {
    const at = now();
    const target = `invoice:${invoice.number}`;
    if (pm && result) await recordCharge(tx, { accountId: invoice.accountId, invoice, pm, attempt: 1, result });
    if (pm && result?.status === 'succeeded') {
      await recordAudit(tx, SYSTEM, { action: 'billing.invoice_paid', accountId: invoice.accountId, target, details: { attempt: 1, reason: opts.reason } });
      await queueChargeConfirmation(tx, invoice.accountId, invoice, pm);
      return false;
    }
    // Declined or no method: collection with dunning (it repeats attempt 1's key, then retries).
    const handed = await handOverToCollection(tx, invoice.accountId, invoice.id, at);
    await recordAudit(tx, SYSTEM, { action: opts.queuedAction, accountId: invoice.accountId, target, details: { handedOver: handed, reason: result?.status === 'failed' ? result.code : 'no_method' } });
    return handed;
  });
  return { result, handedOver };
}

/**
 * Sweep (CUS-5, PLAN-1): directly charged invoices still unpaid after the grace period — declined
 * while the account's collection slot held another invoice, or never charged because the process
 * stopped — join collection with dunning once the slot is free. One per transaction, claimed with
 * SKIP LOCKED; an invoice is handed over at most once (the slot then holds it until it is paid or
 * the account is suspended), and one cancelled by a credit note is left alone.
 */
export async function collectWaitingDirectInvoices(db: Db): Promise<number> {
  let handed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const at = now();
      const [due] = await tx
        .select({ accountId: invoices.accountId, invoiceId: invoices.id, number: invoices.number, reason: invoices.reason })
        .from(invoices)
        .innerJoin(subscriptions, eq(subscriptions.accountId, invoices.accountId))
        .where(
          and(
            // Literal, not bound, so the planner can use the partial index invoices_direct_charge_idx.
            sql`${invoices.kind} = 'invoice' and ${invoices.reason} in ('custom_service', 'upgrade')`,
            lte(invoices.issuedAt, new Date(at.getTime() - DIRECT_CHARGE_GRACE_MS)),
            isNull(subscriptions.dunningInvoiceId),
            inArray(subscriptions.status, ['active', 'lifetime']),
            sql`not exists (select 1 from ${charges} c where c.invoice_id = ${invoices.id} and c.status = 'succeeded')`,
            sql`not exists (select 1 from ${invoices} cn where cn.related_invoice_id = ${invoices.id} and cn.kind = 'credit_note')`,
          ),
        )
        .orderBy(asc(invoices.issuedAt))
        .limit(1)
        .for('update', { of: subscriptions, skipLocked: true });
      if (!due) return false;
      if (!(await handOverToCollection(tx, due.accountId, due.invoiceId, at))) return false;
      await recordAudit(tx, SYSTEM, {
        action: due.reason === 'upgrade' ? 'plan.upgrade_collection_queued' : 'custom_service.collection_queued',
        accountId: due.accountId,
        target: `invoice:${due.number}`,
        details: { handedOver: true, reason: 'slot_free' },
      });
      handed++;
      return true;
    });
    if (!done) break;
  }
  return handed;
}
