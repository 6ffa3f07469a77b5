// PAY-4 renewals and PAY-8 dunning, as idempotent sweeps.
//
// 1. issueRenewalInvoices: every active subscription whose period has ended gets its next
//    period's invoice, in advance, at the price in force; a thousand per transaction, claimed
//    with FOR UPDATE SKIP LOCKED so two instances never invoice the same period.
// 2. collectOpenInvoices: every open renewal invoice whose (re)try is due is charged. A round of
//    rows is leased first (next_retry_at moved ahead) and the processor is called outside any
//    transaction (in one batch call when it has one); the attempt number — and so the
//    idempotency key — only changes once the result is recorded, so a crash between the two
//    repeats the same charge, never a new one. One transaction records a whole round: charges,
//    subscription states, audit entries and emails, each in one multi-row statement.
//
// Both sweeps run a few rounds at once (RENEWAL_WORKERS, COLLECTION_WORKERS); they divide the
// work by the same claims that keep two instances apart. `npm run bench:billing` measures them.
import { statusAfterPayment } from './status';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { executedRows, inList } from '@/db/bulk';
import type { Db, Executor, Tx } from '@/db/client';
import { accounts, invoices, paymentMethods, plans, subscriptions } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { msg } from '@/lib/i18n/message-ref';
import { recordAudit, recordAudits, SYSTEM, type Actor, type AuditEntry } from '@/lib/audit';
import { now } from '@/lib/clock';
import { emailKit, localesForAddresses } from '@/lib/email/locale';
import { queueEmails } from '@/lib/email/outbox';
import type { EmailContent } from '@/lib/email/render';
import { appUrl } from '@/lib/http/request';
import { issueDocuments, type Invoice } from '@/lib/invoices/issue';
import { applyScheduledChanges } from '@/lib/plans/service';
import { surchargeLinesForRenewals } from '@/lib/login-sharing/service';
import { payRenewalsFromCredit } from '@/lib/credit/service';
import { currentBuyersAndLocales } from './buyer';
import { DUNNING_RETRY_DAYS, nextDunningAttempt, nextPeriodEnd } from './periods';
import { periodLines } from './pricing';
import { withPricesInForce } from '@/lib/prices/service';
import { chargeBatch, chargeKey, chargeWithRetry, PaymentDeclinedError, type ChargeResult, type PaymentMethodDetails, type PaymentProcessor } from './processor';
import { replacePaymentMethod } from './payment-methods';
import {
  chargeConfirmationEmails,
  ownerContacts,
  paymentMethodIn,
  queueChargeConfirmation,
  recordCharge,
  recordCharges,
  separateInvoiceEmail,
  type OwnerContact,
  type PaymentMethod,
} from './charges';

/** How long a claimed collection stays invisible to other sweeps while its charge is made. */
const COLLECTION_LEASE_MS = 10 * 60_000;

/** Due subscriptions invoiced per transaction. */
export const RENEWAL_BATCH = 1000;
/**
 * Issuing transactions in flight at once. Each claims its own subscriptions (SKIP LOCKED); they
 * queue on the invoice counter row, so numbers stay gapless, while one transaction's claim and
 * pricing overlap with another's writes.
 */
export const RENEWAL_WORKERS = 2;

/** PAY-4: issues the next period's invoice for every due subscription, `batchSize` per transaction. */
export async function issueRenewalInvoices(db: Db, batchSize = RENEWAL_BATCH, workers = RENEWAL_WORKERS): Promise<number> {
  return inRounds(workers, async () => {
    const issued = await db.transaction((tx) => issueRenewalBatch(tx, batchSize));
    return { processed: issued, more: issued === batchSize };
  });
}

/**
 * Runs `round` in `workers` concurrent loops, each until a round finds less than a full batch.
 * After a failure no loop starts another round, and the first error is thrown only once every
 * loop has stopped, so a sweep never returns while its work is still in flight.
 */
async function inRounds(workers: number, round: () => Promise<{ processed: number; more: boolean }>): Promise<number> {
  let total = 0;
  let failed = false;
  const loop = async () => {
    while (!failed) {
      try {
        const { processed, more } = await round();
        total += processed;
        if (!more) return;
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, workers) }, loop));
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) throw failure.reason;
  return total;
}

