import fc from 'fast-check';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { accounts, auditLog, outbox, passwordResets, sessions, users } from '@/db/schema';
import { now, setClock } from '@/lib/clock';
import { LIMITS } from '@/lib/rate-limit';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeAccount, makeUser } from '@/lib/test-utils/factories';
import { hashPassword, verifyPassword } from './password';
import {
  passwordResetLinkState,
  purgeExpiredPasswordResets,
  RESET_LINK_MESSAGES,
  RESET_REQUESTED_MESSAGE,
  RESET_TOKEN_MINUTES,
  requestPasswordReset,
  resetLinkState,
  resetPassword,
} from './password-reset';
import { createSession } from './sessions';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  setClock(null);
  await t.dispose();
});
afterEach(() => setClock(null));

const meta = { ip: '198.51.100.23', userAgent: 'Vitest/1.0 (password reset)' };
const NEW_PASSWORD = 'a brand new password 2026';

async function person(role: 'owner' | 'admin' | 'agent' | 'staff' = 'owner', opts: { sessions?: number } = {}) {
  const account = role === 'staff' ? null : await makeAccount(t.db);
  const user = await makeUser(t.db, account?.id ?? null, { role, passwordHash: await hashPassword('the old password 2025') });
  for (let k = 0; k < (opts.sessions ?? 0); k++) await createSession(t.db, user.id, meta);
  return { account, user, email: user.email! };
}

const mailsTo = (email: string) => t.db.select().from(outbox).where(eq(outbox.to, email)).orderBy(outbox.createdAt);

function tokenFrom(text: string): string {
  const m = text.match(/\/reset-password\?token=([A-Za-z0-9_%-]+)/);
  if (!m) throw new Error('no reset link in mail');
  return decodeURIComponent(m[1]);
}

async function requestLink(email: string, at = now()): Promise<string> {
  await requestPasswordReset(t.db, { email }, meta, at);
  const mails = await mailsTo(email.toLowerCase());
  return tokenFrom(mails[mails.length - 1].text);
}

