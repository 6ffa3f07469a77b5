import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, outbox } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { requeueEmailByStaff } from './outbox';
import {
  actorLabel,
  escapeLike,
  getAccountDetail,
  getDashboard,
  getOutboxEmail,
  parsePage,
  searchAccounts,
  searchAudit,
  searchOutbox,
} from './queries';
import { makeAccount, makeAccountWithOwner, makeAudit, makeEmail, makeUser } from './test-factories';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

describe('staff account search', () => {
  test('finds an account by address, company or owner email, case-insensitively', async () => {
    const { account } = await makeAccountWithOwner(t.db, {
      account: { slug: 'zebra-tools', companyName: 'Zebra Tooling s.r.o.' },
      owner: { email: 'petra.owner@zebra.example' },
    });
    for (const q of ['ZEBRA-T', 'Zebra-Tools.AccountDesk.app', 'tooling S.R.O', 'Petra.Owner@ZEBRA']) {
      const res = await searchAccounts(t.db, { q });
      expect(res.rows.map((r) => r.id), q).toEqual([account.id]);
      expect(res.rows[0].ownerEmail).toBe('petra.owner@zebra.example');
    }
    expect((await searchAccounts(t.db, { q: 'no-such-thing-anywhere' })).rows).toEqual([]);
  });

  test('% and _ in the search are matched literally, not as wildcards', async () => {
    const literal = await makeAccount(t.db, { slug: 'pct-lit', companyName: '100% Under_Score' });
    await makeAccount(t.db, { slug: 'pct-other', companyName: '1000 UnderXScore' });
    expect(escapeLike('a%b_c\\d')).toBe('a\\%b\\_c\\\\d');
    expect((await searchAccounts(t.db, { q: '%' })).rows.map((r) => r.id)).toEqual([literal.id]);
    expect((await searchAccounts(t.db, { q: 'Under_Score' })).rows.map((r) => r.id)).toEqual([literal.id]);
    expect((await searchAccounts(t.db, { q: '100%' })).rows.map((r) => r.id)).toEqual([literal.id]);
  });

  test('filters by status', async () => {
    const s = await makeAccount(t.db, { slug: 'status-susp', status: 'suspended' });
    await makeAccount(t.db, { slug: 'status-act', status: 'active' });
    const res = await searchAccounts(t.db, { q: 'status-', status: 'suspended' });
    expect(res.rows.map((r) => r.id)).toEqual([s.id]);
    expect(res.rows.every((r) => r.status === 'suspended')).toBe(true);
  });

  test('pages through results newest first, 50 per page by default', async () => {
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 53; i++) {
      await makeAccount(t.db, { slug: `page-${String(i).padStart(2, '0')}`, createdAt: new Date(base + i * 60_000) });
    }
    const p1 = await searchAccounts(t.db, { q: 'page-' });
    expect(p1.rows).toHaveLength(50);
    expect(p1.hasNext).toBe(true);
    expect(p1.rows[0].slug).toBe('page-52');
    const p2 = await searchAccounts(t.db, { q: 'page-', page: 2 });
    expect(p2.rows.map((r) => r.slug)).toEqual(['page-02', 'page-01', 'page-00']);
    expect(p2.hasNext).toBe(false);
    expect(parsePage('3')).toBe(3);
    expect(parsePage('-1')).toBe(1);
    expect(parsePage('abc')).toBe(1);
    expect(parsePage(undefined)).toBe(1);
  });
});

