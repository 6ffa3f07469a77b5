// PAY-2: the trial's end. Three days before, the owner is reminded; at the end, an account
// without a payment method is suspended (billing page only) until one is added.
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { accounts, subscriptions } from '@/db/schema';
import { recordAudit, SYSTEM } from '@/lib/audit';
import { now } from '@/lib/clock';
import { appUrl } from '@/lib/http/request';
import { queueOwnerEmail } from './charges';

export const TRIAL_REMINDER_DAYS = 3;

/** One due subscription per transaction, claimed with SKIP LOCKED; returns how many were handled. */
async function sweep(db: Db, handle: (tx: Tx, at: Date) => Promise<boolean>): Promise<number> {
  let n = 0;
  while (await db.transaction((tx) => handle(tx, now()))) n++;
  return n;
}

export async function sendTrialReminders(db: Db): Promise<number> {
  return sweep(db, async (tx, at) => {
    const soon = new Date(at.getTime() + TRIAL_REMINDER_DAYS * 86_400_000);
    const [s] = await tx
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.status, 'trialing'), isNull(subscriptions.trialReminderSentAt), lte(subscriptions.trialEndsAt, soon), gt(subscriptions.trialEndsAt, at)))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!s) return false;
    await tx.update(subscriptions).set({ trialReminderSentAt: at, updatedAt: at }).where(eq(subscriptions.accountId, s.accountId));
    await queueOwnerEmail(tx, s.accountId, (mail) => {
      const date = mail.date(s.trialEndsAt!);
      return {
        subject: mail.t('email.trialReminder.subject', { date }),
        paragraphs: [mail.t('email.trialReminder.endsOn', { date }), mail.t('email.trialReminder.firstPeriod')],
        action: { label: mail.t('email.trialReminder.action'), url: `${appUrl()}/account/billing` },
      };
    });
    await recordAudit(tx, SYSTEM, { action: 'billing.trial_reminder_sent', accountId: s.accountId });
    return true;
  });
}

export async function suspendEndedTrials(db: Db): Promise<number> {
  return sweep(db, async (tx, at) => {
    const [s] = await tx
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.status, 'trialing'), lte(subscriptions.trialEndsAt, at)))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!s) return false;
    await tx.update(subscriptions).set({ status: 'suspended', suspendedAt: at, updatedAt: at }).where(eq(subscriptions.accountId, s.accountId));
    await tx.update(accounts).set({ status: 'suspended' }).where(and(eq(accounts.id, s.accountId), eq(accounts.status, 'active')));
    await queueOwnerEmail(tx, s.accountId, (mail) => ({
      subject: mail.t('email.trialEnded.subject'),
      paragraphs: [mail.t('email.trialEnded.over'), mail.t('email.trialEnded.reactivate')],
      action: { label: mail.t('email.trialEnded.action'), url: `${appUrl()}/account/billing` },
    }));
    await recordAudit(tx, SYSTEM, { action: 'billing.trial_ended_suspended', accountId: s.accountId });
    return true;
  });
}
