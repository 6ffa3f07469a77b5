// PAY-3/PAY-5/PAY-7: sending the owner to the processor's hosted page and taking them back.
// The reference that travels with them is signed and bound to the account AND the browser
// session that started it, so a token handed back by the processor cannot be replayed into
// another account or by another person.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { plans, subscriptions } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { derivedKey } from '@/lib/http/secret';
import { msg } from '@/lib/i18n/message-ref';
import type { PaymentKind, PaymentProcessor } from './processor';
import { firstPeriodIsDue, getSubscription } from './subscriptions';

/** How long the owner has to finish on the processor's page. */
export const SETUP_REFERENCE_TTL_MS = 60 * 60 * 1000;
export const PAYMENT_RETURN_PATH = '/account/billing/return';

/** What a setup reference is bound to: the account and the browser session that started it. */
export interface SetupBinding {
  accountId: string;
  sessionId: string;
}

function sign(payload: string, b: SetupBinding): string {
  return createHmac('sha256', derivedKey('payment-setup')).update(`${payload}|${b.accountId}|${b.sessionId}`).digest('base64url');
}

export function createSetupReference(b: SetupBinding, at: Date): string {
  const payload = `${randomBytes(9).toString('base64url')}.${Math.floor((at.getTime() + SETUP_REFERENCE_TTL_MS) / 1000)}`;
  return `${payload}.${sign(payload, b)}`;
}

export type ReferenceCheck = 'ok' | 'invalid' | 'expired';

export function checkSetupReference(reference: string, b: SetupBinding, at: Date): ReferenceCheck {
  const parts = reference.split('.');
  if (parts.length !== 3) return 'invalid';
  const payload = `${parts[0]}.${parts[1]}`;
  const expected = Buffer.from(sign(payload, b));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return Number(parts[1]) * 1000 < at.getTime() ? 'expired' : 'ok';
}

export interface PaymentSetupInput {
  method: PaymentKind;
  /** Only while the first period is still to be paid: the plan and interval to start with. */
  planCode?: string;
  interval?: 'monthly' | 'yearly';
}

/**
 * Records the plan and interval chosen for the first period (while it is still unpaid) and
 * answers with the processor page to send the owner to.
 */
export async function beginPaymentSetup(db: Db, processor: PaymentProcessor, b: SetupBinding & { actor: Actor }, input: PaymentSetupInput, at: Date): Promise<string> {
  const sub = await getSubscription(db, b.accountId);
  if (!sub) throw new DomainError(msg('billing.errors.noSubscription'));
  // A lifetime deal pays nothing for its plan, but keeps a method on file for extra users (APS-9).
  if (sub.subscription.status === 'canceled') throw new DomainError(msg('billing.errors.nothingToPay'));
  if (firstPeriodIsDue(sub.subscription) && input.planCode) {
    const [plan] = await db
      .select()
      .from(plans)
      .where(and(eq(plans.code, input.planCode), eq(plans.isPublic, true)))
      .limit(1);
    if (!plan || plan.seatPriceMonthlyCents <= 0) throw new DomainError(msg('billing.errors.choosePaidPlan'), 'plan');
    const interval = input.interval ?? sub.subscription.interval;
    if (plan.id !== sub.plan.id || interval !== sub.subscription.interval) {
      await db.transaction(async (tx) => {
        await tx.update(subscriptions).set({ planId: plan.id, interval, updatedAt: at }).where(eq(subscriptions.accountId, b.accountId));
        await recordAudit(tx, b.actor, { action: 'billing.plan_chosen', accountId: b.accountId, details: { plan: plan.code, interval } });
      });
    }
  }
  return processor.hostedPageUrl(input.method, { returnPath: PAYMENT_RETURN_PATH, reference: createSetupReference(b, at) });
}