describe('password reset', () => {
  test('ACC-9 the answer is the same for a registered, an unknown, an unconfirmed and a stopped email; only the registered login gets a link', async () => {
    const ok = await person();
    const unconfirmed = await person();
    await t.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, unconfirmed.user.id));
    const stopped = await person();
    await t.db.update(accounts).set({ status: 'stopped', stoppedAt: now() }).where(eq(accounts.id, stopped.account!.id));

    const answers = await Promise.all(
      [ok.email.toUpperCase(), 'nobody-here@example.test', unconfirmed.email, stopped.email].map((email) =>
        requestPasswordReset(t.db, { email }, meta, now()),
      ),
    );
    expect(new Set(answers.map((a) => a.message))).toEqual(new Set([RESET_REQUESTED_MESSAGE]));
    const [mail] = await mailsTo(ok.email);
    expect(mail.subject).toMatch(/new Accountdesk password/);
    expect(mail.text).toMatch(/\/reset-password\?token=/);
    for (const email of ['nobody-here@example.test', unconfirmed.email, stopped.email]) expect(await mailsTo(email)).toHaveLength(0);
    expect(await t.db.select().from(passwordResets).where(eq(passwordResets.userId, stopped.user.id))).toHaveLength(0);
    // Only the hash of the token is stored; the request is audited without saying more to the asker.
    const [row] = await t.db.select().from(passwordResets).where(eq(passwordResets.userId, ok.user.id));
    expect(row.tokenHash).not.toBe(tokenFrom(mail.text));
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.target, `user:${ok.user.id}`));
    expect(audit.map((a) => a.action)).toContain('auth.password_reset_requested');
  });

  test('ACC-9 a link is valid for one hour by the app clock: still at 59:59, expired at 60:00', async () => {
    const p = await person();
    const issued = new Date('2026-12-03T09:00:00Z');
    setClock(issued);
    const token = await requestLink(p.email, now());
    const [row] = await t.db.select().from(passwordResets).where(eq(passwordResets.userId, p.user.id));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(RESET_TOKEN_MINUTES * 60_000);
    expect(await passwordResetLinkState(t.db, token, new Date(issued.getTime() + 59 * 60_000 + 59_000))).toBe('valid');
    expect(await passwordResetLinkState(t.db, token, new Date(issued.getTime() + 60 * 60_000))).toBe('expired');
    setClock(new Date(issued.getTime() + 61 * 60_000));
    await expect(resetPassword(t.db, { token, password: NEW_PASSWORD }, meta, now())).rejects.toMatchObject({ message: RESET_LINK_MESSAGES.expired });
    const [user] = await t.db.select().from(users).where(eq(users.id, p.user.id));
    expect(await verifyPassword(user.passwordHash, 'the old password 2025')).toBe(true);
  });

  test('ACC-9 the link state rule: valid only before the hour is over and while unused', () => {
    const issued = new Date('2026-11-26T10:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: -3_600_000, max: 3 * 3_600_000 }), fc.boolean(), (offsetMs, used) => {
        const row = { expiresAt: new Date(issued.getTime() + RESET_TOKEN_MINUTES * 60_000), usedAt: used ? issued : null };
        const state = resetLinkState(row, new Date(issued.getTime() + offsetMs));
        if (used) return state === 'used';
        return state === (offsetMs < RESET_TOKEN_MINUTES * 60_000 ? 'valid' : 'expired');
      }),
    );
    expect(resetLinkState(null, issued)).toBe('invalid');
  });

  test('ACC-9 a new password: argon2id hash changed, every session ended, audited and confirmed by email, in one go; the link works once', async () => {
    const p = await person('owner', { sessions: 3 });
    const token = await requestLink(p.email);
    const r = await resetPassword(t.db, { token, password: NEW_PASSWORD }, meta, now());
    expect(r.userId).toBe(p.user.id);

    const [user] = await t.db.select().from(users).where(eq(users.id, p.user.id));
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(user.passwordHash, 'the old password 2025')).toBe(false);
    expect(await t.db.select().from(sessions).where(and(eq(sessions.userId, p.user.id), isNull(sessions.revokedAt)))).toHaveLength(0);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.password_reset'), eq(auditLog.target, `user:${p.user.id}`)));
    expect(entry).toMatchObject({ actorType: 'owner', actorId: p.user.id, ip: meta.ip, accountId: p.account!.id, details: { sessionsRevoked: 3 } });
    const mails = await mailsTo(p.email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/new Accountdesk password/), expect.stringMatching(/password was changed/)]);

    // Reuse is refused and changes nothing.
    expect(await passwordResetLinkState(t.db, token, now())).toBe('used');
    await expect(resetPassword(t.db, { token, password: 'yet another password 2027' }, meta, now())).rejects.toMatchObject({
      message: RESET_LINK_MESSAGES.used,
    });
    const [after] = await t.db.select().from(users).where(eq(users.id, p.user.id));
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(await mailsTo(p.email)).toHaveLength(2);
    await expect(resetPassword(t.db, { token: 'made-up', password: NEW_PASSWORD }, meta, now())).rejects.toMatchObject({
      message: RESET_LINK_MESSAGES.invalid,
    });
  });

  test('ACC-9 members (admin, agent) and staff reset their password the same way', async () => {
    for (const role of ['admin', 'agent', 'staff'] as const) {
      const p = await person(role, { sessions: 1 });
      const token = await requestLink(p.email);
      await resetPassword(t.db, { token, password: NEW_PASSWORD }, meta, now());
      const [user] = await t.db.select().from(users).where(eq(users.id, p.user.id));
      expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
      expect(await t.db.select().from(sessions).where(and(eq(sessions.userId, p.user.id), isNull(sessions.revokedAt)))).toHaveLength(0);
      const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.password_reset'), eq(auditLog.target, `user:${p.user.id}`)));
      expect(entry.actorType).toBe(role === 'staff' ? 'staff' : 'user');
    }
  });

  test('ACC-9 a stopped account cannot reset, even with a link mailed before it was stopped', async () => {
    const p = await person();
    const token = await requestLink(p.email);
    await t.db.update(accounts).set({ status: 'stopped', stoppedAt: now() }).where(eq(accounts.id, p.account!.id));
    expect(await passwordResetLinkState(t.db, token, now())).toBe('invalid');
    await expect(resetPassword(t.db, { token, password: NEW_PASSWORD }, meta, now())).rejects.toMatchObject({ message: RESET_LINK_MESSAGES.invalid });
    const [user] = await t.db.select().from(users).where(eq(users.id, p.user.id));
    expect(await verifyPassword(user.passwordHash, 'the old password 2025')).toBe(true);
  });

  test('ACC-9 asking again replaces the earlier link; mails per email are limited and the answer stays the same', async () => {
    const p = await person();
    const first = await requestLink(p.email);
    const second = await requestLink(p.email);
    expect(await passwordResetLinkState(t.db, first, now())).toBe('invalid');
    expect(await passwordResetLinkState(t.db, second, now())).toBe('valid');
    for (let k = 0; k < 3; k++) expect((await requestPasswordReset(t.db, { email: p.email }, meta, now())).message).toBe(RESET_REQUESTED_MESSAGE);
    expect(await mailsTo(p.email)).toHaveLength(LIMITS.passwordResetEmail.max);
  });

  test('ACC-9 the sweep deletes reset links a day after they expired, and only those', async () => {
    const p = await person();
    const at = new Date('2027-01-10T08:00:00Z');
    setClock(at);
    const h = 3_600_000;
    const rows: [string, number, boolean][] = [
      ['expired-25h-ago', -25 * h, false],
      ['used-expired-25h-ago', -25 * h, true],
      ['expired-23h-ago', -23 * h, true],
      ['still-valid', 0.5 * h, false],
    ];
    for (const [tokenHash, expiresIn, used] of rows)
      await t.db.insert(passwordResets).values({
        tokenHash,
        userId: p.user.id,
        createdAt: new Date(at.getTime() + expiresIn - h),
        expiresAt: new Date(at.getTime() + expiresIn),
        usedAt: used ? new Date(at.getTime() + expiresIn - h) : null,
      });
    expect(await purgeExpiredPasswordResets(t.db)).toBeGreaterThanOrEqual(2);
    const left = (await t.db.select().from(passwordResets).where(eq(passwordResets.userId, p.user.id))).map((r) => r.tokenHash).sort();
    expect(left).toEqual(['expired-23h-ago', 'still-valid']);
  });
});
