// INV-7, INV-8: prepaid credit. Staff add credit agreed with the customer; each renewal invoice is
// paid from it while the balance covers the whole invoice (no card charge); stopping the account
// refunds the unused remainder minus the cancellation fee, as a credit note, through the processor.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { inList, insertRows } from '@/db/bulk';
import type { Db, Executor, Tx } from '@/db/client';
import { accounts, invoices, plans, prepaidCreditEntries, subscriptions } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, recordAudits, SYSTEM, type Actor, type AuditEntry } from '@/lib/audit';
import { currentBuyerAndLocale, currentBuyersAndLocales } from '@/lib/billing/buyer';
import { ownerContact, ownerContacts, PREPAID_CREDIT_CHARGE_ID, queueOwnerEmail, recordCharges } from '@/lib/billing/charges';
import { priceLines } from '@/lib/billing/money';
import { bratislavaDay } from '@/lib/billing/periods';
import { periodLines } from '@/lib/billing/pricing';
import { ProcessorUnavailableError, type PaymentProcessor } from '@/lib/billing/processor';
import { emailKit } from '@/lib/email/locale';
import { queueEmails } from '@/lib/email/outbox';
import type { EmailContent } from '@/lib/email/render';
import { now } from '@/lib/clock';
import { appUrl } from '@/lib/http/request';
import { formatMoney } from '@/lib/i18n/format';
import { msg } from '@/lib/i18n/message-ref';
import { translatorFor } from '@/lib/i18n/translator';
import { issueDocument, type Invoice } from '@/lib/invoices/issue';
import { vatTreatment } from '@/lib/vat/treatment';
import { cancellationFeePercent, cancellationFigures, invoicesPaidFromCredit, projectedCreditEnd } from './rules';

export type CreditEntry = typeof prepaidCreditEntries.$inferSelect;

/** The balance of one or more accounts (the sum of their ledgers), by account; accounts without entries are absent. */
export async function creditBalances(db: Executor, accountIds: string[]): Promise<Map<string, number>> {
  if (!accountIds.length) return new Map();
  const rows = await db
    .select({ accountId: prepaidCreditEntries.accountId, balance: sql<number>`coalesce(sum(${prepaidCreditEntries.amountCents}), 0)::int` })
    .from(prepaidCreditEntries)
    .where(inList(prepaidCreditEntries.accountId, accountIds))
    .groupBy(prepaidCreditEntries.accountId);
  return new Map(rows.map((r) => [r.accountId, Number(r.balance)]));
}

export async function creditBalance(db: Executor, accountId: string): Promise<number> {
  return (await creditBalances(db, [accountId])).get(accountId) ?? 0;
}

/** INV-7: staff add credit agreed with the customer: audited, and the owner is emailed. */
export async function addPrepaidCredit(
  db: Db,
  input: { accountId: string; amountCents: number; reference: string; agreedOn: string; actor: Actor; staffUserId: string; at: Date },
): Promise<CreditEntry> {
  if (input.agreedOn > bratislavaDay(input.at)) throw new DomainError(msg('credit.errors.agreedOnFuture'), 'agreedOn');
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, input.accountId)).limit(1).for('update');
    if (!account) throw new DomainError(msg('credit.errors.noAccount'));
    if (account.status === 'stopped') throw new DomainError(msg('credit.errors.stopped'));
    const [entry] = await tx
      .insert(prepaidCreditEntries)
      .values({
        accountId: account.id,
        kind: 'added',
        amountCents: input.amountCents,
        reference: input.reference,
        agreedOn: input.agreedOn,
        createdBy: input.staffUserId,
        createdAt: input.at,
      })
      .returning();
    const balance = await creditBalance(tx, account.id);
    await recordAudit(tx, input.actor, {
      action: 'billing.prepaid_credit_added',
      accountId: account.id,
      target: `account:${account.id}`,
      details: { amountCents: input.amountCents, reference: input.reference, agreedOn: input.agreedOn, balanceCents: balance },
    });
    await queueOwnerEmail(tx, account.id, (mail) => ({
      subject: mail.t('credit.email.added.subject'),
      paragraphs: [
        mail.t('credit.email.added.added', { amount: mail.money(input.amountCents), reference: input.reference, date: mail.date(new Date(`${input.agreedOn}T12:00:00Z`)) }),
        mail.t('credit.email.added.balance', { balance: mail.money(balance) }),
        mail.t('credit.email.added.howUsed'),
      ],
      action: { label: mail.t('credit.email.added.action'), url: `${appUrl()}/account/billing` },
    }));
    return entry;
  });
}

export interface LedgerRow extends CreditEntry {
  documentNumber: string | null;
}

