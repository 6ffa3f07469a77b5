// CAN-3 and ACC-10 read queries for the staff account page and the suspended page.
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accountContactAttempts, accounts, staffAccessGrants, users } from '@/db/schema';

export async function accountStanding(db: Executor, accountId: string, staffSessionId: string, at: Date) {
  const [account] = await db
    .select({
      id: accounts.id,
      slug: accounts.slug,
      status: accounts.status,
      staffSuspendedAt: accounts.staffSuspendedAt,
      staffSuspensionReason: accounts.staffSuspensionReason,
      staffSuspensionGround: accounts.staffSuspensionGround,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account) return null;
  const attempts = await db
    .select({
      id: accountContactAttempts.id,
      channel: accountContactAttempts.channel,
      ground: accountContactAttempts.ground,
      notes: accountContactAttempts.notes,
      recordedAt: accountContactAttempts.recordedAt,
      warningSentAt: accountContactAttempts.warningSentAt,
      staffName: users.fullName,
    })
    .from(accountContactAttempts)
    .leftJoin(users, eq(users.id, accountContactAttempts.staffUserId))
    .where(eq(accountContactAttempts.accountId, accountId))
    .orderBy(desc(accountContactAttempts.recordedAt))
    .limit(50);
  const [grant] = await db
    .select({ id: staffAccessGrants.id, expiresAt: staffAccessGrants.expiresAt })
    .from(staffAccessGrants)
    .where(and(eq(staffAccessGrants.accountId, accountId), eq(staffAccessGrants.sessionId, staffSessionId), isNull(staffAccessGrants.endedAt), gt(staffAccessGrants.expiresAt, at)))
    .limit(1);
  return { account, attempts, activeGrant: grant ?? null };
}

export type AccountStanding = NonNullable<Awaited<ReturnType<typeof accountStanding>>>;
