import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { accounts, users } from '@/db/schema';
import { DEV_STAFF } from '@/db/seed';
import { setClock } from '@/lib/clock';
import { LIMITS } from '@/lib/rate-limit';
import { solvedBotCheck } from '@/lib/test-utils/bot-check';
import { makeAccount, makeUser, uid } from '@/lib/test-utils/factories';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { authenticate, LOGIN_CHECK_AFTER_ADDRESS_FAILURES, LOGIN_ERRORS } from './login';
import { hashPassword } from './password';

const PASSWORD = 'correct horse battery staple';
/** Each test hashes dozens of passwords (argon2id); a busy machine needs the time. */
const SLOW = 180_000;
let t: TestDb;
let passwordHash: string;
let net = 0;

beforeAll(async () => {
  process.env.TEST_HOOKS = '1';
  process.env.BOT_CHECK_MAX_NUMBER = '2000';
  t = await createTestDb();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  setClock(null);
  await t.dispose();
});
// Every test starts just after the top of an hour, so no fixed window ends half-way through it.
beforeEach(() => {
  net++;
  setClock(new Date(Date.UTC(2026, 10, 26, 8 + net, 0, 5)));
});
afterEach(() => setClock(null));

/** A distinct address for each test (and each `k` within it). */
const address = (k = 0) => `198.51.${100 + net}.${k + 1}`;
const meta = (ip: string) => ({ ip, userAgent: 'Vitest/1.0 (login)' });

async function owner() {
  const account = await makeAccount(t.db);
  const user = await makeUser(t.db, account.id, { role: 'owner', email: `owner-${uid()}@example.test`, passwordHash });
  return { ...user, email: user.email! };
}

const signIn = (email: string, password: string, ip: string, botCheck?: string) => authenticate(t.db, { email, password, botCheck }, meta(ip));

