import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, staffAccessGrants } from '@/db/schema';
import { z } from 'zod';
import { DomainError, inServerAction, validatedAction } from '@/lib/actions';
import { listAccountAudit } from '@/lib/accounts/portal-queries';
import type { Actor } from '@/lib/audit';
import { createSession } from '@/lib/auth/sessions';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount, makeUser } from '@/lib/test-utils/factories';
import { activeStaffAccess, closeExpiredStaffAccess, endStaffAccess, recordStaffPageView, startStaffAccess } from './access';
import { startAccessSchema } from './schemas';
import { stopAccount } from '@/lib/cancellation/stop-account';

let t: TestDb;
let staffActor: Actor;
let staffId: string;
const at = new Date('2026-11-26T10:00:00Z');
const later = (m: number) => new Date(at.getTime() + m * 60_000);
beforeAll(async () => {
  t = await createTestDb();
  const staff = await makeUser(t.db, null, { role: 'staff', fullName: 'Petra Support' });
  staffId = staff.id;
  staffActor = { type: 'staff', id: staff.id, ip: '192.0.2.10' };
});
afterAll(() => t.dispose());

const actions = async (accountId: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.accountId, accountId)).orderBy(auditLog.id)).map((e) => e.action);

describe('ACC-10 staff access', () => {
  test('ACC-10 a reason is required (at least 6 characters, e.g. a ticket reference)', () => {
    const accountId = '00000000-0000-4000-8000-000000000001';
    expect(startAccessSchema.safeParse({ accountId, reason: '' }).success).toBe(false);
    expect(startAccessSchema.safeParse({ accountId, reason: '  #12  ' }).success).toBe(false);
    const ok = startAccessSchema.safeParse({ accountId, reason: '  Ticket #4711 ' });
    expect(ok.success && ok.data.reason).toBe('Ticket #4711');
  });

  test('ACC-10 start, page views and end are in the account audit log with the reason, which the owner reads', async () => {
    const { account } = await makeOwnerAccount(t.db, { sessions: 0 });
    const sessionId = await createSession(t.db, staffId, { ip: '192.0.2.10' });
    const { grant } = await startStaffAccess(t.db, { accountId: account.id, reason: 'Ticket #4711', sessionId }, staffActor, at);
    expect(grant.expiresAt).toEqual(later(30));
    const access = await activeStaffAccess(t.db, sessionId, later(1));
    expect(access?.account.id).toBe(account.id);
    expect(await recordStaffPageView(t.db, grant, '/account', staffActor, later(1))).toBe(true);
    // The layout and the page of one request (or a quick re-render) are one view.
    expect(await recordStaffPageView(t.db, grant, '/account', staffActor, later(1))).toBe(false);
    expect(await recordStaffPageView(t.db, grant, '/account/billing', staffActor, later(2))).toBe(true);
    expect(await endStaffAccess(t.db, sessionId, staffActor, later(3))).toEqual({ accountId: account.id });
    expect(await activeStaffAccess(t.db, sessionId, later(4))).toBeNull();
    expect(await recordStaffPageView(t.db, grant, '/account/users', staffActor, later(4))).toBe(false);
    expect(await actions(account.id)).toEqual(['staff_access.started', 'staff_access.page_viewed', 'staff_access.page_viewed', 'staff_access.ended']);

    const rows = await listAccountAudit(t.db, account.id);
    expect(rows.map((r) => r.actionLabel)).toEqual(['Staff access ended', 'Staff viewed a page of the account', 'Staff viewed a page of the account', 'Staff opened the account']);
    for (const r of rows) expect(r).toMatchObject({ who: 'Petra Support (Accountdesk staff)', note: 'Ticket #4711' });
    expect(rows.map((r) => r.page)).toEqual([null, '/account/billing', '/account', null]);
  });

  test('ACC-10 a grant expires after 30 minutes: no more access, and its end is audited', async () => {
    const { account } = await makeOwnerAccount(t.db, { sessions: 0 });
    const sessionId = await createSession(t.db, staffId, { ip: '192.0.2.10' });
    await startStaffAccess(t.db, { accountId: account.id, reason: 'Ticket #5000', sessionId }, staffActor, at);
    expect(await activeStaffAccess(t.db, sessionId, later(29))).not.toBeNull();
    expect(await activeStaffAccess(t.db, sessionId, later(30))).toBeNull();
    const [ended] = await t.db.select().from(auditLog).where(and(eq(auditLog.accountId, account.id), eq(auditLog.action, 'staff_access.ended')));
    expect(ended.details).toMatchObject({ how: 'expired', reason: 'Ticket #5000', endedAt: later(30).toISOString() });
    // The sweep closes grants nobody looked at again.
    const other = await makeOwnerAccount(t.db, { sessions: 0 });
    const s2 = await createSession(t.db, staffId, { ip: '192.0.2.10' });
    await startStaffAccess(t.db, { accountId: other.account.id, reason: 'Ticket #5001', sessionId: s2 }, staffActor, at);
    expect(await closeExpiredStaffAccess(t.db, later(29))).toBe(0);
    expect(await closeExpiredStaffAccess(t.db, later(31))).toBe(1);
    expect(await closeExpiredStaffAccess(t.db, later(32))).toBe(0);
    expect(await actions(other.account.id)).toEqual(['staff_access.started', 'staff_access.ended']);
  });

  test('ACC-10 a grant opens only its own account and only for the session that started it', async () => {
    const a = await makeOwnerAccount(t.db, { sessions: 0 });
    const b = await makeOwnerAccount(t.db, { sessions: 0 });
    const sessionId = await createSession(t.db, staffId, { ip: '192.0.2.10' });
    const otherSession = await createSession(t.db, staffId, { ip: '192.0.2.11' });
    await startStaffAccess(t.db, { accountId: a.account.id, reason: 'Ticket #6000', sessionId }, staffActor, at);
    expect((await activeStaffAccess(t.db, sessionId, later(1)))!.account.id).toBe(a.account.id);
    expect(await activeStaffAccess(t.db, otherSession, later(1))).toBeNull();
    // Opening another account replaces the grant: the first one is ended (audited) and gives nothing.
    await startStaffAccess(t.db, { accountId: b.account.id, reason: 'Ticket #6001', sessionId }, staffActor, later(2));
    expect((await activeStaffAccess(t.db, sessionId, later(3)))!.account.id).toBe(b.account.id);
    expect(await actions(a.account.id)).toEqual(['staff_access.started', 'staff_access.ended']);
    const open = await t.db.select().from(staffAccessGrants).where(eq(staffAccessGrants.sessionId, sessionId));
    expect(open.filter((g) => g.endedAt === null).map((g) => g.accountId)).toEqual([b.account.id]);
  });

  test('ACC-10 a stopped account cannot be opened, and stopping it ends access', async () => {
    const { account, owner } = await makeOwnerAccount(t.db, { sessions: 0 });
    const sessionId = await createSession(t.db, staffId, { ip: '192.0.2.10' });
    await startStaffAccess(t.db, { accountId: account.id, reason: 'Ticket #7000', sessionId }, staffActor, at);
    await stopAccount(t.db, { accountId: account.id, actorUserId: owner.id, confirmation: account.slug });
    expect(await activeStaffAccess(t.db, sessionId, later(1))).toBeNull();
    await expect(startStaffAccess(t.db, { accountId: account.id, reason: 'Ticket #7001', sessionId }, staffActor, later(2))).rejects.toBeInstanceOf(DomainError);
  });

  test('ACC-10 read-only: a guard sees that it runs inside a server action (and refuses), a page render does not', async () => {
    expect(inServerAction()).toBe(false);
    let ran = false;
    const action = validatedAction({
      schema: z.object({}),
      guard: async () => {
        if (inServerAction()) throw new DomainError('t:standing.errors.readOnly');
      },
      run: async () => {
        ran = true;
      },
    });
    const state = await action({ status: 'idle' }, new FormData());
    expect(ran).toBe(false);
    expect(state).toMatchObject({ status: 'error', formError: expect.stringContaining('Staff access is read-only') });
    expect(inServerAction()).toBe(false);
  });
});
