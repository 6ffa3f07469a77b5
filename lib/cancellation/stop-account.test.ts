import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accounts, auditLog, emailVerifications, outbox, sessions, termsAcceptances, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { accountAddress } from '@/lib/accounts/address';
import { loadSession } from '@/lib/auth/sessions';
import { signOutEverywhere } from '@/lib/auth/sign-out-everywhere';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeAccount, makeOwnerAccount, makeUser, reloadAccount } from '@/lib/test-utils/factories';
import { confirmationMatches } from './rules';
import { STOP_ERRORS, stopAccount } from './stop-account';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.dispose());

const meta = { ip: '203.0.113.5', userAgent: 'test' };

describe('CAN-1 confirmation rule', () => {
  test('CAN-1 the slug or the full address confirms, case-insensitive and trimmed', () => {
    expect(confirmationMatches('acme', 'acme', 'accountdesk.app')).toBe(true);
    expect(confirmationMatches('acme', '  ACME.AccountDesk.app ', 'accountdesk.app')).toBe(true);
    expect(confirmationMatches('acme', 'acme2', 'accountdesk.app')).toBe(false);
    expect(confirmationMatches('acme', 'acme.example.com', 'accountdesk.app')).toBe(false);
    expect(confirmationMatches('acme', '', 'accountdesk.app')).toBe(false);
  });
});

