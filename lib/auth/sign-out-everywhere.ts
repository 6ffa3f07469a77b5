// ACC-9: "Sign out everywhere" ends every session of the person, the current one included; staff
// can do the same for one user of an account (e.g. a lost laptop reported to support).
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { msg } from '@/lib/i18n/message-ref';
import { actorForUser, recordAudit, type Actor } from '@/lib/audit';
import type { EndUserSessionsInput } from './sign-out-everywhere-schema';
import { revokeUserSessions } from './sessions';

export async function signOutEverywhere(
  db: Db,
  input: { userId: string; accountId: string | null; role: 'owner' | 'admin' | 'agent' | 'staff' },
  meta: { ip?: string | null } = {},
): Promise<{ revoked: number }> {
  return db.transaction(async (tx) => {
    const revoked = await revokeUserSessions(tx, input.userId);
    await recordAudit(
      tx,
      actorForUser({ id: input.userId, role: input.role }, meta.ip),
      { action: 'auth.signed_out_everywhere', accountId: input.accountId, target: `user:${input.userId}`, details: { sessionsRevoked: revoked } },
    );
    return { revoked };
  });
}

/**
 * Staff end every live session of a user of `accountId`, whatever the account's status. Audited
 * in that account's log with the staff member as the actor. A user that does not exist, or is not
 * in that account, is refused and nothing is written.
 */
export async function endUserSessionsByStaff(db: Db, input: EndUserSessionsInput, actor: Actor): Promise<{ revoked: number; /** null once the person's data has been erased */ fullName: string | null }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, fullName: users.fullName, deletedAt: users.deletedAt })
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.accountId, input.accountId)))
      .limit(1);
    if (!user) throw new DomainError(msg('auth.errors.userNotInAccount'));
    const revoked = await revokeUserSessions(tx, user.id);
    await recordAudit(tx, actor, {
      action: 'auth.sessions_ended_by_staff',
      accountId: input.accountId,
      target: `user:${user.id}`,
      details: { sessionsRevoked: revoked },
    });
    return { revoked, fullName: user.deletedAt ? null : user.fullName };
  });
}
