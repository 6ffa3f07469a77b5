// ACC-9: "Sign out everywhere" ends every session of the person, the current one included.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
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
      { type: input.role === 'staff' ? 'staff' : input.role === 'owner' ? 'owner' : 'user', id: input.userId, ip: meta.ip ?? null },
      { action: 'auth.signed_out_everywhere', accountId: input.accountId, target: `user:${input.userId}`, details: { sessionsRevoked: revoked } },
    );
    return { revoked };
  });
}
