// PAY-4 renewals and PAY-8 dunning, as idempotent sweeps.
//
// 1. issueRenewalInvoices: every active subscription whose period has ended gets its next
//    period's invoice, in advance, at the price in force; hundreds per transaction, claimed with
//    FOR UPDATE SKIP LOCKED so two instances never invoice the same period.
// 2. collectOpenInvoices: every open renewal invoice whose (re)try is due is charged. A row is
//    leased first (next_retry_at moved ahead) and the processor is called outside any
//    transaction; the attempt number — and so the idempotency key — only changes once the
//    result is recorded, so a crash between the two repeats the same charge, never a new one.
import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accounts, invoices, paymentMethods, plans, subscriptions } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, SYSTEM, type Actor } from '@/lib/audit';
import { now } from '@/lib/clock';
import { queueEmail } from '@/lib/email/outbox';
import { formatDate, formatMoney } from '@/lib/format';
import { appUrl } from '@/lib/http/request';
import { issueDocuments, type Invoice } from '@/lib/invoices/issue';
import { currentBuyers } from './buyer';
import { DUNNING_RETRY_DAYS, nextDunningAttempt, periodEnd } from './periods';
import { periodLines } from './pricing';
import { chargeKey, chargeWithRetry, PaymentDeclinedError, ProcessorUnavailableError, type ChargeResult, type PaymentMethodDetails, type PaymentProcessor } from './processor';
import { replacePaymentMethod } from './payment-methods';
import { describePaymentMethod, ownerContact, queueChargeConfirmation, recordCharge, type PaymentMethod } from './charges';

/** How long a claimed collection stays invisible to other sweeps while its charge is made. */
const COLLECTION_LEASE_MS = 10 * 60_000;

/** PAY-4: issues the next period's invoice for up to `batchSize` due subscriptions per transaction. */
export async function issueRenewalInvoices(db: Db, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const issued = await db.transaction(async (tx) => {
      const at = now();
      const due = await tx
        .select({ subscription: subscriptions, plan: plans })
        .from(subscriptions)
        .innerJoin(plans, eq(plans.id, subscriptions.planId))
        .where(and(eq(subscriptions.status, 'active'), isNull(subscriptions.dunningInvoiceId), lte(subscriptions.currentPeriodEnd, at)))
        .orderBy(subscriptions.currentPeriodEnd)
        .limit(batchSize)
        .for('update', { of: subscriptions, skipLocked: true });
      if (!due.length) return 0;
      const buyers = await currentBuyers(tx, due.map((d) => d.subscription.accountId));
      const docs = await issueDocuments(
        tx,
        due.map(({ subscription: s, plan }) => {
          const start = s.currentPeriodEnd!;
          return {
            accountId: s.accountId,
            kind: 'invoice' as const,
            reason: 'renewal',
            buyer: buyers.get(s.accountId)!,
            lines: periodLines(plan, s.seats, s.interval),
            issuedAt: at,
            periodStart: start,
            periodEnd: periodEnd(start, s.interval),
          };
        }),
      );
      // One statement advances every claimed subscription to its new period and opens its invoice.
      await tx.execute(sql`
        update subscriptions s set
          current_period_start = v.period_start,
          current_period_end = v.period_end,
          dunning_invoice_id = v.invoice_id,
          failed_attempts = 0,
          first_failure_at = null,
          next_retry_at = ${at.toISOString()}::timestamptz,
          updated_at = ${at.toISOString()}::timestamptz
        from (
          select unnest(${sql.raw(`array[${docs.map((d) => `'${d.accountId}'`).join(',')}]`)}::uuid[]) as account_id,
                 unnest(${sql.raw(`array[${docs.map((d) => `'${d.id}'`).join(',')}]`)}::uuid[]) as invoice_id,
                 unnest(${sql.raw(`array[${docs.map((d) => `'${d.periodStart!.toISOString()}'`).join(',')}]`)}::timestamptz[]) as period_start,
                 unnest(${sql.raw(`array[${docs.map((d) => `'${d.periodEnd!.toISOString()}'`).join(',')}]`)}::timestamptz[]) as period_end
        ) v
        where s.account_id = v.account_id`);
      return docs.length;
    });
    total += issued;
    if (issued < batchSize) return total;
  }
}

interface Claimed {
  accountId: string;
  invoice: Invoice;
  attempt: number;
  firstFailureAt: Date | null;
  pm: PaymentMethod | null;
}

