// ACC-2: signups that are not verified within 7 days expire. The sweep removes what the signup
// created (tokens, terms acceptance, sessions, the trial subscription, the owner and the account), so that the address and
// the email can be used again; the audit log keeps a record. One account per transaction, claimed
// with FOR UPDATE SKIP LOCKED, so two instances running the sweep never collide.
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, dealCodes, dealRedemptionAttempts, emailVerifications, seatIntervals, sessions, subscriptions, termsAcceptances, users } from '@/db/schema';
import { recordAudit, SYSTEM } from '@/lib/audit';
import { now } from '@/lib/clock';

export const UNVERIFIED_SIGNUP_DAYS = 7;

export async function expireUnverifiedSignups(db: Db): Promise<number> {
  const cutoff = new Date(now().getTime() - UNVERIFIED_SIGNUP_DAYS * 86_400_000);
  let processed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [account] = await tx
        .select({ id: accounts.id, slug: accounts.slug, createdAt: accounts.createdAt })
        .from(accounts)
        .where(and(eq(accounts.status, 'pending_verification'), lt(accounts.createdAt, cutoff)))
        .orderBy(accounts.createdAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!account) return false;
      const members = await tx.select({ id: users.id }).from(users).where(eq(users.accountId, account.id));
      const ids = members.map((m) => m.id);
      if (ids.length) {
        await tx.delete(emailVerifications).where(inArray(emailVerifications.userId, ids));
        await tx.delete(termsAcceptances).where(inArray(termsAcceptances.userId, ids));
        await tx.delete(sessions).where(inArray(sessions.userId, ids));
        await tx.delete(seatIntervals).where(inArray(seatIntervals.userId, ids));
        await tx.delete(users).where(inArray(users.id, ids));
      }
      await tx.delete(subscriptions).where(eq(subscriptions.accountId, account.id));
      // APS-2: a deal code redeemed by a signup that was never confirmed is free again.
      await tx.update(dealCodes).set({ accountId: null, redeemedAt: null }).where(eq(dealCodes.accountId, account.id));
      await tx.update(dealRedemptionAttempts).set({ holdingAccountId: null }).where(eq(dealRedemptionAttempts.holdingAccountId, account.id));
      await tx.delete(accounts).where(eq(accounts.id, account.id));
      await recordAudit(tx, SYSTEM, {
        action: 'account.signup_expired',
        accountId: account.id,
        target: `account:${account.id}`,
        details: { slug: account.slug, signedUpAt: account.createdAt.toISOString() },
      });
      return true;
    });
    if (!done) break;
    processed++;
  }
  return processed;
}