/** A timestamp from a raw statement: postgres-js answers with text, PGlite with text or a Date. */
const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));
const toDateOrNull = (v: string | Date | null) => (v === null ? null : toDate(v));

interface DueRow {
  account_id: string;
  seats: number;
  interval: 'monthly' | 'yearly';
  current_period_end: string | Date;
  period_anchor: string | Date | null;
  current_period_start: string | Date | null;
  plan_id: string;
  name: string;
  seat_price_monthly_cents: number;
  seat_price_yearly_cents: number;
}

/**
 * Claims up to `batchSize` due subscriptions with their plans (FOR UPDATE SKIP LOCKED). A raw
 * statement with the rows read by hand: the query builder's row mapping cost more per row than
 * the database spends finding it.
 */
async function claimDueSubscriptions(tx: Tx, at: Date, batchSize: number) {
  const rows = executedRows<DueRow>(
    await tx.execute(sql`
      select s.account_id, s.seats, s.interval, s.current_period_end, s.period_anchor, s.current_period_start,
             s.plan_id, p.name, p.seat_price_monthly_cents, p.seat_price_yearly_cents
      from subscriptions s
      join plans p on p.id = s.plan_id
      where s.status = 'active' and s.dunning_invoice_id is null and s.current_period_end <= ${at.toISOString()}::timestamptz
      order by s.current_period_end
      limit ${batchSize}
      for update of s skip locked`),
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    seats: Number(r.seats),
    interval: r.interval,
    periodStart: toDate(r.current_period_end),
    anchor: toDateOrNull(r.period_anchor),
    previousStart: toDateOrNull(r.current_period_start),
    planId: r.plan_id,
    plan: { name: r.name, seatPriceMonthlyCents: Number(r.seat_price_monthly_cents), seatPriceYearlyCents: Number(r.seat_price_yearly_cents) },
  }));
}

async function issueRenewalBatch(tx: Tx, batchSize: number): Promise<number> {
  const at = now();
  const claimed = await claimDueSubscriptions(tx, at, batchSize);
  if (!claimed.length) return 0;
  // PLAN-3/PLAN-4: changes scheduled for this renewal take effect before the period is priced (one statement),
  // PLAN-5: then each period is priced at the price in force when it starts (a scheduled price change included).
  const due = await withPricesInForce(tx, await applyScheduledChanges(tx, claimed, at));
  // The owners' languages come with the buyers: each document is written in its owner's.
  const { buyers, locales } = await currentBuyersAndLocales(tx, due.map((d) => d.accountId));
  const renewals = due.map((s) => ({
    id: randomUUID(),
    accountId: s.accountId,
    kind: 'invoice' as const,
    reason: 'renewal',
    buyer: buyers.get(s.accountId)!,
    locale: locales.get(s.accountId) ?? ('en' as const),
    lines: periodLines(s.plan, s.seats, s.interval, locales.get(s.accountId)),
    issuedAt: at,
    periodStart: s.periodStart!,
    // PAY-4: counted from the anchor, so a subscription started on the 31st returns to the 31st.
    periodEnd: nextPeriodEnd(s.anchor ?? s.previousStart ?? s.periodStart!, s.periodStart!, s.interval),
  }));
  // ACC-8: each running shared-login surcharge adds a line (one query for the whole batch).
  const surcharges = await surchargeLinesForRenewals(
    tx,
    renewals.map((r, i) => ({ accountId: r.accountId, periodStart: r.periodStart, issuedAt: at, interval: due[i].interval, seatPriceMonthlyCents: due[i].plan.seatPriceMonthlyCents, locale: r.locale })),
  );
  for (const r of renewals) r.lines.push(...(surcharges.get(r.accountId) ?? []));
  // One statement advances every claimed subscription to its new period and opens its invoice.
  // It runs before the invoices are numbered: issuing takes the year's counter row, and the
  // shorter that lock is held, the more of two concurrent batches overlaps.
  const advanced = renewals.map((r) => ({ account_id: r.accountId, invoice_id: r.id, period_start: r.periodStart, period_end: r.periodEnd }));
  await tx.execute(sql`
    update subscriptions s set
      current_period_start = v.period_start,
      current_period_end = v.period_end,
      dunning_invoice_id = v.invoice_id,
      failed_attempts = 0,
      first_failure_at = null,
      next_retry_at = ${at.toISOString()}::timestamptz,
      updated_at = ${at.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(advanced)}::jsonb)
      as v(account_id uuid, invoice_id uuid, period_start timestamptz, period_end timestamptz)
    where s.account_id = v.account_id`);
  const docs = await issueDocuments(tx, renewals);
  // INV-7: invoices the prepaid credit covers are paid from it here, before collection sees them.
  await payRenewalsFromCredit(tx, docs, at);
  return docs.length;
}