async function claimCollections(db: Db, batchSize: number): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const at = now();
    const rows = await tx
      .select({ subscription: subscriptions, invoice: invoices })
      .from(subscriptions)
      .innerJoin(invoices, eq(invoices.id, subscriptions.dunningInvoiceId))
      .where(and(isNotNull(subscriptions.dunningInvoiceId), inArray(subscriptions.status, ['active', 'past_due']), lte(subscriptions.nextRetryAt, at)))
      .limit(batchSize)
      .for('update', { of: subscriptions, skipLocked: true });
    if (!rows.length) return [];
    const ids = rows.map((r) => r.subscription.accountId);
    await tx
      .update(subscriptions)
      .set({ nextRetryAt: new Date(at.getTime() + COLLECTION_LEASE_MS) })
      .where(inArray(subscriptions.accountId, ids));
    const pms = await tx.select().from(paymentMethods).where(and(inArray(paymentMethods.accountId, ids), isNull(paymentMethods.replacedAt)));
    const pmBy = new Map(pms.map((p) => [p.accountId, p]));
    return rows.map((r) => ({
      accountId: r.subscription.accountId,
      invoice: r.invoice,
      attempt: r.subscription.failedAttempts + 1,
      firstFailureAt: r.subscription.firstFailureAt,
      pm: pmBy.get(r.subscription.accountId) ?? null,
    }));
  });
}

const NO_METHOD: ChargeResult = { status: 'failed', chargeId: '', code: 'card_declined', message: 'There is no payment method on file.' };

/** PAY-4/PAY-8: charges due open invoices; records each result, emails and suspends after the last retry. */
export async function collectOpenInvoices(db: Db, processor: PaymentProcessor, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const claimed = await claimCollections(db, batchSize);
    if (!claimed.length) return total;
    const results: { c: Claimed; result: ChargeResult }[] = [];
    for (const c of claimed) {
      if (!c.pm) {
        results.push({ c, result: NO_METHOD });
        continue;
      }
      try {
        const result = await processor.charge({
          token: c.pm.processorToken,
          amountCents: c.invoice.grossCents,
          currency: 'EUR',
          idempotencyKey: chargeKey(c.invoice.id, c.attempt),
          description: `Accountdesk invoice ${c.invoice.number}`,
        });
        results.push({ c, result });
      } catch (err) {
        // Outcome unknown: leave the lease to expire; the next sweep repeats the same key.
        if (!(err instanceof ProcessorUnavailableError)) throw err;
      }
    }
    await db.transaction(async (tx) => {
      for (const { c, result } of results) await recordCollection(tx, c, result);
    });
    total += claimed.length;
    if (claimed.length < batchSize) return total;
  }
}

async function recordCollection(tx: Executor, c: Claimed, result: ChargeResult) {
  const at = now();
  if (c.pm) await recordCharge(tx, { accountId: c.accountId, invoice: c.invoice, pm: c.pm, attempt: c.attempt, result });
  if (result.status === 'succeeded') {
    await tx
      .update(subscriptions)
      .set({ status: 'active', dunningInvoiceId: null, failedAttempts: 0, firstFailureAt: null, nextRetryAt: null, updatedAt: at })
      .where(eq(subscriptions.accountId, c.accountId));
    await recordAudit(tx, SYSTEM, { action: 'billing.invoice_paid', accountId: c.accountId, target: `invoice:${c.invoice.number}`, details: { attempt: c.attempt } });
    await queueChargeConfirmation(tx, c.accountId, c.invoice, c.pm!);
    return;
  }
  const failures = c.attempt;
  const firstFailureAt = c.firstFailureAt ?? at;
  const retryAt = nextDunningAttempt(firstFailureAt, failures);
  const owner = await ownerContact(tx, c.accountId);
  if (retryAt) {
    await tx
      .update(subscriptions)
      .set({ status: 'past_due', failedAttempts: failures, firstFailureAt, nextRetryAt: retryAt, updatedAt: at })
      .where(eq(subscriptions.accountId, c.accountId));
    await recordAudit(tx, SYSTEM, { action: 'billing.charge_failed', accountId: c.accountId, target: `invoice:${c.invoice.number}`, details: { attempt: failures, reason: result.status === 'failed' ? result.code : null } });
    if (owner)
      await queueEmail(
        tx,
        owner.email,
        {
          subject: `Payment failed for invoice ${c.invoice.number}`,
          greeting: `Hello ${owner.name},`,
          paragraphs: [
            `We could not charge ${formatMoney(c.invoice.grossCents)} for invoice ${c.invoice.number}${c.pm ? ` to your ${describePaymentMethod(c.pm)}` : ''}: ${result.status === 'failed' ? result.message : ''}`,
            `We will try again on ${formatDate(retryAt)}. To avoid an interruption, update your payment method now — the open invoice is paid as soon as a working card or PayPal account is saved.`,
            `We retry ${DUNNING_RETRY_DAYS.length} times (${DUNNING_RETRY_DAYS.map((d) => `day ${d}`).join(', ')}) before the account is suspended.`,
          ],
          action: { label: 'Update payment method', url: `${appUrl()}/account/billing` },
        },
        { accountId: c.accountId },
      );
    return;
  }
  // The last retry failed: suspend until a working method settles the debt.
  await tx
    .update(subscriptions)
    .set({ status: 'suspended', failedAttempts: failures, nextRetryAt: null, suspendedAt: at, updatedAt: at })
    .where(eq(subscriptions.accountId, c.accountId));
  await tx.update(accounts).set({ status: 'suspended' }).where(and(eq(accounts.id, c.accountId), eq(accounts.status, 'active')));
  await recordAudit(tx, SYSTEM, { action: 'billing.suspended_unpaid', accountId: c.accountId, target: `invoice:${c.invoice.number}`, details: { attempts: failures } });
  if (owner)
    await queueEmail(
      tx,
      owner.email,
      {
        subject: 'Your Accountdesk account is suspended',
        greeting: `Hello ${owner.name},`,
        paragraphs: [
          `We tried ${failures} times to collect ${formatMoney(c.invoice.grossCents)} for invoice ${c.invoice.number} and every attempt failed, so your account is now suspended.`,
          'You can still sign in to the billing page. Add a working card or PayPal account there: the invoice is paid at once and your account is active again.',
        ],
        action: { label: 'Pay now', url: `${appUrl()}/account/billing` },
      },
      { accountId: c.accountId },
    );
}

