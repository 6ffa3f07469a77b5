// PAY-1..PAY-3, PAY-5..PAY-7: the subscription's life from trial to paid, and payment methods.
import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accounts, invoices, paymentMethods, plans, subscriptions, type PartySnapshot } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { msg } from '@/lib/i18n/message-ref';
import { recordAudit, type Actor } from '@/lib/audit';
import { now } from '@/lib/clock';
import { issueDocument, type Invoice } from '@/lib/invoices/issue';
import { vatTreatment } from '@/lib/vat/treatment';
import { currentBuyerAndLocale } from './buyer';
import { priceLines, type Line } from './money';
import { bratislavaDay, nextPeriodEnd, trialEndsAt } from './periods';
import { periodLines } from './pricing';
import { describePaymentMethod, queueChargeConfirmation, recordCharge, type PaymentMethod } from './charges';
import { chargeKey, chargeWithRetry, PaymentDeclinedError, type PaymentProcessor } from './processor';
import { replacePaymentMethod } from './payment-methods';
import { settleOpenInvoice } from './renewals';

export { describePaymentMethod, type PaymentMethod };

export type Subscription = typeof subscriptions.$inferSelect;

export const TRIAL_PLAN_CODE = 'team';

/** PAY-1: every new account starts a 14-day trial. Called inside the signup transaction. */
export async function startTrial(tx: Executor, accountId: string, signedUpAt: Date): Promise<void> {
  const [plan] = await tx.select().from(plans).where(eq(plans.code, TRIAL_PLAN_CODE)).limit(1);
  await tx.insert(subscriptions).values({
    accountId,
    planId: plan.id,
    seats: 1,
    interval: 'monthly',
    status: 'trialing',
    trialEndsAt: trialEndsAt(signedUpAt),
    createdAt: signedUpAt,
    updatedAt: signedUpAt,
  });
}

/**
 * PAY-3: does the next payment method pay the first period? During the trial, or after it ended
 * unpaid — not while a renewal invoice is open (the new method settles that one, PAY-8).
 */
export function firstPeriodIsDue(s: Pick<typeof subscriptions.$inferSelect, 'status' | 'dunningInvoiceId'>): boolean {
  return s.status === 'trialing' || (s.status === 'suspended' && !s.dunningInvoiceId);
}

export async function getSubscription(db: Executor, accountId: string) {
  const [row] = await db
    .select({ subscription: subscriptions, plan: plans })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .where(eq(subscriptions.accountId, accountId))
    .limit(1);
  return row ?? null;
}

export async function currentPaymentMethod(db: Executor, accountId: string): Promise<PaymentMethod | null> {
  const [row] = await db
    .select()
    .from(paymentMethods)
    .where(and(eq(paymentMethods.accountId, accountId), isNull(paymentMethods.replacedAt)))
    .limit(1);
  return row ?? null;
}

/** A stable UUID from a string: the first period's invoice id, so the charge key exists before the invoice. */
export function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface AddPaymentMethodInput {
  accountId: string;
  token: string;
  reference: string;
  actor: Actor;
}

export type AddPaymentMethodResult =
  | { outcome: 'saved'; paymentMethod: PaymentMethod }
  | { outcome: 'charged'; paymentMethod: PaymentMethod; invoice: Invoice };

/**
 * PAY-3/PAY-5: store the method the processor tokenised. During the trial or while suspended the
 * first period is charged at once; a declined charge stores nothing and explains why. The first
 * period's invoice id is derived from the token, and the charge key from that id, so a repeated
 * return from the processor never charges twice.
 */