interface Claimed {
  accountId: string;
  invoice: Pick<Invoice, 'id' | 'number' | 'grossCents' | 'buyer'>;
  attempt: number;
  firstFailureAt: Date | null;
  pm: Pick<PaymentMethod, 'id' | 'processorToken' | 'kind' | 'brand' | 'last4' | 'paypalEmail'> | null;
}

interface CollectionRow {
  account_id: string;
  failed_attempts: number;
  first_failure_at: string | Date | null;
  invoice_id: string;
  number: string;
  gross_cents: number;
  buyer: Invoice['buyer'] | string;
  pm_id: string | null;
  processor_token: string | null;
  kind: PaymentMethod['kind'] | null;
  brand: string | null;
  last4: string | null;
  paypal_email: string | null;
}

/**
 * Claims a round of due collections and leases them, in one statement: the rows are locked
 * (SKIP LOCKED, so two collectors never share one), their lease is set, and they come back with
 * their open invoice and current payment method.
 */
async function claimCollections(db: Db, batchSize: number): Promise<Claimed[]> {
  const at = now();
  const leaseUntil = new Date(at.getTime() + COLLECTION_LEASE_MS);
  const rows = executedRows<CollectionRow>(
    await db.execute(sql`
      with due as (
        select s.account_id
        from subscriptions s
        join invoices i on i.id = s.dunning_invoice_id
        where s.dunning_invoice_id is not null
          and s.status in ('active', 'past_due', 'lifetime')
          and s.next_retry_at <= ${at.toISOString()}::timestamptz
          and (s.collection_lease_until is null or s.collection_lease_until <= ${at.toISOString()}::timestamptz)
        limit ${batchSize}
        for update of s skip locked
      ), leased as (
        update subscriptions s set collection_lease_until = ${leaseUntil.toISOString()}::timestamptz
        from due
        where s.account_id = due.account_id
        returning s.account_id, s.failed_attempts, s.first_failure_at, s.dunning_invoice_id
      )
      select l.account_id, l.failed_attempts, l.first_failure_at,
             i.id as invoice_id, i.number, i.gross_cents, i.buyer,
             pm.id as pm_id, pm.processor_token, pm.kind, pm.brand, pm.last4, pm.paypal_email
      from leased l
      join invoices i on i.id = l.dunning_invoice_id
      left join payment_methods pm on pm.account_id = l.account_id and pm.replaced_at is null`),
  );
  const byAccount = new Map<string, Claimed>();
  for (const r of rows) {
    if (byAccount.has(r.account_id)) continue;
    byAccount.set(r.account_id, {
      accountId: r.account_id,
      invoice: { id: r.invoice_id, number: r.number, grossCents: Number(r.gross_cents), buyer: typeof r.buyer === 'string' ? JSON.parse(r.buyer) : r.buyer },
      attempt: Number(r.failed_attempts) + 1,
      firstFailureAt: toDateOrNull(r.first_failure_at),
      pm: r.pm_id
        ? { id: r.pm_id, processorToken: r.processor_token!, kind: r.kind!, brand: r.brand, last4: r.last4, paypalEmail: r.paypal_email }
        : null,
    });
  }
  return [...byAccount.values()];
}