describe('sign-in throttling', () => {
  test('ACC-9 30 successful sign-ins of different users from one office address within a minute all succeed', async () => {
    const people = await Promise.all(Array.from({ length: 30 }, owner));
    const start = Date.UTC(2026, 10, 26, 8 + net, 0, 5);
    // One every two seconds of app time, however long the hashing takes on this machine.
    for (const [k, p] of people.entries()) {
      setClock(new Date(start + k * 2000));
      await expect(signIn(p.email, PASSWORD, address())).resolves.toMatchObject({ userId: p.id, role: 'owner' });
    }
  }, SLOW);

  test('ACC-9 a successful sign-in does not use up the per-address budget; only failures count', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, owner));
    const ip = address();
    // Many successes first: were they counted, the check would be asked for far sooner below.
    for (let round = 0; round < 10; round++) for (const p of people) await signIn(p.email, PASSWORD, ip);
    // The address's whole failure budget before the check is still there…
    for (let k = 0; k < LOGIN_CHECK_AFTER_ADDRESS_FAILURES; k++)
      await expect(signIn(`nobody-${k}@example.test`, 'wrong password 123', ip)).rejects.toThrow(LOGIN_ERRORS.invalid);
    // …and only now, after that many failures, is the check asked for.
    await expect(signIn(people[0].email, PASSWORD, ip)).rejects.toThrow(LOGIN_ERRORS.checkRequired);
    await expect(signIn(people[0].email, PASSWORD, ip, 'test-pass')).resolves.toMatchObject({ userId: people[0].id });
  }, SLOW);

  test('ACC-9 after 20 wrong passwords for the staff login from many addresses, the right password asks for the check and with a solved check signs in', async () => {
    // The guesser solves every check there is (from the sixth failure on, the email asks for one).
    for (let k = 0; k < 20; k++)
      await expect(signIn(DEV_STAFF.email, `wrong password ${k}`, address(k), 'test-pass')).rejects.toThrow(LOGIN_ERRORS.invalid);
    const staffIp = address(200);
    // Not refused, and no lock-out: the right password is asked for the bot check instead…
    await expect(signIn(DEV_STAFF.email, DEV_STAFF.password, staffIp)).rejects.toThrow(LOGIN_ERRORS.checkRequired);
    // …a forged or reused solution does not do…
    await expect(signIn(DEV_STAFF.email, DEV_STAFF.password, staffIp, 'bm90IGpzb24=')).rejects.toThrow(LOGIN_ERRORS.checkRequired);
    // …a really solved proof-of-work does, and so does the test token in test mode.
    const proof = await solvedBotCheck();
    await expect(signIn(DEV_STAFF.email, DEV_STAFF.password, staffIp, proof)).resolves.toMatchObject({ role: 'staff' });
    await expect(signIn(DEV_STAFF.email, DEV_STAFF.password, staffIp, proof)).rejects.toThrow(LOGIN_ERRORS.checkRequired);
    await expect(signIn(DEV_STAFF.email, DEV_STAFF.password, address(201), 'test-pass')).resolves.toMatchObject({ role: 'staff' });
    // Guessing on, even with solved checks and from yet more addresses, never locks the staff login.
    for (let k = 20; k < 60; k++)
      await expect(signIn(DEV_STAFF.email, `wrong password ${k}`, address(k), 'test-pass')).rejects.toThrow(LOGIN_ERRORS.invalid);
    await expect(signIn(DEV_STAFF.email, DEV_STAFF.password, address(202), await solvedBotCheck())).resolves.toMatchObject({ role: 'staff' });
  }, SLOW);

  test('ACC-9 a guesser from one address is slowed by the bot check and then refused until the window passes', async () => {
    const ip = address();
    const victim = await owner();
    let k = 0;
    // Spraying guesses over many emails: the first 20 failures are answered plainly…
    for (; k < LOGIN_CHECK_AFTER_ADDRESS_FAILURES; k++)
      await expect(signIn(`guess-${k}@example.test`, 'password1234', ip)).rejects.toThrow(LOGIN_ERRORS.invalid);
    // …then every guess must carry a solved check (sending none does not count as a guess)…
    await expect(signIn(`guess-${k}@example.test`, 'password1234', ip)).rejects.toThrow(LOGIN_ERRORS.checkRequired);
    for (; k < LIMITS.loginFailAddress.max; k++)
      await expect(signIn(`guess-${k}@example.test`, 'password1234', ip, 'test-pass')).rejects.toThrow(LOGIN_ERRORS.invalid);
    // …and after 100 failures the address is refused, right password and solved check or not.
    await expect(signIn(`guess-${k}@example.test`, 'password1234', ip, 'test-pass')).rejects.toThrow(LOGIN_ERRORS.throttled);
    await expect(signIn(victim.email, PASSWORD, ip, 'test-pass')).rejects.toThrow(LOGIN_ERRORS.throttled);
    // Elsewhere the victim signs in as usual, without any check.
    await expect(signIn(victim.email, PASSWORD, address(1))).resolves.toMatchObject({ userId: victim.id });
    // Once the hour has passed the address may try again.
    setClock(new Date(Date.UTC(2026, 10, 26, 8 + net, 59, 0) + 3_600_000));
    await expect(signIn(victim.email, PASSWORD, ip)).resolves.toMatchObject({ userId: victim.id });
  }, SLOW);

  test('ACC-9 guessing one email from one address is refused after 10 failures in 15 minutes, without locking the owner out elsewhere', async () => {
    const victim = await owner();
    const ip = address();
    for (let k = 0; k < LIMITS.loginFailPair.max; k++)
      await expect(signIn(victim.email, `guess number ${k}`, ip, 'test-pass')).rejects.toThrow(LOGIN_ERRORS.invalid);
    await expect(signIn(victim.email, PASSWORD, ip, 'test-pass')).rejects.toThrow(LOGIN_ERRORS.throttled);
    // Another person from the same address is not held up by it (still under the address's check threshold).
    const colleague = await owner();
    await expect(signIn(colleague.email, PASSWORD, ip)).resolves.toMatchObject({ userId: colleague.id });
    // The owner, from their own address: the check (the email had failures), never a refusal.
    await expect(signIn(victim.email, PASSWORD, address(1))).rejects.toThrow(LOGIN_ERRORS.checkRequired);
    await expect(signIn(victim.email, PASSWORD, address(1), 'test-pass')).resolves.toMatchObject({ userId: victim.id });
    // Fifteen minutes later the pair may try again.
    setClock(new Date(Date.UTC(2026, 10, 26, 8 + net, 15, 1)));
    await expect(signIn(victim.email, PASSWORD, ip, 'test-pass')).resolves.toMatchObject({ userId: victim.id });
  }, SLOW);

  test('ACC-9 a few typos by the owner need no check, and a successful sign-in forgives them for that address', async () => {
    const me = await owner();
    const ip = address();
    for (let k = 0; k < 4; k++) await expect(signIn(me.email, 'typo typo typo', ip)).rejects.toThrow(LOGIN_ERRORS.invalid);
    await expect(signIn(me.email, PASSWORD, ip)).resolves.toMatchObject({ userId: me.id });
    for (let k = 0; k < 6; k++) await expect(signIn(me.email, 'typo typo typo', ip, 'test-pass')).rejects.toThrow(LOGIN_ERRORS.invalid);
    // Ten wrong passwords for this email from here in all, but the sign-in reset the pair's count to six:
    // not refused; the email's ten failures ask for the check, and with it the owner is in.
    await expect(signIn(me.email, PASSWORD, ip)).rejects.toThrow(LOGIN_ERRORS.checkRequired);
    await expect(signIn(me.email, PASSWORD, ip, 'test-pass')).resolves.toMatchObject({ userId: me.id });
  }, SLOW);

  test('ACC-2 ACC-9 unconfirmed and stopped logins are refused with their own message and count as no failure', async () => {
    const stoppedAccount = await makeAccount(t.db);
    const stopped = { email: `stopped-${uid()}@example.test` };
    await makeUser(t.db, stoppedAccount.id, { email: stopped.email, passwordHash });
    await t.db.update(accounts).set({ status: 'stopped' }).where(eq(accounts.id, stoppedAccount.id));
    const unconfirmed = await owner();
    await t.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, unconfirmed.id));
    const ip = address();
    // Eight tries each: were they failures, the check would be asked for from the sixth on.
    for (let k = 0; k < 8; k++) {
      await expect(signIn(stopped.email, PASSWORD, ip)).rejects.toThrow(LOGIN_ERRORS.stopped);
      await expect(signIn(unconfirmed.email, PASSWORD, ip)).rejects.toThrow(LOGIN_ERRORS.unverified);
    }
  }, SLOW);
});
