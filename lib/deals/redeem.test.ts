import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accounts, auditLog, dealCodes, dealRedemptionAttempts, deals, outbox, subscriptions, users } from '@/db/schema';
import { signupSchema } from '@/lib/accounts/schemas';
import { DomainError } from '@/lib/actions';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { translatorFor } from '@/lib/i18n/translator';
import { translateMessage } from '@/lib/i18n/message-ref';
import { expireUnverifiedSignups } from '@/lib/accounts/expiry';
import { setClock } from '@/lib/clock';
import { importDealCodes } from './import';
import { redeemDealCode, type RedeemInput } from './redeem';

let t: TestDb;
let dealId: string;
let n = 0;
const inTime = new Date('2019-08-01T10:00:00Z');

beforeAll(async () => {
  process.env.TEST_HOOKS = '1';
  t = await createTestDb();
  [{ id: dealId }] = await t.db.select({ id: deals.id }).from(deals).where(eq(deals.name, 'AppSumo'));
  const codes = ['SUMO-0001', 'SUMO-0002', 'SUMO-RACE', 'SUMO-LAST', 'SUMO-LATE', 'SUMO-GONE'].join('\n');
  await importDealCodes(t.db, { dealId, csv: codes, at: new Date('2019-06-02T10:00:00Z') }, { type: 'staff' });
  await t.db.update(dealCodes).set({ revokedAt: inTime }).where(eq(dealCodes.codeKey, 'sumo-gone'));
});
afterAll(() => t.dispose());