const NO_METHOD: ChargeResult = { status: 'failed', chargeId: '', code: 'card_declined', message: 'There is no payment method on file.' };

/** Open invoices claimed and charged per round; one transaction records the whole round. */
export const COLLECTION_BATCH = 1000;
/**
 * Rounds in flight at once. Each claims its own rows (SKIP LOCKED, leased), so they never touch
 * the same invoice; overlapping them keeps the database busy while the processor answers.
 */
export const COLLECTION_WORKERS = 4;

/** PAY-4/PAY-8: charges due open invoices; records each result, emails and suspends after the last retry. */
export async function collectOpenInvoices(db: Db, processor: PaymentProcessor, batchSize = COLLECTION_BATCH, workers = COLLECTION_WORKERS): Promise<number> {
  return inRounds(workers, async () => {
    const claimed = await claimCollections(db, batchSize);
    if (!claimed.length) return { processed: 0, more: false };
    const charged = claimed.filter((c) => c.pm);
    const answers = await chargeBatch(
      processor,
      charged.map((c) => ({
        token: c.pm!.processorToken,
        amountCents: c.invoice.grossCents,
        currency: 'EUR' as const,
        idempotencyKey: chargeKey(c.invoice.id, c.attempt),
        description: `Accountdesk invoice ${c.invoice.number}`,
      })),
    );
    const results: Collection[] = claimed.filter((c) => !c.pm).map((c) => ({ c, result: NO_METHOD }));
    // An unknown outcome is not recorded: the lease expires and the next sweep repeats the same key.
    charged.forEach((c, i) => {
      const result = answers[i];
      if (result.status !== 'unknown') results.push({ c, result });
    });
    await db.transaction((tx) => recordCollections(tx, results));
    return { processed: claimed.length, more: claimed.length === batchSize };
  });
}

interface Collection {
  c: Claimed;
  result: ChargeResult;
}

/**
 * Records a round of charge results in one transaction, a few statements for the whole round:
 * the charges, the subscriptions' new state, suspended accounts, audit entries and emails.
 */
