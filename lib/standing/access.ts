// ACC-10: staff open a customer's portal only with a stated reason. A grant belongs to the staff
// session that started it, lasts STAFF_ACCESS_MINUTES and is read-only; its start, every page
// viewed and its end are written to the ACCOUNT's audit log, which the owner reads.
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accounts, staffAccessGrants } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, SYSTEM, type Actor } from '@/lib/audit';
import { msg } from '@/lib/i18n/message-ref';
import { grantIsActive, staffAccessExpiry } from './rules';
import type { StartAccessInput } from './schemas';

export type StaffAccessGrant = typeof staffAccessGrants.$inferSelect;
type AccountRow = typeof accounts.$inferSelect;

/** Why a grant ended, as the audit entry records it. */
export type GrantEnd = 'ended' | 'expired' | 'replaced';

/** A page view is written once: the same page again within this window is the same view. */
const REPEAT_VIEW_MS = 10_000;

async function closeGrant(tx: Executor, grant: StaffAccessGrant, how: GrantEnd, actor: Actor, at: Date): Promise<boolean> {
  // An expired grant ended at its expiry, whenever we notice.
  const endedAt = how === 'expired' ? grant.expiresAt : at;
  const [closed] = await tx
    .update(staffAccessGrants)
    .set({ endedAt })
    .where(and(eq(staffAccessGrants.id, grant.id), isNull(staffAccessGrants.endedAt)))
    .returning({ id: staffAccessGrants.id });
  if (!closed) return false;
  await recordAudit(tx, actor, {
    action: 'staff_access.ended',
    accountId: grant.accountId,
    target: `staff_access:${grant.id}`,
    details: { reason: grant.reason, how, staffUserId: grant.staffUserId, endedAt: endedAt.toISOString() },
  });
  return true;
}

/** Staff (on `sessionId`) open the account for `reason`; any grant the session still had ends first. */
export async function startStaffAccess(db: Db, input: StartAccessInput & { sessionId: string }, actor: Actor, at: Date): Promise<{ grant: StaffAccessGrant; slug: string }> {
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, input.accountId)).for('share');
    if (!account || account.status === 'stopped') throw new DomainError(msg('standing.errors.cannotAccess'));
    const open = await tx
      .select()
      .from(staffAccessGrants)
      .where(and(eq(staffAccessGrants.sessionId, input.sessionId), isNull(staffAccessGrants.endedAt)))
      .for('update');
    for (const g of open) await closeGrant(tx, g, grantIsActive(g, at) ? 'replaced' : 'expired', grantIsActive(g, at) ? actor : SYSTEM, at);
    const [grant] = await tx
      .insert(staffAccessGrants)
      .values({ staffUserId: actor.id!, sessionId: input.sessionId, accountId: account.id, reason: input.reason, startedAt: at, expiresAt: staffAccessExpiry(at) })
      .returning();
    await recordAudit(tx, actor, {
      action: 'staff_access.started',
      accountId: account.id,
      target: `staff_access:${grant.id}`,
      details: { reason: input.reason, expiresAt: grant.expiresAt.toISOString() },
    });
    return { grant, slug: account.slug };
  });
}

/**
 * The active grant of a staff session with its account, or null. A grant found expired is closed
 * (audited as expired) on the way.
 */
export async function activeStaffAccess(db: Db, sessionId: string, at: Date): Promise<{ grant: StaffAccessGrant; account: AccountRow } | null> {
  const [row] = await db
    .select({ grant: staffAccessGrants, account: accounts })
    .from(staffAccessGrants)
    .innerJoin(accounts, eq(accounts.id, staffAccessGrants.accountId))
    .where(and(eq(staffAccessGrants.sessionId, sessionId), isNull(staffAccessGrants.endedAt)))
    .limit(1);
  if (!row) return null;
  if (!grantIsActive(row.grant, at) || row.account.status === 'stopped') {
    await db.transaction((tx) => closeGrant(tx, row.grant, 'expired', SYSTEM, at));
    return null;
  }
  return row;
}

/** Writes a page view to the account's audit log (once per page, not per repeated render). */
export async function recordStaffPageView(db: Db, grant: StaffAccessGrant, path: string, actor: Actor, at: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(staffAccessGrants)
      .set({ lastPath: path, lastViewAt: at })
      .where(
        and(
          eq(staffAccessGrants.id, grant.id),
          isNull(staffAccessGrants.endedAt),
          or(
            isNull(staffAccessGrants.lastViewAt),
            sql`${staffAccessGrants.lastPath} is distinct from ${path}`,
            lte(staffAccessGrants.lastViewAt, new Date(at.getTime() - REPEAT_VIEW_MS)),
          ),
        ),
      )
      .returning({ id: staffAccessGrants.id });
    if (!claimed) return false;
    await recordAudit(tx, actor, {
      action: 'staff_access.page_viewed',
      accountId: grant.accountId,
      target: `staff_access:${grant.id}`,
      details: { reason: grant.reason, path },
    });
    return true;
  });
}

/** "End access": the staff session's open grant ends now. Returns the account it was for. */
export async function endStaffAccess(db: Db, sessionId: string, actor: Actor, at: Date): Promise<{ accountId: string } | null> {
  return db.transaction(async (tx) => {
    const [grant] = await tx
      .select()
      .from(staffAccessGrants)
      .where(and(eq(staffAccessGrants.sessionId, sessionId), isNull(staffAccessGrants.endedAt)))
      .for('update');
    if (!grant) return null;
    await closeGrant(tx, grant, grantIsActive(grant, at) ? 'ended' : 'expired', grantIsActive(grant, at) ? actor : SYSTEM, at);
    return { accountId: grant.accountId };
  });
}

/** Sweep: grants past their expiry are closed and audited, even if nobody opens a page again. */
export async function closeExpiredStaffAccess(db: Db, at: Date): Promise<number> {
  const due = await db
    .select()
    .from(staffAccessGrants)
    .where(and(isNull(staffAccessGrants.endedAt), lte(staffAccessGrants.expiresAt, at)))
    .limit(500);
  let closed = 0;
  for (const g of due) if (await db.transaction((tx) => closeGrant(tx, g, 'expired', SYSTEM, at))) closed++;
  return closed;
}