/** INV-7: the ledger of an account, newest first, with the numbers of the documents it names. */
export async function creditLedger(db: Executor, accountId: string): Promise<LedgerRow[]> {
  const rows = await db
    .select({ entry: prepaidCreditEntries, documentNumber: invoices.number })
    .from(prepaidCreditEntries)
    .leftJoin(invoices, eq(invoices.id, prepaidCreditEntries.invoiceId))
    .where(eq(prepaidCreditEntries.accountId, accountId))
    .orderBy(desc(prepaidCreditEntries.createdAt), asc(prepaidCreditEntries.kind));
  return rows.map((r) => ({ ...r.entry, documentNumber: r.documentNumber }));
}

export interface CreditSummary {
  balanceCents: number;
  /** What one renewal costs at the current plan, seats and billing details, VAT included. */
  periodGrossCents: number | null;
  interval: 'monthly' | 'yearly' | null;
  /** Renewals the balance pays in full. */
  periods: number;
  /** When the credit runs out (the end of the last period it pays), or null when it covers no renewal. */
  endsAt: Date | null;
}

/**
 * INV-7: the balance and the projected end date, for an account that has ever had credit (null
 * otherwise). The period price is worked out as the next renewal invoice will be: seats × per-seat
 * price of the current plan and interval, with the VAT of the current billing details.
 */
export async function creditSummary(db: Executor, accountId: string, at: Date): Promise<CreditSummary | null> {
  const balances = await creditBalances(db, [accountId]);
  if (!balances.has(accountId)) return null;
  const balanceCents = balances.get(accountId)!;
  const [sub] = await db
    .select({ subscription: subscriptions, plan: plans })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .where(eq(subscriptions.accountId, accountId))
    .limit(1);
  const renewing = sub && sub.subscription.status !== 'canceled' && sub.subscription.status !== 'lifetime' && sub.subscription.currentPeriodEnd;
  if (!renewing) return { balanceCents, periodGrossCents: null, interval: null, periods: 0, endsAt: null };
  const s = sub.subscription;
  const { buyer } = await currentBuyerAndLocale(db, accountId);
  const treatment = vatTreatment({ country: buyer.country, vatNumber: buyer.vatNumber, day: bratislavaDay(at) });
  const periodGrossCents = priceLines(periodLines(sub.plan, s.seats, s.interval), treatment.rate).grossCents;
  const { periods, endsAt } = projectedCreditEnd({
    balanceCents,
    periodGrossCents,
    nextRenewalAt: s.currentPeriodEnd!,
    anchor: s.periodAnchor ?? s.currentPeriodStart ?? s.currentPeriodEnd!,
    interval: s.interval,
  });
  return { balanceCents, periodGrossCents, interval: s.interval, periods, endsAt };
}

/** The idempotency key of the charge row that records an invoice as paid from credit. */
export const creditPaymentKey = (invoiceId: string) => `invoice:${invoiceId}:prepaid-credit`;

/**
 * INV-7: called by the renewal sweep right after it issued a batch of renewal invoices, in the same
 * transaction, so the card collection never sees an invoice that credit pays. Set-based: one query
 * for the balances, then one statement each for the ledger, the payments, the subscriptions, the
 * audit entries and the emails, whatever the batch size. The subscriptions are locked by the sweep.
 */
