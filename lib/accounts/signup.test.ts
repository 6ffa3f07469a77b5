import { solveChallenge } from 'altcha-lib/v1';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { accounts, auditLog, emailVerifications, outbox, termsAcceptances, termsVersions, users } from '@/db/schema';
import { authenticate } from '@/lib/auth/login';
import { encodePayload, issueChallenge } from '@/lib/bot-check';
import { now, setClock } from '@/lib/clock';
import { LIMITS } from '@/lib/rate-limit';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { expireUnverifiedSignups } from './expiry';
import { signupSchema, type SignupInput } from './schemas';
import { EMAIL_TAKEN_MESSAGE, SLUG_TAKEN_MESSAGE, signUp } from './signup';
import { resendVerification, verifyEmail } from './verification';

let t: TestDb;
let n = 0;
beforeAll(async () => {
  process.env.TEST_HOOKS = '1';
  process.env.BOT_CHECK_MAX_NUMBER = '2000';
  t = await createTestDb();
});
afterAll(async () => {
  setClock(null);
  await t.dispose();
});
afterEach(() => setClock(null));

function input(overrides: Partial<Record<keyof SignupInput, unknown>> = {}): SignupInput {
  n++;
  return signupSchema.parse({
    fullName: 'Jana Novakova',
    email: `owner${n}@example.test`,
    password: 'correct horse battery staple',
    companyName: `Acme ${n}`,
    slug: `acme-${n}`,
    dateOfBirth: '1990-04-12',
    acceptTerms: 'on',
    botCheck: 'test-pass',
    ...overrides,
  });
}
const meta = (ip = `192.0.2.${n % 250}`) => ({ ip, userAgent: 'Vitest/1.0 (signup)' });

function tokenFrom(text: string): string {
  const m = text.match(/token=([A-Za-z0-9_%-]+)/);
  if (!m) throw new Error('no token in mail');
  return decodeURIComponent(m[1]);
}

async function solved(): Promise<string> {
  const c = await issueChallenge();
  const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  return encodePayload({ algorithm: c.algorithm, challenge: c.challenge, number: s!.number, salt: c.salt, signature: c.signature });
}

const count = async (table: typeof accounts | typeof users) => (await t.db.select({ c: sql<number>`count(*)::int` }).from(table))[0].c;