describe('stopAccount', () => {
  test('CAN-1 a stopped account: status, all sessions revoked, personal data erased, email queued, audit entry', async () => {
    const { account, owner, sessionIds } = await makeOwnerAccount(t.db, { sessions: 2 });
    const agent = await makeUser(t.db, account.id, { role: 'agent' });
    const { createSession } = await import('@/lib/auth/sessions');
    await createSession(t.db, agent.id, { ip: '198.51.100.9', userAgent: 'agent-ua' });
    const other = await makeOwnerAccount(t.db);
    const { queueEmail } = await import('@/lib/email/outbox');
    await queueEmail(t.db, owner.email!, { subject: 'Confirm your email', paragraphs: ['old mail'] });
    await queueEmail(t.db, agent.email!, { subject: 'Welcome', paragraphs: ['old mail'] });

    const result = await stopAccount(t.db, { accountId: account.id, actorUserId: owner.id, confirmation: accountAddress(account.slug) }, meta);
    expect(result).toEqual({ usersErased: 2, sessionsRevoked: 3 });

    const acc = await reloadAccount(t.db, account.id);
    expect(acc.status).toBe('stopped');
    expect(acc.stoppedAt).toBeInstanceOf(Date);
    expect(acc.stopReason).toBe('owner');

    const live = await t.db
      .select()
      .from(sessions)
      .where(and(inArray(sessions.userId, [owner.id, agent.id]), isNull(sessions.revokedAt)));
    expect(live).toHaveLength(0);
    for (const sid of sessionIds) expect(await loadSession(t.db, sid)).toBeNull();

    const people = await t.db.select().from(users).where(eq(users.accountId, account.id));
    for (const p of people) {
      expect(p).toMatchObject({ email: null, fullName: 'Deleted user', passwordHash: null, adultConfirmedAt: null });
      expect(p.deletedAt).toBeInstanceOf(Date);
    }
    expect(await t.db.select().from(emailVerifications).where(eq(emailVerifications.userId, owner.id))).toHaveLength(0);
    const [acceptance] = await t.db.select().from(termsAcceptances).where(eq(termsAcceptances.userId, owner.id));
    expect(acceptance).toMatchObject({ ip: null, userAgent: null });

    const mails = await t.db.select().from(outbox).where(eq(outbox.to, owner.email!));
    expect(mails).toHaveLength(1); // earlier mails to erased people are gone, the confirmation is queued
    expect(mails[0].subject).toMatch(/stopped/i);
    expect(await t.db.select().from(outbox).where(eq(outbox.to, agent.email!))).toHaveLength(0);
    expect(mails[0].text).toContain(accountAddress(account.slug));

    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.accountId, account.id), eq(auditLog.action, 'account.stopped')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorType: 'owner', actorId: owner.id, ip: meta.ip });
    const details = JSON.stringify(entries[0].details);
    expect(details).not.toContain(owner.email!);
    expect(details).not.toContain(owner.fullName);

    // Another account is untouched.
    expect((await reloadAccount(t.db, other.account.id)).status).toBe('active');
    expect(await loadSession(t.db, other.sessionIds[0])).not.toBeNull();
  });

  test('CAN-1 a wrong confirmation is refused next to the field and nothing changes', async () => {
    const { account, owner, sessionIds } = await makeOwnerAccount(t.db);
    const err = await stopAccount(t.db, { accountId: account.id, actorUserId: owner.id, confirmation: 'someone-else' }, meta).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ field: 'confirmation', message: STOP_ERRORS.mismatch });
    expect((await reloadAccount(t.db, account.id)).status).toBe('active');
    expect(await loadSession(t.db, sessionIds[0])).not.toBeNull();
    const [u] = await t.db.select().from(users).where(eq(users.id, owner.id));
    expect(u.email).toBe(owner.email);
    expect(await t.db.select().from(outbox).where(eq(outbox.to, owner.email!))).toHaveLength(0);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.accountId, account.id), eq(auditLog.action, 'account.stopped')))).toHaveLength(0);
  });

  test('CAN-1 only the owner of that account can stop it', async () => {
    const { account } = await makeOwnerAccount(t.db);
    const admin = await makeUser(t.db, account.id, { role: 'admin' });
    const b = await makeOwnerAccount(t.db);
    await expect(stopAccount(t.db, { accountId: account.id, actorUserId: admin.id, confirmation: account.slug })).rejects.toThrow(STOP_ERRORS.notOwner);
    await expect(stopAccount(t.db, { accountId: account.id, actorUserId: b.owner.id, confirmation: account.slug })).rejects.toThrow(STOP_ERRORS.notOwner);
    expect((await reloadAccount(t.db, account.id)).status).toBe('active');
  });

  test('CAN-1 a second concurrent stop cannot run twice', async () => {
    const { account, owner } = await makeOwnerAccount(t.db);
    const email = owner.email!;
    const input = { accountId: account.id, actorUserId: owner.id, confirmation: account.slug };
    const results = await Promise.allSettled([stopAccount(t.db, input, meta), stopAccount(t.db, input, meta)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(DomainError);
    expect(await t.db.select().from(outbox).where(eq(outbox.to, email))).toHaveLength(1);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.accountId, account.id), eq(auditLog.action, 'account.stopped')))).toHaveLength(1);
    // And later on, once more: refused as already stopped.
    await expect(stopAccount(t.db, input, meta)).rejects.toThrow(STOP_ERRORS.alreadyStopped);
  });

  test('CAN-1 the address stays reserved and can never be used again', async () => {
    const { account, owner } = await makeOwnerAccount(t.db);
    await stopAccount(t.db, { accountId: account.id, actorUserId: owner.id, confirmation: account.slug });
    const acc = await reloadAccount(t.db, account.id);
    expect(acc.slug).toBe(account.slug);
    expect(acc.companyName).toBe(account.companyName);
    await expect(makeAccount(t.db, { slug: account.slug })).rejects.toThrow();
    await expect(makeAccount(t.db, { slug: account.slug.toUpperCase() })).rejects.toThrow();
    expect(await t.db.select().from(accounts).where(eq(accounts.slug, account.slug))).toHaveLength(1);
  });
});

describe('signOutEverywhere', () => {
  test('ACC-9 sign out everywhere revokes all sessions of the person, the current one included', async () => {
    const { account, owner, sessionIds } = await makeOwnerAccount(t.db, { sessions: 3 });
    const other = await makeUser(t.db, account.id, { role: 'agent' });
    const { createSession } = await import('@/lib/auth/sessions');
    const otherSid = await createSession(t.db, other.id, {});
    const r = await signOutEverywhere(t.db, { userId: owner.id, accountId: account.id, role: 'owner' }, { ip: meta.ip });
    expect(r.revoked).toBe(3);
    for (const sid of sessionIds) expect(await loadSession(t.db, sid)).toBeNull();
    expect(await loadSession(t.db, otherSid)).not.toBeNull();
    const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.accountId, account.id), eq(auditLog.action, 'auth.signed_out_everywhere')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: owner.id, ip: meta.ip });
  });
});