async function recordCollections(tx: Tx, results: Collection[]): Promise<void> {
  if (!results.length) return;
  const at = now();
  const owners = await ownerContacts(tx, results.map(({ c }) => c.accountId));
  const audits: AuditEntry[] = [];
  // Invoice emails that are not the owner's (accounts departments): their language in one query.
  const invoiceEmails = results.flatMap(({ c, result }) => {
    const to = result.status === 'succeeded' ? separateInvoiceEmail(owners.get(c.accountId) ?? null, c.invoice) : null;
    return to ? [to] : [];
  });
  const invoiceEmailLocales = await localesForAddresses(tx, invoiceEmails);
  const mails: { to: string; content: EmailContent; accountId: string }[] = [];
  const mail = (accountId: string, content: (owner: OwnerContact) => EmailContent) => {
    const owner = owners.get(accountId);
    if (owner) mails.push({ to: owner.email, content: content(owner), accountId });
  };
  const paid: string[] = [];
  const failed: { account_id: string; status: 'past_due' | 'suspended'; failed_attempts: number; first_failure_at: string; next_retry_at: string | null }[] = [];

  await recordCharges(
    tx,
    results.filter(({ c }) => c.pm).map(({ c, result }) => ({ accountId: c.accountId, invoice: c.invoice, pm: c.pm, attempt: c.attempt, result })),
  );
  for (const { c, result } of results) {
    const target = `invoice:${c.invoice.number}`;
    if (result.status === 'succeeded') {
      paid.push(c.accountId);
      audits.push({ action: 'billing.invoice_paid', accountId: c.accountId, target, details: { attempt: c.attempt } });
      const owner = owners.get(c.accountId) ?? null;
      const invoiceEmail = separateInvoiceEmail(owner, c.invoice);
      for (const m of chargeConfirmationEmails(owner, c.invoice, c.pm!, invoiceEmail ? invoiceEmailLocales.get(invoiceEmail) : undefined))
        mails.push({ ...m, accountId: c.accountId });
      continue;
    }
    const failures = c.attempt;
    const firstFailureAt = c.firstFailureAt ?? at;
    const retryAt = nextDunningAttempt(firstFailureAt, failures);
    if (retryAt) {
      failed.push({ account_id: c.accountId, status: 'past_due', failed_attempts: failures, first_failure_at: firstFailureAt.toISOString(), next_retry_at: retryAt.toISOString() });
      audits.push({ action: 'billing.charge_failed', accountId: c.accountId, target, details: { attempt: failures, reason: result.status === 'failed' ? result.code : null } });
      mail(c.accountId, (owner) => paymentFailedEmail(owner, c, result, retryAt));
    } else {
      // The last retry failed: suspend until a working method settles the debt.
      failed.push({ account_id: c.accountId, status: 'suspended', failed_attempts: failures, first_failure_at: firstFailureAt.toISOString(), next_retry_at: null });
      audits.push({ action: 'billing.suspended_unpaid', accountId: c.accountId, target, details: { attempts: failures } });
      mail(c.accountId, (owner) => suspendedUnpaidEmail(owner, c, failures));
    }
  }

  if (paid.length)
    await tx
      .update(subscriptions)
      .set({ status: statusAfterPayment, dunningInvoiceId: null, failedAttempts: 0, firstFailureAt: null, nextRetryAt: null, collectionLeaseUntil: null, suspendedAt: null, updatedAt: at })
      .where(inList(subscriptions.accountId, paid));
    // APS-10: a deal account blocked for its extra-seat invoice gets its access back once paid.
    await tx.update(accounts).set({ status: 'active' }).where(and(inList(accounts.id, paid), eq(accounts.status, 'suspended'), isNull(accounts.staffSuspendedAt)));
  if (failed.length) {
    // One statement for every failed collection of the round, each with its own retry schedule.
    await tx.execute(sql`
      update subscriptions s set
        status = v.status,
        failed_attempts = v.failed_attempts,
        first_failure_at = v.first_failure_at,
        next_retry_at = v.next_retry_at,
        collection_lease_until = null,
        suspended_at = case when v.status = 'suspended' then ${at.toISOString()}::timestamptz else s.suspended_at end,
        updated_at = ${at.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(failed)}::jsonb)
        as v(account_id uuid, status text, failed_attempts integer, first_failure_at timestamptz, next_retry_at timestamptz)
      where s.account_id = v.account_id`);
    const suspended = failed.filter((f) => f.status === 'suspended').map((f) => f.account_id);
    if (suspended.length) await tx.update(accounts).set({ status: 'suspended' }).where(and(inList(accounts.id, suspended), eq(accounts.status, 'active')));
  }
  await recordAudits(tx, SYSTEM, audits);
  await queueEmails(tx, mails);
}

/** Why a charge failed, in the email's language (by the processor's code, never its English text). */
const DECLINE_REASON_KEYS = {
  card_declined: 'email.paymentFailed.reasons.cardDeclined',
  insufficient_funds: 'email.paymentFailed.reasons.insufficientFunds',
  expired_card: 'email.paymentFailed.reasons.expiredCard',
} as const;

function paymentFailedEmail(owner: OwnerContact, c: Claimed, result: ChargeResult, retryAt: Date): EmailContent {
  const mail = emailKit(owner.locale);
  const amount = mail.money(c.invoice.grossCents);
  const reason = !c.pm ? mail.t('email.paymentFailed.reasons.noMethod') : result.status === 'failed' ? mail.t(DECLINE_REASON_KEYS[result.code]) : '';
  return {
    locale: owner.locale,
    subject: mail.t('email.paymentFailed.subject', { number: c.invoice.number }),
    greeting: mail.greeting(owner.name),
    paragraphs: [
      c.pm
        ? mail.t('email.paymentFailed.couldNotChargeMethod', { amount, number: c.invoice.number, method: paymentMethodIn(mail, c.pm), reason })
        : mail.t('email.paymentFailed.couldNotCharge', { amount, number: c.invoice.number, reason }),
      mail.t('email.paymentFailed.retryOn', { date: mail.date(retryAt) }),
      mail.t('email.paymentFailed.schedule', {
        count: DUNNING_RETRY_DAYS.length,
        days: DUNNING_RETRY_DAYS.map((day) => mail.t('email.paymentFailed.scheduleDay', { day })).join(', '),
      }),
    ],
    action: { label: mail.t('email.paymentFailed.action'), url: `${appUrl()}/account/billing` },
  };
}