function input(code: string, overrides: Record<string, unknown> = {}): RedeemInput {
  n++;
  const signup = signupSchema.parse({
    fullName: 'Peter Sumo',
    email: `sumo${n}@example.test`,
    password: 'correct horse battery staple',
    companyName: `Sumo ${n}`,
    slug: `sumo-${n}`,
    dateOfBirth: '1985-01-01',
    acceptTerms: 'on',
    botCheck: 'test-pass',
    ...overrides,
  });
  return { ...signup, code };
}
const meta = { ip: '203.0.113.9', userAgent: 'Vitest (redeem)' };
const english = (err: unknown) => translateMessage(translatorFor('en'), (err as Error).message);
async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe('APS-2..5 redeeming a deal code', () => {
  test('APS-2 a code creates an account on the deal plan with its lifetime seats: no trial, no card', async () => {
    const r = await redeemDealCode(t.db, input(' sumo-0001 '), meta, inTime, 'en');
    if (r.existing) throw new Error('expected a new account');
    const [sub] = await t.db.select().from(subscriptions).where(eq(subscriptions.accountId, r.accountId));
    expect(sub).toMatchObject({ status: 'lifetime', seats: 2, trialEndsAt: null });
    const [code] = await t.db.select().from(dealCodes).where(eq(dealCodes.codeKey, 'sumo-0001'));
    expect(code.accountId).toBe(r.accountId);
    const [account] = await t.db.select().from(accounts).where(eq(accounts.id, r.accountId));
    expect(account.status).toBe('pending_verification'); // email verification as for signup
    const mails = await t.db.select().from(outbox).where(eq(outbox.to, r.email));
    expect(mails).toHaveLength(1);
  });

  test('APS-3 a used code is refused at the Code field and the attempt is logged against the holder', async () => {
    const err = await refusal(redeemDealCode(t.db, input('SUMO-0001', { email: 'second-try@example.test' }), meta, inTime, 'en'));
    expect(err.field).toBe('code');
    expect(english(err)).toBe('This code has already been redeemed. Each code works once.');
    const attempts = await t.db.select().from(dealRedemptionAttempts);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ email: 'second-try@example.test', ip: '203.0.113.9' });
    expect(attempts[0].holdingAccountId).not.toBeNull();
  });

  test('APS-3 unknown and revoked codes each get their own message', async () => {
    expect(english(await refusal(redeemDealCode(t.db, input('NOPE-0000'), meta, inTime, 'en')))).toMatch(/do not know this code/);
    expect(english(await refusal(redeemDealCode(t.db, input('sumo-gone'), meta, inTime, 'en')))).toMatch(/withdrawn/);
  });

  test('APS-4 after the deadline redemption is refused with the closing date; the last minute still works', async () => {
    const err = await refusal(redeemDealCode(t.db, input('SUMO-LATE'), meta, new Date('2019-11-30T23:00:00Z'), 'en'));
    expect(english(err)).toBe('This deal closed on 30 Nov 2019 at 23:59.');
    const nl = await refusal(redeemDealCode(t.db, input('SUMO-LATE'), meta, new Date('2019-12-05T09:00:00Z'), 'nl'));
    expect(translateMessage(translatorFor('nl'), nl.message)).toBe('Deze deal is gesloten op 30 nov 2019 om 23:59.');
    const last = await redeemDealCode(t.db, input('SUMO-LAST'), meta, new Date('2019-11-30T22:59:59Z'), 'en');
    expect(last.existing).toBe(false);
  });

  test('APS-5 an email that already has a login gets no second account and the code stays free', async () => {
    const [holder] = await t.db.select({ email: users.email }).from(users).where(eq(users.role, 'owner')).limit(1);
    const r = await redeemDealCode(t.db, input('SUMO-0002', { email: holder.email }), meta, inTime, 'en');
    expect(r.existing).toBe(true);
    const [code] = await t.db.select().from(dealCodes).where(eq(dealCodes.codeKey, 'sumo-0002'));
    expect(code.accountId).toBeNull();
  });

  test('APS-3 20 simultaneous redemptions of one code: one account, 19 logged refusals, nothing else written', async () => {
    const count = async (table: typeof accounts | typeof users | typeof subscriptions | typeof auditLog | typeof outbox) =>
      (await t.db.select({ c: sql<number>`count(*)::int` }).from(table))[0].c;
    const before = { accounts: await count(accounts), users: await count(users), subs: await count(subscriptions), audit: await count(auditLog), mail: await count(outbox) };
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => redeemDealCode(t.db, input('SUMO-RACE'), meta, inTime, 'en')));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const l of lost) expect(english(l.reason)).toMatch(/already been redeemed/);
    const [race] = await t.db.select().from(dealCodes).where(eq(dealCodes.codeKey, 'sumo-race'));
    const attempts = await t.db.select().from(dealRedemptionAttempts).where(eq(dealRedemptionAttempts.codeId, race.id));
    expect(attempts).toHaveLength(19);
    expect(await count(accounts)).toBe(before.accounts + 1);
    expect(await count(users)).toBe(before.users + 1);
    expect(await count(subscriptions)).toBe(before.subs + 1);
    expect(await count(outbox)).toBe(before.mail + 1);
    // The winner's signup and redemption entries only.
    expect(await count(auditLog)).toBe(before.audit + 2);
  });

  test('APS-2 a redemption whose email is never confirmed expires and frees its code again', async () => {
    await importDealCodes(t.db, { dealId, csv: 'SUMO-FREE', at: inTime }, { type: 'staff' });
    const r = await redeemDealCode(t.db, input('SUMO-FREE'), meta, inTime, 'en');
    if (r.existing) throw new Error('expected a new account');
    await refusal(redeemDealCode(t.db, input('SUMO-FREE'), meta, inTime, 'en'));
    setClock(new Date(inTime.getTime() + 8 * 86_400_000));
    try {
      expect(await expireUnverifiedSignups(t.db)).toBeGreaterThanOrEqual(1);
    } finally {
      setClock(null);
    }
    const [code] = await t.db.select().from(dealCodes).where(eq(dealCodes.codeKey, 'sumo-free'));
    expect(code.accountId).toBeNull();
    const again = await redeemDealCode(t.db, input('SUMO-FREE'), meta, new Date(inTime.getTime() + 9 * 86_400_000), 'en');
    expect(again.existing).toBe(false);
  });
});
