// CAN-4: accounts that pay nothing (free plan, trial, suspended, lifetime deal without extra users)
// and that nobody has used for 4 weeks get a warning email; 8 weeks without use they are deleted
// with the same stop-and-erase step as "Stop account". The warning always gives 4 weeks' notice: if
// it went out late (the sweep did not run, or the account became non-paying later), deletion waits
// until 4 weeks after it. Any use of the account after the warning cancels it.
import { addDays } from 'date-fns';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, plans, subscriptions, users } from '@/db/schema';
import { accountAddress } from '@/lib/accounts/address';
import { recordAudit, SYSTEM } from '@/lib/audit';
import { queueOwnerEmail } from '@/lib/billing/charges';
import { now } from '@/lib/clock';
import { appUrl } from '@/lib/http/request';
import { accountOwner, stopAndErase } from './stop-account';

export const WARN_AFTER_DAYS = 28;
export const DELETE_AFTER_DAYS = 56;

export type InactivityStep = 'none' | 'warn' | 'delete';

/** Pure: what the sweep does for an account last used at `lastActivity`, warned at `warnedAt` (or never). */
export function inactivityStep(lastActivity: Date, warnedAt: Date | null, at: Date): InactivityStep {
  const warnedForThisSpell = warnedAt !== null && warnedAt >= lastActivity;
  if (!warnedForThisSpell) return at >= addDays(lastActivity, WARN_AFTER_DAYS) ? 'warn' : 'none';
  return at >= deletionDate(lastActivity, warnedAt) ? 'delete' : 'none';
}

/** When an account warned at `warnedAt` is deleted if nobody uses it: 8 weeks after its last use, and never sooner than 4 weeks after the warning. */
export function deletionDate(lastActivity: Date, warnedAt: Date): Date {
  const eightWeeks = addDays(lastActivity, DELETE_AFTER_DAYS);
  const notice = addDays(warnedAt, WARN_AFTER_DAYS);
  return eightWeeks > notice ? eightWeeks : notice;
}

/**
 * The sweep: one account per transaction, claimed with SKIP LOCKED. Candidates are accounts in
 * use (active or suspended) whose subscription pays nothing now and whose last use (the latest of
 * its creation and any user's activity) is at least 4 weeks ago.
 */
export async function sweepInactiveAccounts(db: Db): Promise<number> {
  const at = now();
  const cutoff = addDays(at, -WARN_AFTER_DAYS);
  let handled = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const lastActivity = sql<Date>`greatest(${accounts.createdAt}, (select max(${users.lastActiveAt}) from ${users} where ${users.accountId} = ${accounts.id} and ${users.deletedAt} is null))`;
      const extraUsers = sql`(select count(*) from ${users} where ${users.accountId} = ${accounts.id} and ${users.deletedAt} is null) > ${subscriptions.seats}`;
      const nonPaying = sql`(${subscriptions.status} in ('trialing', 'suspended') or ${plans.seatPriceMonthlyCents} = 0 or (${subscriptions.status} = 'lifetime' and not ${extraUsers}))`;
      const [candidate] = await tx
        .select({ account: accounts, lastActivity: lastActivity.mapWith(accounts.createdAt) })
        .from(accounts)
        .innerJoin(subscriptions, eq(subscriptions.accountId, accounts.id))
        .innerJoin(plans, eq(plans.id, subscriptions.planId))
        .where(
          and(
            inArray(accounts.status, ['active', 'suspended']),
            nonPaying,
            sql`${lastActivity} <= ${cutoff.toISOString()}::timestamptz`,
            // Not those warned for this spell whose notice is still running (deletionDate in SQL).
            sql`not coalesce(${accounts.inactivityWarnedAt} >= ${lastActivity} and greatest(${lastActivity} + interval '${sql.raw(String(DELETE_AFTER_DAYS))} days', ${accounts.inactivityWarnedAt} + interval '${sql.raw(String(WARN_AFTER_DAYS))} days') > ${at.toISOString()}::timestamptz, false)`,
          ),
        )
        .orderBy(accounts.createdAt)
        .limit(1)
        .for('update', { of: accounts, skipLocked: true });
      if (!candidate) return false;
      const { account, lastActivity: last } = candidate;
      const step = inactivityStep(last, account.inactivityWarnedAt, at);
      if (step === 'warn') {
        await tx.update(accounts).set({ inactivityWarnedAt: at }).where(eq(accounts.id, account.id));
        const deleteOn = deletionDate(last, at);
        await queueOwnerEmail(tx, account.id, (mail) => ({
          subject: mail.t('cancellations.inactivity.subject', { address: accountAddress(account.slug) }),
          paragraphs: [
            mail.t('cancellations.inactivity.body', { address: accountAddress(account.slug), weeks: WARN_AFTER_DAYS / 7, date: mail.date(deleteOn) }),
            mail.t('cancellations.inactivity.keep'),
          ],
          action: { label: mail.t('cancellations.inactivity.action'), url: `${appUrl()}/login` },
        }));
        await recordAudit(tx, SYSTEM, { action: 'account.inactivity_warned', accountId: account.id, target: `account:${account.id}`, details: { lastActivity: last.toISOString(), deleteOn: deleteOn.toISOString() } });
      } else if (step === 'delete') {
        await stopAndErase(tx, { account, owner: await accountOwner(tx, account.id), actor: SYSTEM, reason: 'inactivity', at });
      } else {
        // The query and inactivityStep disagree only at the boundary instant: leave it for the next run.
        return false;
      }
      handled++;
      return true;
    });
    if (!done) break;
  }
  return handled;
}
