// Staff tools on an account's billing: extend a trial, retry collecting an open invoice now.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, subscriptions } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { now } from '@/lib/clock';
import { formatDate } from '@/lib/format';
import { appUrl } from '@/lib/http/request';
import { msg } from '@/lib/i18n/message-ref';
import { localeOfRequestOrDefault } from '@/lib/i18n/request-locale';
import { queueOwnerEmail } from './charges';
import { MAX_TRIAL_EXTENSION_DAYS } from './periods';
import { collectOpenInvoices } from './renewals';
import type { PaymentProcessor } from './processor';

type SubscriptionState = Pick<typeof subscriptions.$inferSelect, 'status' | 'dunningInvoiceId' | 'currentPeriodEnd'>;

/** A trial that is running, or one that ended without any payment (suspended, never paid). */
export function canExtendTrial(s: SubscriptionState): boolean {
  const endedTrial = s.status === 'suspended' && !s.dunningInvoiceId && !s.currentPeriodEnd;
  return s.status === 'trialing' || endedTrial;
}

/** An open invoice still inside its retry schedule; after the last retry only the owner's new method settles it. */
export function canRetryCharge(s: Pick<SubscriptionState, 'status' | 'dunningInvoiceId'>): boolean {
  return !!s.dunningInvoiceId && (s.status === 'active' || s.status === 'past_due');
}

/** Moves the trial end later by `days`; a suspended trial account becomes active again. */
export async function extendTrial(db: Db, accountId: string, days: number, reason: string, actor: Actor): Promise<{ message: string }> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_TRIAL_EXTENSION_DAYS) throw new DomainError(msg('staff.billing.errors.daysOutOfRange', { max: MAX_TRIAL_EXTENSION_DAYS }), 'days');
  return db.transaction(async (tx) => {
    const [s] = await tx.select().from(subscriptions).where(eq(subscriptions.accountId, accountId)).for('update');
    if (!s) throw new DomainError(msg('staff.billing.errors.noSubscription'));
    if (!canExtendTrial(s)) throw new DomainError(msg('staff.billing.errors.notATrial'));
    const at = now();
    const base = s.trialEndsAt && s.trialEndsAt > at ? s.trialEndsAt : at;
    const trialEndsAt = new Date(base.getTime() + days * 86_400_000);
    await tx.update(subscriptions).set({ status: 'trialing', trialEndsAt, trialReminderSentAt: null, suspendedAt: null, updatedAt: at }).where(eq(subscriptions.accountId, accountId));
    // A staff suspension (APS-3/CAN-3) stays until staff lift it; only the billing suspension ends here.
    if (s.status === 'suspended') await tx.update(accounts).set({ status: 'active' }).where(and(eq(accounts.id, accountId), isNull(accounts.staffSuspendedAt)));
    await recordAudit(tx, actor, { action: 'billing.trial_extended', accountId, details: { days, reason, trialEndsAt: trialEndsAt.toISOString() } });
    await queueOwnerEmail(tx, accountId, (mail) => {
      const date = mail.date(trialEndsAt);
      return {
        subject: mail.t('email.trialExtended.subject', { date }),
        paragraphs: [mail.t('email.trialExtended.extended', { days, date })],
        action: { label: mail.t('email.trialExtended.action'), url: `${appUrl()}/account` },
      };
    });
    // The staff member's language (English outside a request): the date is written out for the message.
    return { message: msg('staff.billing.messages.trialExtended', { date: formatDate(trialEndsAt, await localeOfRequestOrDefault()) }) };
  });
}

/** Makes an open invoice due now and runs the collection for it (audited). */
export async function retryChargeNow(db: Db, processor: PaymentProcessor, accountId: string, actor: Actor): Promise<{ message: string }> {
  const [s] = await db.select().from(subscriptions).where(eq(subscriptions.accountId, accountId));
  if (!s?.dunningInvoiceId) throw new DomainError(msg('staff.billing.errors.noOpenInvoice'));
  if (s.status === 'suspended') throw new DomainError(msg('staff.billing.errors.afterLastRetry'));
  if (!canRetryCharge(s)) throw new DomainError(msg('staff.billing.errors.notCollected'));
  await db.transaction(async (tx) => {
    await tx.update(subscriptions).set({ nextRetryAt: now() }).where(eq(subscriptions.accountId, accountId));
    await recordAudit(tx, actor, { action: 'billing.retry_requested', accountId });
  });
  await collectOpenInvoices(db, processor);
  const [after] = await db.select().from(subscriptions).where(eq(subscriptions.accountId, accountId));
  return { message: msg(after.dunningInvoiceId ? 'staff.billing.messages.chargeFailedAgain' : 'staff.billing.messages.invoicePaid') };
}
