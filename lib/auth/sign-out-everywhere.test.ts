// ACC-9: signing out everywhere, by the person themself and by staff for one user of an account.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accounts, auditLog } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { auditActionLabel } from '@/lib/accounts/portal-queries';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount, makeUser } from '@/lib/test-utils/factories';
import { listActiveSessions, loadSession } from './sessions';
import { endUserSessionsByStaff, signOutEverywhere } from './sign-out-everywhere';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.dispose());

const auditOf = (accountId: string, action: string) =>
  t.db.select().from(auditLog).where(and(eq(auditLog.accountId, accountId), eq(auditLog.action, action)));

describe('staff end all sessions of a user', () => {
  test('ACC-9 every live session of the user ends, and the account audit log names the staff member as actor', async () => {
    const { account, owner, sessionIds } = await makeOwnerAccount(t.db, { sessions: 3 });
    const staff = await makeUser(t.db, null, { role: 'staff' });
    const r = await endUserSessionsByStaff(t.db, { accountId: account.id, userId: owner.id }, { type: 'staff', id: staff.id, ip: '192.0.2.5' });
    expect(r.revoked).toBe(3);
    expect(await listActiveSessions(t.db, owner.id)).toHaveLength(0);
    for (const id of sessionIds) expect(await loadSession(t.db, id)).toBeNull();
    const [entry] = await auditOf(account.id, 'auth.sessions_ended_by_staff');
    expect(entry).toMatchObject({ actorType: 'staff', actorId: staff.id, ip: '192.0.2.5', target: `user:${owner.id}`, details: { sessionsRevoked: 3 } });
    expect(auditActionLabel('auth.sessions_ended_by_staff')).toBe('Staff ended all sessions of a user');
  });

  test("ACC-9 only the chosen user's sessions end; other members keep theirs", async () => {
    const { account, owner } = await makeOwnerAccount(t.db, { sessions: 1 });
    const { createSession } = await import('./sessions');
    const agent = await makeUser(t.db, account.id, { role: 'agent' });
    await createSession(t.db, agent.id, { ip: '192.0.2.9' });
    await endUserSessionsByStaff(t.db, { accountId: account.id, userId: agent.id }, { type: 'staff', id: randomUUID() });
    expect(await listActiveSessions(t.db, agent.id)).toHaveLength(0);
    expect(await listActiveSessions(t.db, owner.id)).toHaveLength(1);
  });

  test('ACC-9 works on a suspended account', async () => {
    const { account, owner } = await makeOwnerAccount(t.db, { sessions: 2 });
    await t.db.update(accounts).set({ status: 'suspended' }).where(eq(accounts.id, account.id));
    expect((await endUserSessionsByStaff(t.db, { accountId: account.id, userId: owner.id }, { type: 'staff', id: randomUUID() })).revoked).toBe(2);
  });

  test('ACC-9 a user that does not exist, or belongs to another account, is refused and nothing is written', async () => {
    const { account, owner } = await makeOwnerAccount(t.db, { sessions: 2 });
    const { account: other } = await makeOwnerAccount(t.db, { sessions: 1 });
    for (const input of [
      { accountId: account.id, userId: randomUUID() },
      { accountId: other.id, userId: owner.id },
      { accountId: randomUUID(), userId: owner.id },
    ]) {
      await expect(endUserSessionsByStaff(t.db, input, { type: 'staff', id: randomUUID() })).rejects.toThrow(DomainError);
    }
    expect(await listActiveSessions(t.db, owner.id)).toHaveLength(2);
    expect(await auditOf(account.id, 'auth.sessions_ended_by_staff')).toHaveLength(0);
    expect(await auditOf(other.id, 'auth.sessions_ended_by_staff')).toHaveLength(0);
  });
});

describe('sign out everywhere', () => {
  test("ACC-9 a suspended owner's sign out everywhere ends all their sessions", async () => {
    const { account, owner } = await makeOwnerAccount(t.db, { sessions: 2 });
    await t.db.update(accounts).set({ status: 'suspended' }).where(eq(accounts.id, account.id));
    expect((await signOutEverywhere(t.db, { userId: owner.id, accountId: account.id, role: 'owner' })).revoked).toBe(2);
    expect(await listActiveSessions(t.db, owner.id)).toHaveLength(0);
  });
});
