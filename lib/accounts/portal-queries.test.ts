import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recordAudit, SYSTEM } from '@/lib/audit';
import { stopAccount } from '@/lib/cancellation/stop-account';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount, makeUser } from '@/lib/test-utils/factories';
import { accountLimits } from '@/lib/usage/limits';
import { auditActionLabel, auditActorLabel, getAccountOverview, listAccountAudit } from './portal-queries';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.dispose());

describe('owner portal queries', () => {
  test("ACC-10 the owner's audit log shows who, what, when and from where, staff access with its reason, and only this account", async () => {
    const a = await makeOwnerAccount(t.db, { sessions: 0 });
    const b = await makeOwnerAccount(t.db, { sessions: 0 });
    const staff = await makeUser(t.db, null, { role: 'staff', fullName: 'Petra Support' });
    const agent = await makeUser(t.db, a.account.id, { role: 'agent', fullName: 'Adam Agent' });
    await recordAudit(t.db, { type: 'owner', id: a.owner.id, ip: '198.51.100.1' }, { action: 'auth.signed_in', accountId: a.account.id });
    await recordAudit(t.db, { type: 'staff', id: staff.id, ip: '192.0.2.10' }, { action: 'staff.account_access', accountId: a.account.id, details: { reason: 'Ticket #4711' } });
    await recordAudit(t.db, SYSTEM, { action: 'billing.seat_count_reviewed', accountId: a.account.id });
    await recordAudit(t.db, { type: 'user', id: agent.id }, { action: 'auth.signed_in', accountId: a.account.id });
    await recordAudit(t.db, { type: 'user', id: '00000000-0000-4000-8000-0000000000ff' }, { action: 'auth.signed_in', accountId: a.account.id });
    await recordAudit(t.db, { type: 'owner', id: b.owner.id }, { action: 'auth.signed_in', accountId: b.account.id, details: { secret: 'B-only' } });

    const rows = await listAccountAudit(t.db, a.account.id);
    expect(rows).toHaveLength(5);
    expect(JSON.stringify(rows)).not.toContain('B-only');
    const whos = rows.map((r) => r.who);
    expect(whos).toContain('Jana Novakova (Owner)');
    expect(whos).toContain('Adam Agent (Agent)');
    expect(whos).toContain('Petra Support (Accountdesk staff)');
    expect(whos).toContain('System');
    expect(whos).toContain('Deleted user');
    const staffRow = rows.find((r) => r.action === 'staff.account_access')!;
    expect(staffRow).toMatchObject({ actionLabel: 'Staff opened the account', note: 'Ticket #4711', ip: '192.0.2.10' });
    expect(rows.find((r) => r.action === 'billing.seat_count_reviewed')!.actionLabel).toBe('Billing seat count reviewed');
    expect(rows[0].at).toBeInstanceOf(Date);
  });

  test('OPS-2 after the account is stopped its audit log remains, with erased people shown as "Deleted user"', async () => {
    const a = await makeOwnerAccount(t.db, { sessions: 1 });
    await recordAudit(t.db, { type: 'owner', id: a.owner.id, ip: '198.51.100.1' }, { action: 'auth.signed_in', accountId: a.account.id });
    await stopAccount(t.db, { accountId: a.account.id, actorUserId: a.owner.id, confirmation: a.account.slug });
    const rows = await listAccountAudit(t.db, a.account.id);
    expect(rows.map((r) => r.action)).toEqual(['account.stopped', 'auth.signed_in']);
    expect(rows.every((r) => r.who === 'Deleted user')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(a.owner.email!);
  });

  test('OPS-2 audit actions and actors are named in the reader\'s language; unknown codes are spelled out', async () => {
    expect(auditActionLabel('staff.account_access')).toBe('Staff opened the account');
    expect(auditActionLabel('staff.account_access', 'nl')).toBe('Een medewerker van Accountdesk heeft het account geopend');
    expect(auditActionLabel('auth.signed_in', 'nl')).toBe('Aangemeld');
    expect(auditActionLabel('outbox.requeued')).toBe('Outbox requeued');
    expect(auditActionLabel('billing.seat_count_reviewed', 'nl')).toBe('Billing seat count reviewed');
    expect(auditActionLabel('toString')).toBe('ToString');
    const jana = { fullName: 'Jana Novakova', role: 'owner', deletedAt: null };
    expect(auditActorLabel('owner', jana)).toBe('Jana Novakova (Owner)');
    expect(auditActorLabel('owner', jana, 'nl')).toBe('Jana Novakova (Eigenaar)');
    expect(auditActorLabel('staff', { ...jana, role: 'staff' }, 'nl')).toBe('Jana Novakova (Accountdesk-medewerker)');
    expect(auditActorLabel('system', null, 'nl')).toBe('Systeem');
    expect(auditActorLabel('user', null, 'nl')).toBe('Verwijderde gebruiker');
  });

  test('the overview reads the session account with its owner, and its fair-use limits as accountLimits reads them (PLAN-7)', async () => {
    const a = await makeOwnerAccount(t.db, { sessions: 0 });
    const at = new Date();
    const o = await getAccountOverview(t.db, a.account.id, at);
    expect(o?.account.slug).toBe(a.account.slug);
    expect(o?.owner).toEqual({ fullName: a.owner.fullName, email: a.owner.email });
    expect(o?.limits).toEqual(await accountLimits(t.db, a.account.id, at));
    expect(o?.limits.usage.users).toBe(1);
  });
});