export async function addPaymentMethod(db: Db, processor: PaymentProcessor, input: AddPaymentMethodInput): Promise<AddPaymentMethodResult> {
  const details = await processor.retrievePaymentMethod(input.token, input.reference);
  if (!details) throw new DomainError(msg('billing.errors.methodUnconfirmed'));
  const sub = await getSubscription(db, input.accountId);
  if (!sub) throw new DomainError(msg('billing.errors.noSubscription'));

  // The same return from the processor, seen again (reload, double submit): answer as before.
  const invoiceId = stableUuid(`first-period:${input.accountId}:${input.token}`);
  const [already] = await db.select().from(invoices).where(eq(invoices.id, invoiceId)).limit(1);
  const current = await currentPaymentMethod(db, input.accountId);
  if (already && current) return { outcome: 'charged', paymentMethod: current, invoice: already };
  if (current?.processorToken === details.token) return { outcome: 'saved', paymentMethod: current };

  // PAY-8: with an open renewal invoice, the new method must first pay it.
  if (sub.subscription.dunningInvoiceId) {
    const settled = await settleOpenInvoice(db, processor, { accountId: input.accountId, details, actor: input.actor });
    return { outcome: 'charged', ...settled };
  }
  if (!firstPeriodIsDue(sub.subscription)) {
    const saved = await db.transaction(async (tx) => {
      const pm = await replacePaymentMethod(tx, input.accountId, details);
      await recordAudit(tx, input.actor, { action: 'billing.payment_method_replaced', accountId: input.accountId, target: `payment_method:${pm.id}`, details: { kind: pm.kind, last4: pm.last4 } });
      return pm;
    });
    return { outcome: 'saved', paymentMethod: saved };
  }

  const at = now();
  // The invoice is written in the owner's language at issue time.
  const { buyer, locale } = await currentBuyerAndLocale(db, input.accountId);
  const lines = periodLines(sub.plan, sub.subscription.seats, sub.subscription.interval, locale);
  // Price the invoice exactly as it will be issued, so the charge matches it to the cent.
  const preview = invoiceTotal(buyer, lines, at);
  const result = await chargeWithRetry(processor, {
    token: details.token,
    amountCents: preview,
    currency: 'EUR',
    idempotencyKey: chargeKey(invoiceId, 1),
    description: `Accountdesk ${sub.plan.name}`,
  });
  if (result.status === 'failed') {
    await recordAudit(db, input.actor, { action: 'billing.first_charge_declined', accountId: input.accountId, details: { code: result.code } });
    throw new PaymentDeclinedError(result.code, `${result.message} Nothing was charged and the payment method was not saved. Try another card or PayPal.`);
  }

  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(subscriptions).where(eq(subscriptions.accountId, input.accountId)).for('update');
    // A concurrent return with the same token may have finished while we were charging.
    const [done] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).limit(1);
    if (done) return { outcome: 'charged' as const, paymentMethod: (await currentPaymentMethod(tx, input.accountId))!, invoice: done };
    const pm = await replacePaymentMethod(tx, input.accountId, details);
    // PAY-4: the first paid period anchors every later one.
    const firstPeriodEnd = nextPeriodEnd(at, at, locked.interval);
    const invoice = await issueDocument(tx, {
      id: invoiceId,
      accountId: input.accountId,
      kind: 'invoice',
      reason: 'first_period',
      buyer,
      lines,
      issuedAt: at,
      periodStart: at,
      periodEnd: firstPeriodEnd,
      locale,
    });
    if (invoice.grossCents !== preview) throw new Error('Charged amount differs from the invoice total');
    await recordCharge(tx, { accountId: input.accountId, invoice, pm, attempt: 1, result });
    await tx
      .update(subscriptions)
      .set({ status: 'active', periodAnchor: at, currentPeriodStart: at, currentPeriodEnd: firstPeriodEnd, suspendedAt: null, updatedAt: at })
      .where(eq(subscriptions.accountId, input.accountId));
    await tx.update(accounts).set({ status: 'active' }).where(and(eq(accounts.id, input.accountId), eq(accounts.status, 'suspended'), isNull(accounts.staffSuspendedAt)));
    await recordAudit(tx, input.actor, {
      action: 'billing.first_period_charged',
      accountId: input.accountId,
      target: `invoice:${invoice.number}`,
      details: { amountCents: invoice.grossCents, wasStatus: locked.status },
    });
    await queueChargeConfirmation(tx, input.accountId, invoice, pm);
    return { outcome: 'charged' as const, paymentMethod: pm, invoice };
  });
}

/** The gross total an invoice for `buyer` with `lines` will carry when issued at `at`. */
function invoiceTotal(buyer: PartySnapshot, lines: Line[], at: Date): number {
  const t = vatTreatment({ country: buyer.country, vatNumber: buyer.vatNumber, day: bratislavaDay(at) });
  return priceLines(lines, t.rate).grossCents;
}