describe('staff account detail', () => {
  test('unknown or malformed ids give null', async () => {
    expect(await getAccountDetail(t.db, 'not-a-uuid')).toBeNull();
    expect(await getAccountDetail(t.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  test('a stopped account with erased users still shows, users as "Deleted user"', async () => {
    const stoppedAt = new Date(Date.UTC(2026, 10, 20));
    const { account, owner } = await makeAccountWithOwner(t.db, {
      account: { slug: 'stopped-co', status: 'stopped', stoppedAt, stopReason: 'Moving to another tool' },
      owner: { fullName: 'Erased Person', email: null, passwordHash: null, deletedAt: stoppedAt },
    });
    await makeUser(t.db, account.id, { role: 'agent', fullName: 'Agent Erased', email: null, deletedAt: stoppedAt });
    await makeAudit(t.db, { accountId: account.id, actorType: 'owner', actorId: owner.id, action: 'account.stopped', ip: '10.0.0.9' });
    await makeEmail(t.db, { accountId: account.id, subject: 'Your account is stopped' });

    const d = (await getAccountDetail(t.db, account.id))!;
    expect(d.account.status).toBe('stopped');
    expect(d.account.stopReason).toBe('Moving to another tool');
    expect(d.users).toHaveLength(2);
    expect(d.users.every((u) => u.displayName === 'Deleted user')).toBe(true);
    expect(d.audit.map((a) => a.action)).toEqual(['account.stopped']);
    expect(actorLabel(d.audit[0])).toBe('Deleted user');
    expect(d.audit[0].ip).toBe('10.0.0.9');
    expect(d.emails.map((e) => e.subject)).toEqual(['Your account is stopped']);
  });

  test('emails sent to a member address are listed even without an account tag', async () => {
    const { account, owner } = await makeAccountWithOwner(t.db);
    await makeEmail(t.db, { to: owner.email!, subject: 'Confirm your email' });
    const d = (await getAccountDetail(t.db, account.id))!;
    expect(d.emails.map((e) => e.subject)).toContain('Confirm your email');
  });
});

describe('staff audit log', () => {
  test('OPS-2 the global log lists entries newest first with actor names and account address', async () => {
    const { account, owner } = await makeAccountWithOwner(t.db, { account: { slug: 'audit-co' }, owner: { fullName: 'Olga Owner' } });
    await makeAudit(t.db, { at: new Date(Date.UTC(2026, 10, 1)), accountId: account.id, actorType: 'owner', actorId: owner.id, action: 'account.signed_up' });
    await makeAudit(t.db, { at: new Date(Date.UTC(2026, 10, 2)), accountId: account.id, actorType: 'system', action: 'trial.ended_100%' });
    const res = await searchAudit(t.db, { account: 'AUDIT-CO' });
    expect((await searchAudit(t.db, { account: 'audit-co.accountdesk.app' })).rows).toHaveLength(2);
    expect((await searchAudit(t.db, { account: 'audit' })).rows).toHaveLength(0);
    expect(res.rows.map((r) => r.action)).toEqual(['trial.ended_100%', 'account.signed_up']);
    expect(res.rows.map(actorLabel)).toEqual(['System', 'Olga Owner']);
    expect(res.rows[0].accountSlug).toBe('audit-co');
    // Action search, with wildcards taken literally.
    expect((await searchAudit(t.db, { q: 'SIGNED_UP', account: 'audit-co' })).rows).toHaveLength(1);
    expect((await searchAudit(t.db, { q: '100%', account: 'audit-co' })).rows).toHaveLength(1);
    expect((await searchAudit(t.db, { q: '_', account: 'audit-co' })).rows).toHaveLength(2);
    expect((await searchAudit(t.db, { q: 'signed%up', account: 'audit-co' })).rows).toHaveLength(0);
  });
});

describe('staff outbox', () => {
  test('OPS-3 staff search the outbox by recipient or subject and filter by status', async () => {
    const a = await makeEmail(t.db, { to: 'find-me@example.test', subject: 'Invoice 2026-001', status: 'failed' });
    await makeEmail(t.db, { to: 'find-me@example.test', subject: 'Welcome', status: 'sent' });
    expect((await searchOutbox(t.db, { q: 'FIND-ME@', status: 'failed' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await searchOutbox(t.db, { q: 'invoice 2026' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await getOutboxEmail(t.db, a.id))?.text).toBe('Hello');
    expect(await getOutboxEmail(t.db, 'nope')).toBeNull();
  });

  test('OPS-3 "Send again" requeues a failed email and writes the outbox.requeued audit entry', async () => {
    const { account } = await makeAccountWithOwner(t.db);
    const mail = await makeEmail(t.db, { accountId: account.id, status: 'failed', attempts: 6 });
    const staff = await makeUser(t.db, null, { role: 'staff', fullName: 'Sam Staff' });
    await requeueEmailByStaff(t.db, { type: 'staff', id: staff.id, ip: '10.1.1.1' }, mail.id);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, mail.id));
    expect(row.status).toBe('queued');
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.target, `email:${mail.id}`));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'outbox.requeued', actorType: 'staff', actorId: staff.id, accountId: account.id, ip: '10.1.1.1' });
    // A queued (or sent) email cannot be requeued, and nothing is audited.
    await expect(requeueEmailByStaff(t.db, { type: 'staff', id: staff.id }, mail.id)).rejects.toBeInstanceOf(DomainError);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.target, `email:${mail.id}`))).toHaveLength(1);
  });
});

describe('staff dashboard', () => {
  test('counts accounts by status, recent signups and outbox states', async () => {
    const at = new Date();
    const before = await getDashboard(t.db, at);
    await makeAccount(t.db, { status: 'pending_verification', createdAt: new Date(at.getTime() - 60_000) });
    await makeAccount(t.db, { status: 'active', createdAt: new Date(at.getTime() - 8 * 86_400_000) });
    await makeEmail(t.db, { status: 'failed' });
    const after = await getDashboard(t.db, at);
    expect(after.accountCounts.pending_verification).toBe(before.accountCounts.pending_verification + 1);
    expect(after.accountCounts.active).toBe(before.accountCounts.active + 1);
    expect(after.recentSignups).toBe(before.recentSignups + 1);
    expect(after.outboxCounts.failed).toBe(before.outboxCounts.failed + 1);
    expect(after.latestAudit.length).toBeLessThanOrEqual(10);
  });
});
