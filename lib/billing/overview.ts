// What the owner portal shows about billing: where the subscription stands, what it costs, and
// what (if anything) the owner must do. One read used by the banner, the overview and /account/billing.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { preparedPerHandle } from '@/db/prepared';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import type { Executor } from '@/db/client';
import { invoices, paymentMethods, plans, subscriptions } from '@/db/schema';
import { seatPriceCents } from './pricing';
import { trialDaysLeft } from './periods';
import { firstPeriodIsDue, type PaymentMethod } from './subscriptions';

export { paymentMethodLabel } from './payment-method-label';

export type BillingState =
  | { kind: 'trial'; endsAt: Date; daysLeft: number }
  | { kind: 'trial_ended' }
  | { kind: 'active'; renewsAt: Date | null }
  | { kind: 'past_due'; invoiceNumber: string; amountCents: number; nextRetryAt: Date | null }
  | { kind: 'suspended_unpaid'; invoiceNumber: string; amountCents: number }
  | { kind: 'lifetime' }
  | { kind: 'canceled' };

export interface BillingOverview {
  state: BillingState;
  planName: string;
  planCode: string;
  seats: number;
  interval: 'monthly' | 'yearly';
  /** Net price of one period at the current plan, seats and interval (VAT is added on the invoice). */
  periodNetCents: number;
  paymentMethod: PaymentMethod | null;
  /** PAY-3: adding a method now charges the first period. */
  firstPeriodDue: boolean;
}

// One statement for the subscription, its plan and the method on file (the portal banner reads
// this on every page); an open renewal invoice is a second one, only while there is one.
const subscriptionStatement = preparedPerHandle((db) =>
  db
    .select({ subscription: subscriptions, plan: plans, paymentMethod: paymentMethods })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .leftJoin(paymentMethods, and(eq(paymentMethods.accountId, subscriptions.accountId), isNull(paymentMethods.replacedAt)))
    .where(eq(subscriptions.accountId, sql.placeholder('accountId')))
    .limit(1)
    .prepare('billing_overview'),
);

export async function getBillingOverview(db: Executor, accountId: string, at: Date): Promise<BillingOverview | null> {
  const [sub] = await subscriptionStatement(db).execute({ accountId });
  if (!sub) return null;
  const s = sub.subscription;
  const paymentMethod: PaymentMethod | null = sub.paymentMethod ?? null;
  let state: BillingState;
  if (s.dunningInvoiceId) {
    const [open] = await db.select().from(invoices).where(eq(invoices.id, s.dunningInvoiceId)).limit(1);
    const invoiceNumber = open?.number ?? '';
    const amountCents = open?.grossCents ?? 0;
    state = s.status === 'suspended' ? { kind: 'suspended_unpaid', invoiceNumber, amountCents } : { kind: 'past_due', invoiceNumber, amountCents, nextRetryAt: s.nextRetryAt };
  } else if (s.status === 'trialing' && s.trialEndsAt) state = { kind: 'trial', endsAt: s.trialEndsAt, daysLeft: trialDaysLeft(s.trialEndsAt, at) };
  else if (s.status === 'suspended') state = { kind: 'trial_ended' };
  else if (s.status === 'lifetime') state = { kind: 'lifetime' };
  else if (s.status === 'canceled') state = { kind: 'canceled' };
  else state = { kind: 'active', renewsAt: s.currentPeriodEnd };
  return {
    state,
    planName: sub.plan.name,
    planCode: sub.plan.code,
    seats: s.seats,
    interval: s.interval,
    periodNetCents: seatPriceCents(sub.plan, s.interval) * s.seats,
    paymentMethod,
    firstPeriodDue: firstPeriodIsDue(s),
  };
}

/**
 * The overview for the current request: the portal layout (banner) and the page under it ask for
 * the same account in one render, and read the database once.
 */
export const billingOverviewForRequest = cache(async (accountId: string) => getBillingOverview(await getDb(), accountId, now()));