/**
 * PAY-8: a new payment method settles the open invoice before it is saved: it is charged with
 * its own key (one per invoice and token, so repeating the same card cannot charge twice). A
 * decline leaves everything as it was; success saves the method, pays the invoice and
 * reactivates the account — all in one transaction.
 */
export async function settleOpenInvoice(
  db: Db,
  processor: PaymentProcessor,
  input: { accountId: string; details: PaymentMethodDetails; actor: Actor },
): Promise<{ invoice: Invoice; paymentMethod: PaymentMethod }> {
  const [open] = await db
    .select({ subscription: subscriptions, invoice: invoices })
    .from(subscriptions)
    .innerJoin(invoices, eq(invoices.id, subscriptions.dunningInvoiceId))
    .where(eq(subscriptions.accountId, input.accountId));
  if (!open) throw new DomainError('There is no open invoice to pay.');
  const idempotencyKey = `invoice:${open.invoice.id}:method:${input.details.token}`;
  const result = await chargeWithRetry(processor, {
    token: input.details.token,
    amountCents: open.invoice.grossCents,
    currency: 'EUR',
    idempotencyKey,
    description: `Accountdesk invoice ${open.invoice.number}`,
  });
  if (result.status === 'failed') {
    await recordAudit(db, input.actor, { action: 'billing.settlement_declined', accountId: input.accountId, target: `invoice:${open.invoice.number}`, details: { code: result.code } });
    throw new PaymentDeclinedError(result.code, `${result.message} The open invoice is still unpaid and the new method was not saved. Try another card or PayPal.`);
  }
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(subscriptions).where(eq(subscriptions.accountId, input.accountId)).for('update');
    const pm = await replacePaymentMethod(tx, input.accountId, input.details);
    await recordCharge(tx, { accountId: input.accountId, invoice: open.invoice, pm, attempt: locked.failedAttempts + 1, result, idempotencyKey });
    if (locked.dunningInvoiceId === open.invoice.id) {
      const at = now();
      await tx
        .update(subscriptions)
        .set({ status: 'active', dunningInvoiceId: null, failedAttempts: 0, firstFailureAt: null, nextRetryAt: null, suspendedAt: null, updatedAt: at })
        .where(eq(subscriptions.accountId, input.accountId));
      await tx.update(accounts).set({ status: 'active' }).where(and(eq(accounts.id, input.accountId), eq(accounts.status, 'suspended')));
    }
    await recordAudit(tx, input.actor, { action: 'billing.debt_settled', accountId: input.accountId, target: `invoice:${open.invoice.number}`, details: { wasStatus: locked.status } });
    await queueChargeConfirmation(tx, input.accountId, open.invoice, pm);
    return { invoice: open.invoice, paymentMethod: pm };
  });
}