function suspendedUnpaidEmail(owner: OwnerContact, c: Claimed, failures: number): EmailContent {
  const mail = emailKit(owner.locale);
  return {
    locale: owner.locale,
    subject: mail.t('email.suspendedUnpaid.subject'),
    greeting: mail.greeting(owner.name),
    paragraphs: [
      mail.t('email.suspendedUnpaid.tried', { failures, amount: mail.money(c.invoice.grossCents), number: c.invoice.number }),
      mail.t('email.suspendedUnpaid.reactivate'),
    ],
    action: { label: mail.t('email.suspendedUnpaid.action'), url: `${appUrl()}/account/billing` },
  };
}

/** The open invoice is being charged by another collector (a sweep, another tab) right now. */
export class CollectionInProgressError extends DomainError {
  constructor(invoiceNumber: string) {
    super(`Invoice ${invoiceNumber} is being charged right now. Nothing else was charged; please try again in a few minutes.`);
    this.name = 'CollectionInProgressError';
  }
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
  // Take the collection lease first, so a sweep cannot charge the old method for the same
  // invoice while the new one is being charged (and this cannot run while a sweep is charging).
  const open = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ subscription: subscriptions, invoice: invoices })
      .from(subscriptions)
      .innerJoin(invoices, eq(invoices.id, subscriptions.dunningInvoiceId))
      .where(eq(subscriptions.accountId, input.accountId))
      .for('update', { of: subscriptions });
    if (!row) throw new DomainError(msg('billing.errors.noOpenInvoice'));
    const at = now();
    if (row.subscription.collectionLeaseUntil && row.subscription.collectionLeaseUntil > at)
      throw new CollectionInProgressError(row.invoice.number);
    await tx
      .update(subscriptions)
      .set({ collectionLeaseUntil: new Date(at.getTime() + COLLECTION_LEASE_MS) })
      .where(eq(subscriptions.accountId, input.accountId));
    return row;
  });
  const releaseLease = (tx: Executor) =>
    tx.update(subscriptions).set({ collectionLeaseUntil: null }).where(eq(subscriptions.accountId, input.accountId));
  const idempotencyKey = `invoice:${open.invoice.id}:method:${input.details.token}`;
  // An unknown outcome (the processor did not answer) keeps the lease until it expires: the same
  // method may retry with the same key, but no sweep charges the old one meanwhile.
  const result = await chargeWithRetry(processor, {
    token: input.details.token,
    amountCents: open.invoice.grossCents,
    currency: 'EUR',
    idempotencyKey,
    description: `Accountdesk invoice ${open.invoice.number}`,
  });
  if (result.status === 'failed') {
    await db.transaction(async (tx) => {
      await releaseLease(tx);
      await recordAudit(tx, input.actor, { action: 'billing.settlement_declined', accountId: input.accountId, target: `invoice:${open.invoice.number}`, details: { code: result.code } });
    });
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
        .set({ status: statusAfterPayment, dunningInvoiceId: null, failedAttempts: 0, firstFailureAt: null, nextRetryAt: null, collectionLeaseUntil: null, suspendedAt: null, updatedAt: at })
        .where(eq(subscriptions.accountId, input.accountId));
      await tx.update(accounts).set({ status: 'active' }).where(and(eq(accounts.id, input.accountId), eq(accounts.status, 'suspended'), isNull(accounts.staffSuspendedAt)));
    }
    await recordAudit(tx, input.actor, { action: 'billing.debt_settled', accountId: input.accountId, target: `invoice:${open.invoice.number}`, details: { wasStatus: locked.status } });
    await queueChargeConfirmation(tx, input.accountId, open.invoice, pm);
    return { invoice: open.invoice, paymentMethod: pm };
  });
}
