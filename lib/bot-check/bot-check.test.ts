import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { solvedBotCheck as solve } from '@/lib/test-utils/bot-check';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { purgeSpentChallenges, verifyBotCheck } from '.';

let t: TestDb;
beforeAll(async () => {
  process.env.BOT_CHECK_MAX_NUMBER = '2000';
  t = await createTestDb();
});
afterAll(async () => t.dispose());

describe('bot check', () => {
  test('ACC-4 a solved challenge passes once; replay, expiry, forgery and test token outside test mode fail', async () => {
    const p = await solve();
    expect(await verifyBotCheck(t.db, p)).toBe(true);
    expect(await verifyBotCheck(t.db, p)).toBe(false);
    expect(await verifyBotCheck(t.db, await solve(new Date(Date.now() - 60 * 60_000)))).toBe(false);
    expect(await verifyBotCheck(t.db, '')).toBe(false);
    expect(await verifyBotCheck(t.db, 'bm90IGpzb24=')).toBe(false);
    const saved = process.env.TEST_HOOKS;
    delete process.env.TEST_HOOKS;
    expect(await verifyBotCheck(t.db, 'test-pass')).toBe(false);
    process.env.TEST_HOOKS = '1';
    expect(await verifyBotCheck(t.db, 'test-pass')).toBe(true);
    if (saved === undefined) delete process.env.TEST_HOOKS;
    else process.env.TEST_HOOKS = saved;
    // Signed with another key.
    const prev = process.env.BOT_CHECK_SECRET;
    process.env.BOT_CHECK_SECRET = 'someone-else';
    const forged = await solve();
    if (prev === undefined) delete process.env.BOT_CHECK_SECRET;
    else process.env.BOT_CHECK_SECRET = prev;
    expect(await verifyBotCheck(t.db, forged)).toBe(false);
  });

  test('ACC-4 spent challenges are forgotten only after they expired', async () => {
    const p = await solve();
    expect(await verifyBotCheck(t.db, p)).toBe(true);
    await purgeSpentChallenges(t.db);
    expect(await verifyBotCheck(t.db, p)).toBe(false);
  });
});
