import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { accounts, auditLog, emailVerifications, outbox, termsAcceptances, termsVersions, users } from '@/db/schema';
import { authenticate, LOGIN_ERRORS } from '@/lib/auth/login';
import { now, setClock } from '@/lib/clock';
import { LIMITS } from '@/lib/rate-limit';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { expireUnverifiedSignups } from './expiry';
import { signupSchema, type SignupInput } from './schemas';
import { SLUG_TAKEN_MESSAGE, signUp } from './signup';
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

/** A signup that must create a new account (the email is new). */
async function signUpNew(...args: Parameters<typeof signUp>) {
  const r = await signUp(...args);
  if (r.existing) throw new Error(`expected a new account for ${r.email}`);
  return r;
}

const count = async (table: typeof accounts | typeof users) => (await t.db.select({ c: sql<number>`count(*)::int` }).from(table))[0].c;

describe('signup service', () => {
  test('ACC-1 ACC-5 creates a pending account, its owner, the terms acceptance, a token, audit entry and confirmation email', async () => {
    const i = input({ email: 'First@Example.test', slug: 'first-co' });
    const r = await signUpNew(t.db, i, { ip: '198.51.100.7', userAgent: 'Mozilla/5.0 test' }, now());
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
    const r = await signUpNew(t.db, input({ dateOfBirth: '1987-03-09' }), meta(), at);
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
    const r = await signUpNew(t.db, input(), meta(), now());
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
    const stopped = await signUpNew(t.db, input({ slug: 'gone-co' }), meta(), now());
    await t.db.update(accounts).set({ status: 'stopped', stoppedAt: now() }).where(eq(accounts.id, stopped.accountId));
    await expect(signUp(t.db, input({ slug: 'gone-co' }), meta(), now())).rejects.toMatchObject({ field: 'slug' });
    expect([await count(accounts), await count(users)]).toEqual([before[0] + 1, before[1] + 1]);
  });

  test('ACC-1 reserved addresses are refused by the service too', async () => {
    await expect(signUp(t.db, { ...input(), slug: 'admin' }, meta(), now())).rejects.toMatchObject({ field: 'slug', message: /reserved/ });
  });

  test('ACC-1 signing up with a registered email reveals nothing: same answer, nothing written, the owner is told by email', async () => {
    const first = await signUpNew(t.db, input({ email: 'dup@example.test', fullName: 'Dana Dup' }), meta(), now());
    const counts = async () =>
      JSON.stringify(
        await t.db.execute(sql`select (select count(*) from accounts) a, (select count(*) from users) u,
          (select count(*) from terms_acceptances) ta, (select count(*) from email_verifications) ev,
          (select count(*) from subscriptions) s, (select count(*) from audit_log) al, (select count(*) from sessions) se`),
      );
    const before = await counts();
    const mailsBefore = (await t.db.select().from(outbox)).length;

    const again = await signUp(t.db, input({ email: 'DUP@example.test', slug: 'someone-else-co' }), meta(), now());
    expect(again).toEqual({ existing: true, email: 'dup@example.test' });
    expect(await counts()).toBe(before);
    // One email more, to the existing person, with the way to sign in and to reset the password.
    expect((await t.db.select().from(outbox)).length).toBe(mailsBefore + 1);
    const mails = await t.db.select().from(outbox).where(eq(outbox.to, 'dup@example.test')).orderBy(outbox.createdAt);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/Confirm/), expect.stringMatching(/tried to sign up/i)]);
    const notice = mails[1];
    expect(notice.accountId).toBe(first.accountId);
    expect(notice.text).toContain('Dana Dup');
    expect(notice.text).toMatch(/\/login\b/);
    expect(notice.text).toMatch(/\/forgot-password\b/);
    expect(notice.text).not.toMatch(/token=/);
  });

  test('ACC-1 a taken address is still said when the email is registered too (an address is public anyway)', async () => {
    await signUpNew(t.db, input({ email: 'both@example.test', slug: 'both-co' }), meta(), now());
    const mails = (await t.db.select().from(outbox)).length;
    await expect(signUp(t.db, input({ email: 'both@example.test', slug: 'both-co' }), meta(), now())).rejects.toMatchObject({
      field: 'slug',
      message: SLUG_TAKEN_MESSAGE,
    });
    expect((await t.db.select().from(outbox)).length).toBe(mails);
  });

  test('ACC-1 two signups racing for one email both get the neutral answer and one account is created', async () => {
    const results = await Promise.all([
      signUp(t.db, input({ email: 'race@example.test' }), meta(), now()),
      signUp(t.db, input({ email: 'race@example.test' }), meta(), now()),
    ]);
    expect(results.map((r) => r.email)).toEqual(['race@example.test', 'race@example.test']);
    expect(results.filter((r) => !r.existing)).toHaveLength(1);
    expect(await t.db.select().from(users).where(eq(users.email, 'race@example.test'))).toHaveLength(1);
  });

  test('ACC-2 login is refused until the email link is opened; the link works once', async () => {
    const i = input({ email: 'verify@example.test' });
    const r = await signUpNew(t.db, i, meta(), now());
    await expect(authenticate(t.db, { email: i.email, password: i.password }, meta())).rejects.toThrow(LOGIN_ERRORS.unverified);
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
    const a = await resendVerification(t.db, { email: 'LATE@example.test', }, meta(), now());
    const b = await resendVerification(t.db, { email: 'nobody@example.test', }, meta(), now());
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
    await resendVerification(t.db, { email: 'old@example.test', }, meta(), now());
    expect(await t.db.select().from(outbox).where(eq(outbox.to, 'old@example.test'))).toHaveLength(1);
  });

  test('ACC-2 resending is limited per email as well: over the limit the answer stays the same and no mail goes', async () => {
    const i = input({ email: 'many@example.test' });
    await signUpNew(t.db, i, meta(), now());
    const answers = new Set<string>();
    for (let k = 0; k < 7; k++) answers.add((await resendVerification(t.db, { email: i.email }, meta(`198.18.0.${k + 1}`), now())).message);
    expect(answers.size).toBe(1);
    // The signup's own mail plus as many new links as the per-email limit allows, from any address.
    expect(await t.db.select().from(outbox).where(eq(outbox.to, 'many@example.test'))).toHaveLength(1 + LIMITS.resendVerification.max);
  });

  test('ACC-2 unverified signups expire after 7 days and free their address and email; verified ones stay', async () => {
    const base = new Date('2026-12-01T10:00:00Z');
    setClock(base);
    const stale = input({ email: 'stale@example.test', slug: 'stale-co' });
    const r = await signUpNew(t.db, stale, meta(), now());
    const kept = input({ email: 'kept@example.test', slug: 'kept-co' });
    const k = await signUpNew(t.db, kept, meta(), now());
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