export async function payRenewalsFromCredit(tx: Tx, issued: Pick<Invoice, 'id' | 'accountId' | 'number' | 'grossCents' | 'buyer'>[], at: Date): Promise<number> {
  if (!issued.length) return 0;
  const balances = await creditBalances(
    tx,
    issued.map((d) => d.accountId),
  );
  if (!balances.size) return 0;
  const paid = invoicesPaidFromCredit(issued, balances);
  if (!paid.length) return 0;
  await insertRows(
    tx,
    prepaidCreditEntries,
    paid.map((inv) => ({ accountId: inv.accountId, kind: 'consumed' as const, amountCents: -inv.grossCents, invoiceId: inv.id, createdAt: at })),
  );
  // The invoice counts as paid like any other: a succeeded payment row, here without a payment method.
  await recordCharges(
    tx,
    paid.map((inv) => ({
      accountId: inv.accountId,
      invoice: inv,
      pm: null,
      attempt: 1,
      result: { status: 'succeeded' as const, chargeId: PREPAID_CREDIT_CHARGE_ID },
      idempotencyKey: creditPaymentKey(inv.id),
    })),
  );
  await tx
    .update(subscriptions)
    .set({ dunningInvoiceId: null, nextRetryAt: null, failedAttempts: 0, firstFailureAt: null, updatedAt: at })
    .where(
      and(
        inList(
          subscriptions.accountId,
          paid.map((p) => p.accountId),
        ),
        inList(
          subscriptions.dunningInvoiceId,
          paid.map((p) => p.id),
        ),
      ),
    );
  const left = (inv: (typeof paid)[number]) => balances.get(inv.accountId)! - inv.grossCents;
  const audits: AuditEntry[] = paid.map((inv) => ({
    action: 'billing.invoice_paid_from_credit',
    accountId: inv.accountId,
    target: `invoice:${inv.number}`,
    details: { amountCents: inv.grossCents, balanceCents: left(inv) },
  }));
  await recordAudits(tx, SYSTEM, audits);
  const owners = await ownerContacts(
    tx,
    paid.map((p) => p.accountId),
  );
  const mails: { to: string; content: EmailContent; accountId: string }[] = [];
  for (const inv of paid) {
    const owner = owners.get(inv.accountId);
    if (!owner) continue;
    const mail = emailKit(owner.locale);
    mails.push({
      to: owner.email,
      accountId: inv.accountId,
      content: {
        locale: owner.locale,
        subject: mail.t('credit.email.paid.subject', { number: inv.number }),
        greeting: mail.greeting(owner.name),
        paragraphs: [
          mail.t('credit.email.paid.paid', { number: inv.number, amount: mail.money(inv.grossCents) }),
          mail.t('credit.email.paid.balance', { balance: mail.money(left(inv)) }),
        ],
        action: { label: mail.t('credit.email.paid.action'), url: `${appUrl()}/account/invoices` },
      },
    });
  }
  await queueEmails(tx, mails);
  return paid.length;
}

export interface CancellationPreview {
  feePercent: number;
  remainderCents: number;
  refundCents: number;
  feeCents: number;
}

/**
 * INV-8: what cancelling now would do with the credit, as the owner sees it before confirming and
 * staff before carrying out an emailed cancellation; null without a positive balance. The same
 * figures as settleCreditOnStop computes inside the stop.
 */
export async function cancellationPreview(db: Executor, accountId: string, at: Date): Promise<CancellationPreview | null> {
  const remainder = await creditBalance(db, accountId);
  if (remainder <= 0) return null;
  const { buyer } = await currentBuyerAndLocale(db, accountId);
  const rate = vatTreatment({ country: buyer.country, vatNumber: buyer.vatNumber, day: bratislavaDay(at) }).rate;
  const feePercent = cancellationFeePercent();
  const f = cancellationFigures(remainder, feePercent, rate);
  return { feePercent, remainderCents: f.remainderCents, refundCents: f.refundCents, feeCents: f.feeCents };
}

/** The previews of many accounts (the staff cancellations list), by account. */
export async function cancellationPreviews(db: Executor, accountIds: string[], at: Date): Promise<Map<string, CancellationPreview>> {
  const out = new Map<string, CancellationPreview>();
  const balances = await creditBalances(db, accountIds);
  const withCredit = [...balances].filter(([, b]) => b > 0).map(([id]) => id);
  if (!withCredit.length) return out;
  const { buyers } = await currentBuyersAndLocales(db, withCredit);
  const feePercent = cancellationFeePercent();
  const day = bratislavaDay(at);
  for (const id of withCredit) {
    const buyer = buyers.get(id)!;
    const f = cancellationFigures(balances.get(id)!, feePercent, vatTreatment({ country: buyer.country, vatNumber: buyer.vatNumber, day }).rate);
    out.set(id, { feePercent, remainderCents: f.remainderCents, refundCents: f.refundCents, feeCents: f.feeCents });
  }
  return out;
}

/**
 * INV-8: settles the credit of an account being stopped, inside the stop's transaction and BEFORE
 * its personal data are erased (the credit note needs the buyer's details, the email the owner's
 * address). The refund — the remainder × (100 − fee) % — is issued as a credit note and recorded
 * as a pending refund; the fee is recorded as forfeited. The processor is called after the commit
 * (refundPendingCredit), with a key derived from the credit note, so a retry never pays twice.
 */
