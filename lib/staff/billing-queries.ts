// The billing section of the staff account page: subscription, payment method, documents and
// open debt of one account. Reads only what staff need to recognise things: the payment method
// is selected column by column so its processor token never leaves the database (PAY-5).
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { charges, invoices, paymentMethods, plans, subscriptions } from '@/db/schema';
import type { PaymentMethodShown } from '@/lib/billing/payment-method-label';
import { canExtendTrial, canRetryCharge } from '@/lib/billing/staff-actions';
import { trialDaysLeft } from '@/lib/billing/periods';
import { now } from '@/lib/clock';
import { listAccountDocuments, type DocumentRow } from '@/lib/invoices/queries';

export type SubscriptionStatus = (typeof subscriptions.$inferSelect)['status'];

export interface SubscriptionView {
  planName: string;
  seats: number;
  interval: 'monthly' | 'yearly';
  status: SubscriptionStatus;
  trialEndsAt: Date | null;
  /** Whole Bratislava days left while the trial runs; null when not trialing. */
  trialDaysLeft: number | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  /** When the next period is invoiced and charged; null when nothing renews (trial, suspended, lifetime, cancelled). */
  nextRenewalAt: Date | null;
}

/** What identifies a payment method to a person; deliberately without the processor token. */
export interface PaymentMethodView extends PaymentMethodShown {
  addedAt: Date;
}

/** PAY-8: the renewal invoice being collected and where its retry schedule stands. */
export interface OpenDebtView {
  invoiceId: string;
  number: string;
  amountCents: number;
  issuedAt: Date;
  failedAttempts: number;
  firstFailureAt: Date | null;
  /** Null after the last retry: then only the owner's new payment method settles it. */
  nextRetryAt: Date | null;
  lastFailureMessage: string | null;
}

export interface AccountBilling {
  subscription: SubscriptionView | null;
  paymentMethod: PaymentMethodView | null;
  documents: DocumentRow[];
  openDebt: OpenDebtView | null;
  /** The same conditions the services check; the services still refuse on their own. */
  canExtendTrial: boolean;
  canRetryCharge: boolean;
}

const RENEWING: SubscriptionStatus[] = ['active', 'past_due'];

export async function getAccountBilling(db: Executor, accountId: string, at: Date = now()): Promise<AccountBilling> {
  const [row] = await db
    .select({ subscription: subscriptions, planName: plans.name })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .where(eq(subscriptions.accountId, accountId))
    .limit(1);

  const [pm] = await db
    .select({
      kind: paymentMethods.kind,
      brand: paymentMethods.brand,
      last4: paymentMethods.last4,
      expMonth: paymentMethods.expMonth,
      expYear: paymentMethods.expYear,
      paypalEmail: paymentMethods.paypalEmail,
      addedAt: paymentMethods.createdAt,
    })
    .from(paymentMethods)
    .where(and(eq(paymentMethods.accountId, accountId), isNull(paymentMethods.replacedAt)))
    .orderBy(desc(paymentMethods.createdAt))
    .limit(1);

  const documents = await listAccountDocuments(db, accountId);

  const s = row?.subscription;
  let openDebt: OpenDebtView | null = null;
  if (s?.dunningInvoiceId) {
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, s.dunningInvoiceId)).limit(1);
    const [lastFailure] = await db
      .select({ message: charges.failureMessage })
      .from(charges)
      .where(and(eq(charges.invoiceId, s.dunningInvoiceId), eq(charges.status, 'failed')))
      .orderBy(desc(charges.createdAt), desc(charges.attempt))
      .limit(1);
    if (invoice)
      openDebt = {
        invoiceId: invoice.id,
        number: invoice.number,
        amountCents: invoice.grossCents,
        issuedAt: invoice.issuedAt,
        failedAttempts: s.failedAttempts,
        firstFailureAt: s.firstFailureAt,
        nextRetryAt: s.status === 'suspended' ? null : s.nextRetryAt,
        lastFailureMessage: lastFailure?.message ?? null,
      };
  }

  return {
    subscription:
      row && s
        ? {
            planName: row.planName,
            seats: s.seats,
            interval: s.interval,
            status: s.status,
            trialEndsAt: s.trialEndsAt,
            trialDaysLeft: s.status === 'trialing' && s.trialEndsAt ? trialDaysLeft(s.trialEndsAt, at) : null,
            currentPeriodStart: s.currentPeriodStart,
            currentPeriodEnd: s.currentPeriodEnd,
            nextRenewalAt: RENEWING.includes(s.status) ? s.currentPeriodEnd : null,
          }
        : null,
    paymentMethod: pm ?? null,
    documents,
    openDebt,
    canExtendTrial: !!s && canExtendTrial(s),
    canRetryCharge: !!s && canRetryCharge(s),
  };
}