describe('signup service', () => {
  test('ACC-1 ACC-5 creates a pending account, its owner, the terms acceptance, a token, audit entry and confirmation email', async () => {
    const i = input({ email: 'First@Example.test', slug: 'first-co' });
    const r = await signUp(t.db, i, { ip: '198.51.100.7', userAgent: 'Mozilla/5.0 test' }, now());
    const [account] = await t.db.select().from(accounts).where(eq(accounts.id, r.accountId));
    expect(account).toMatchObject({ slug: 'first-co', status: 'pending_verification' });
    const [user] = await t.db.select().from(users).where(eq(users.id, r.userId));
    expect(user).toMatchObject({ role: 'owner', email: 'first@example.test', accountId: r.accountId, emailVerifiedAt: null });
    const [acc] = await t.db
      .select({ a: termsAcceptances, v: termsVersions })
      .from(termsAcceptances)
      .innerJoin(termsVersions, eq(termsVersions.id, termsAcceptances.termsVersionId))
      .where(eq(termsAcceptances.userId, r.userId));
    expect(acc.v.version).toBe('2026-11');
    expect(acc.a).toMatchObject({ ip: '198.51.100.7', userAgent: 'Mozilla/5.0 test', method: 'signup' });
    expect(acc.a.acceptedAt).toBeInstanceOf(Date);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.accountId, r.accountId));
    expect(audit.map((a) => a.action)).toContain('account.signed_up');
    const mails = await t.db.select().from(outbox).where(eq(outbox.to, 'first@example.test'));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/Confirm/);
    expect(mails[0].text).toMatch(/\/verify-email\?token=/);
    // Only the hash of the token is stored.
    const [v] = await t.db.select().from(emailVerifications).where(eq(emailVerifications.userId, r.userId));
    expect(v.tokenHash).not.toBe(tokenFrom(mails[0].text));
    expect(v.expiresAt.getTime() - v.createdAt.getTime()).toBe(7 * 86_400_000);
  });

  test('ACC-3 only the confirmation of adulthood is stored, never the date of birth', async () => {
    const at = now();
    const r = await signUp(t.db, input({ dateOfBirth: '1987-03-09' }), meta(), at);
    const [user] = await t.db.select().from(users).where(eq(users.id, r.userId));
    expect(user.adultConfirmedAt?.getTime()).toBe(at.getTime());
    const dump = JSON.stringify(
      await t.db.execute(sql`select row_to_json(x)::text as j from (select * from users) x
        union all select row_to_json(x)::text from (select * from accounts) x
        union all select row_to_json(x)::text from (select * from audit_log) x
        union all select row_to_json(x)::text from (select * from outbox) x
        union all select row_to_json(x)::text from (select * from terms_acceptances) x`),
    );
    expect(dump).not.toContain('1987-03-09');
    expect(dump).not.toMatch(/1987-03-09|09\.03\.1987|1987-3-9/);
    expect(Object.keys(user).join(',')).not.toMatch(/birth/i);
  });

  test('ACC-3 the service itself refuses under-18s', async () => {
    setClock(new Date('2026-11-25T12:00:00Z'));
    const i = { ...input(), dateOfBirth: '2008-11-26' };
    await expect(signUp(t.db, i, meta(), now())).rejects.toMatchObject({ field: 'dateOfBirth', message: /18 or older/ });
  });

  test('ACC-9 the password is stored as an argon2id hash, never in clear', async () => {
    const r = await signUp(t.db, input(), meta(), now());
    const [user] = await t.db.select().from(users).where(eq(users.id, r.userId));
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain('correct horse');
  });

  test('ACC-1 the address is unique case-insensitively, also against stopped accounts; nothing is written on refusal', async () => {
    await signUp(t.db, input({ slug: 'taken-co' }), meta(), now());
    const before = [await count(accounts), await count(users)];
    await expect(signUp(t.db, { ...input(), slug: 'TAKEN-CO'.toLowerCase() }, meta(), now())).rejects.toMatchObject({
      field: 'slug',
      message: SLUG_TAKEN_MESSAGE,
    });
    await expect(signUp(t.db, { ...input(), slug: 'Taken-Co' }, meta(), now())).rejects.toMatchObject({ field: 'slug' });
    // A stopped account keeps its address forever.
    const stopped = await signUp(t.db, input({ slug: 'gone-co' }), meta(), now());
    await t.db.update(accounts).set({ status: 'stopped', stoppedAt: now() }).where(eq(accounts.id, stopped.accountId));
    await expect(signUp(t.db, input({ slug: 'gone-co' }), meta(), now())).rejects.toMatchObject({ field: 'slug' });
    expect([await count(accounts), await count(users)]).toEqual([before[0] + 1, before[1] + 1]);
  });

  test('ACC-1 reserved addresses are refused by the service too', async () => {
    await expect(signUp(t.db, { ...input(), slug: 'admin' }, meta(), now())).rejects.toMatchObject({ field: 'slug', message: /reserved/ });
  });

  test('ACC-1 the email is unique, case-insensitively, with a neutral message', async () => {
    await signUp(t.db, input({ email: 'dup@example.test' }), meta(), now());
    const before = await count(accounts);
    await expect(signUp(t.db, input({ email: 'DUP@example.test' }), meta(), now())).rejects.toMatchObject({
      field: 'email',
      message: EMAIL_TAKEN_MESSAGE,
    });
    expect(await count(accounts)).toBe(before);
  });

  test('ACC-4 the bot check is required and a solved challenge is accepted once', async () => {
    const before = await count(accounts);
    await expect(signUp(t.db, input({ botCheck: 'forged' }), meta(), now())).rejects.toMatchObject({ field: 'botCheck' });
    delete process.env.TEST_HOOKS;
    try {
      await expect(signUp(t.db, input({ botCheck: 'test-pass' }), meta(), now())).rejects.toMatchObject({ field: 'botCheck' });
    } finally {
      process.env.TEST_HOOKS = '1';
    }
    expect(await count(accounts)).toBe(before);
    const payload = await solved();
    await signUp(t.db, input({ botCheck: payload }), meta(), now());
    await expect(signUp(t.db, input({ botCheck: payload }), meta(), now())).rejects.toMatchObject({ field: 'botCheck' });
    // A tampered solution fails the signature check.
    const other = JSON.parse(Buffer.from(await solved(), 'base64').toString());
    other.number += 1;
    await expect(signUp(t.db, input({ botCheck: Buffer.from(JSON.stringify(other)).toString('base64') }), meta(), now())).rejects.toMatchObject({
      field: 'botCheck',
    });
  });

  test('ACC-4 signups from one IP are refused after the per-IP limit', async () => {
    const ip = '203.0.113.99';
    for (let k = 0; k < LIMITS.signup.max; k++) await signUp(t.db, input(), meta(ip), now());
    await expect(signUp(t.db, input(), meta(ip), now())).rejects.toThrow(/Too many attempts/);
    // Another IP is not affected.
    await signUp(t.db, input(), meta('203.0.113.100'), now());
  });

  test('ACC-2 login is refused until the email link is opened; the link works once', async () => {
    const i = input({ email: 'verify@example.test' });
    const r = await signUp(t.db, i, meta(), now());
    await expect(authenticate(t.db, { email: i.email, password: i.password }, meta())).rejects.toThrow(/Confirm your email/);
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.to, 'verify@example.test'));
    const token = tokenFrom(mail.text);
    expect(await verifyEmail(t.db, 'nonsense', now())).toEqual({ status: 'invalid' });
    expect(await verifyEmail(t.db, token, now())).toMatchObject({ status: 'verified' });
    const [account] = await t.db.select().from(accounts).where(eq(accounts.id, r.accountId));
    expect(account.status).toBe('active');
    expect(account.verifiedAt).toBeInstanceOf(Date);
    expect(await verifyEmail(t.db, token, now())).toEqual({ status: 'already_verified' });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.accountId, r.accountId));
    expect(audit.map((a) => a.action)).toContain('account.email_verified');
    await expect(authenticate(t.db, { email: i.email, password: i.password }, meta())).resolves.toMatchObject({ role: 'owner' });
  });

  test('ACC-2 an expired link is refused; a new link can be requested with the same neutral answer', async () => {
    const i = input({ email: 'late@example.test' });
    await signUp(t.db, i, meta(), now());
    const [first] = await t.db.select().from(outbox).where(eq(outbox.to, 'late@example.test'));
    setClock(new Date(Date.now() + 7 * 86_400_000 + 60_000));
    expect(await verifyEmail(t.db, tokenFrom(first.text), now())).toEqual({ status: 'expired' });
    setClock(null);
    const a = await resendVerification(t.db, { email: 'LATE@example.test', botCheck: 'test-pass' }, meta(), now());
    const b = await resendVerification(t.db, { email: 'nobody@example.test', botCheck: 'test-pass' }, meta(), now());
    expect(a.message).toBe(b.message);
    expect(await t.db.select().from(outbox).where(eq(outbox.to, 'nobody@example.test'))).toHaveLength(0);
    const mails = await t.db.select().from(outbox).where(eq(outbox.to, 'late@example.test')).orderBy(outbox.createdAt);
    expect(mails).toHaveLength(2);
    expect(await verifyEmail(t.db, tokenFrom(mails[1].text), now())).toMatchObject({ status: 'verified' });
  });

  test('ACC-2 no new link is sent for a signup older than 7 days (it is about to expire)', async () => {
    setClock(new Date(Date.now() - 8 * 86_400_000));
    await signUp(t.db, input({ email: 'old@example.test' }), meta(), now());
    setClock(null);
    await resendVerification(t.db, { email: 'old@example.test', botCheck: 'test-pass' }, meta(), now());
    expect(await t.db.select().from(outbox).where(eq(outbox.to, 'old@example.test'))).toHaveLength(1);
  });

  test('ACC-2 resending is rate limited per IP and needs the bot check', async () => {
    await expect(resendVerification(t.db, { email: 'x@example.test', botCheck: 'forged' }, meta('198.18.0.1'), now())).rejects.toThrow(/human/);
    for (let k = 1; k < LIMITS.resendVerification.max; k++)
      await resendVerification(t.db, { email: `x${k}@example.test`, botCheck: 'test-pass' }, meta('198.18.0.1'), now());
    await expect(resendVerification(t.db, { email: 'y@example.test', botCheck: 'test-pass' }, meta('198.18.0.1'), now())).rejects.toThrow(
      /Too many/,
    );
  });

  test('ACC-2 unverified signups expire after 7 days and free their address and email; verified ones stay', async () => {
    const base = new Date('2026-12-01T10:00:00Z');
    setClock(base);
    const stale = input({ email: 'stale@example.test', slug: 'stale-co' });
    const r = await signUp(t.db, stale, meta(), now());
    const kept = input({ email: 'kept@example.test', slug: 'kept-co' });
    const k = await signUp(t.db, kept, meta(), now());
    const [m] = await t.db.select().from(outbox).where(eq(outbox.to, 'kept@example.test'));
    await verifyEmail(t.db, tokenFrom(m.text), now());

    setClock(new Date(base.getTime() + 7 * 86_400_000 - 60_000));
    await expireUnverifiedSignups(t.db); // may remove older signups of other tests, not this one
    expect(await t.db.select().from(accounts).where(eq(accounts.id, r.accountId))).toHaveLength(1);
    setClock(new Date(base.getTime() + 7 * 86_400_000 + 60_000));
    const [a, b] = await Promise.all([expireUnverifiedSignups(t.db), expireUnverifiedSignups(t.db)]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(accounts).where(eq(accounts.id, r.accountId))).toHaveLength(0);
    expect(await t.db.select().from(users).where(eq(users.id, r.userId))).toHaveLength(0);
    expect(await t.db.select().from(accounts).where(eq(accounts.id, k.accountId))).toHaveLength(1);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.accountId, r.accountId));
    expect(audit.map((x) => x.action)).toContain('account.signup_expired');
    expect(await expireUnverifiedSignups(t.db)).toBe(0);
    // The address and the email can be used again.
    await signUp(t.db, input({ email: 'stale@example.test', slug: 'stale-co' }), meta(), now());
  });
});