export async function settleCreditOnStop(tx: Tx, input: { accountId: string; actor: Actor; at: Date }): Promise<{ creditNote: Invoice | null; refundCents: number; feeCents: number; email: { to: string; content: EmailContent } | null } | null> {
  // The renewal sweep locks the subscription before it spends credit: take the same lock, so the
  // balance read here cannot be spent by a renewal committing in between.
  await tx.select({ id: subscriptions.accountId }).from(subscriptions).where(eq(subscriptions.accountId, input.accountId)).for('update');
  const remainder = await creditBalance(tx, input.accountId);
  if (remainder <= 0) return null;
  const { buyer, locale } = await currentBuyerAndLocale(tx, input.accountId);
  const treatment = vatTreatment({ country: buyer.country, vatNumber: buyer.vatNumber, day: bratislavaDay(input.at) });
  const feePercent = cancellationFeePercent();
  const figures = cancellationFigures(remainder, feePercent, treatment.rate);
  const t = translatorFor(locale);
  const money = (cents: number) => formatMoney(cents, locale);
  let creditNote: Invoice | null = null;
  if (figures.refundCents > 0) {
    creditNote = await issueDocument(tx, {
      accountId: input.accountId,
      kind: 'credit_note',
      reason: 'prepaid_credit_refund',
      buyer,
      lines: [{ description: t('credit.document.refundLine'), quantity: 1, unitPriceCents: figures.refundNetCents }],
      issuedAt: input.at,
      treatment,
      locale,
      note: t('credit.document.refundNote', { remainder: money(figures.remainderCents), fee: money(figures.feeCents), percent: feePercent }),
    });
  }
  await insertRows(tx, prepaidCreditEntries, [
    ...(creditNote
      ? [{ accountId: input.accountId, kind: 'refunded' as const, amountCents: -creditNote.grossCents, invoiceId: creditNote.id, refundStatus: 'pending' as const, createdAt: input.at }]
      : []),
    ...(figures.feeCents > 0 ? [{ accountId: input.accountId, kind: 'forfeited' as const, amountCents: -figures.feeCents, invoiceId: creditNote?.id ?? null, createdAt: input.at }] : []),
  ]);
  await recordAudit(tx, input.actor, {
    action: 'billing.prepaid_credit_refunded',
    accountId: input.accountId,
    target: creditNote ? `invoice:${creditNote.number}` : `account:${input.accountId}`,
    details: { remainderCents: figures.remainderCents, refundCents: figures.refundCents, feeCents: figures.feeCents, feePercent },
  });
  // The owner is told after the erasure (which clears mail already queued to the erased address):
  // the caller queues this email, written now while the owner's address and language are known.
  const owner = await ownerContact(tx, input.accountId);
  let email: { to: string; content: EmailContent } | null = null;
  if (owner) {
    const mail = emailKit(owner.locale);
    email = {
      to: owner.email,
      content: {
        locale: owner.locale,
        greeting: mail.greeting(owner.name),
        subject: mail.t('credit.email.refund.subject'),
        paragraphs: [
          mail.t('credit.email.refund.figures', { remainder: mail.money(figures.remainderCents), refund: mail.money(figures.refundCents), fee: mail.money(figures.feeCents), percent: feePercent }),
          ...(creditNote ? [mail.t('credit.email.refund.creditNote', { number: creditNote.number })] : []),
        ],
        action: { label: mail.t('credit.email.refund.action'), url: appUrl() },
      },
    };
  }
  return { creditNote, refundCents: figures.refundCents, feeCents: figures.feeCents, email };
}

/** The idempotency key of the refund of a credit note: one refund per credit note, however often it is retried. */
export const refundKey = (creditNoteId: string) => `credit-note:${creditNoteId}:refund`;

/**
 * INV-8: pays out pending refunds through the processor (a sweep, and right after a stop). Each is
 * called outside any transaction with the credit note's key; the answer is recorded afterwards.
 * A crash or a lost answer in between leaves it pending, and the retry repeats the same key, which
 * the processor answers with the refund it already made.
 */
export async function refundPendingCredit(db: Db, processor: PaymentProcessor, accountId?: string): Promise<number> {
  const pending = await db
    .select({ id: prepaidCreditEntries.id, amountCents: prepaidCreditEntries.amountCents, creditNoteId: prepaidCreditEntries.invoiceId, number: invoices.number })
    .from(prepaidCreditEntries)
    .innerJoin(invoices, eq(invoices.id, prepaidCreditEntries.invoiceId))
    .where(and(eq(prepaidCreditEntries.refundStatus, 'pending'), accountId ? eq(prepaidCreditEntries.accountId, accountId) : undefined))
    .limit(200);
  let done = 0;
  for (const p of pending) {
    let refundId: string;
    try {
      ({ refundId } = await processor.refund({
        amountCents: -p.amountCents,
        currency: 'EUR',
        idempotencyKey: refundKey(p.creditNoteId!),
        description: `Accountdesk credit note ${p.number}`,
      }));
    } catch (err) {
      if (err instanceof ProcessorUnavailableError) continue;
      throw err;
    }
    const updated = await db
      .update(prepaidCreditEntries)
      .set({ refundStatus: 'refunded', processorRefundId: refundId, refundedAt: now() })
      .where(and(eq(prepaidCreditEntries.id, p.id), eq(prepaidCreditEntries.refundStatus, 'pending')))
      .returning({ id: prepaidCreditEntries.id });
    done += updated.length;
  }
  return done;
}
