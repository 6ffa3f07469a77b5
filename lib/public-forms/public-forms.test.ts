import { solveChallenge } from 'altcha-lib/v1';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { rateLimits } from '@/db/schema';
import { validatedAction } from '@/lib/actions';
import { BOT_CHECK_FAILED, encodePayload, issueChallenge } from '@/lib/bot-check';
import { LIMITS, type Limit } from '@/lib/rate-limit';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { botCheckField, checkPublicForm, publicForm, throttledMessage } from '.';
import { translateMessage } from '@/lib/i18n/message-ref';
import { translatorFor } from '@/lib/i18n/translator';

/** A message reference as an English reader sees it. */
const en = (m: string | null | undefined) => (m ? translateMessage(translatorFor('en'), m) : m);

// The guard reads the client address through requestMeta() and the database through getDb();
// both are pointed at this test (the address itself is lib/http/request.ts's business).
const client = vi.hoisted(() => ({ ip: '192.0.2.1', db: null as unknown }));
vi.mock('@/lib/http/request', async (orig) => ({
  ...(await orig<typeof import('@/lib/http/request')>()),
  requestMeta: async () => ({ ip: client.ip, userAgent: 'Vitest/1.0 (public form)' }),
}));
vi.mock('@/db/client', async (orig) => ({ ...(await orig<typeof import('@/db/client')>()), getDb: async () => client.db }));

let t: TestDb;
beforeAll(async () => {
  process.env.TEST_HOOKS = '1';
  process.env.BOT_CHECK_MAX_NUMBER = '2000';
  t = await createTestDb();
  client.db = t.db;
});
afterAll(async () => t.dispose());

async function solved(): Promise<string> {
  const c = await issueChallenge();
  const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  return encodePayload({ algorithm: c.algorithm, challenge: c.challenge, number: s!.number, salt: c.salt, signature: c.signature });
}

const ran: { ip: string }[] = [];
const formAction = (limit: Limit) =>
  validatedAction({
    schema: z.object({ email: z.string(), botCheck: botCheckField }),
    guard: publicForm(limit),
    run: async (_input, meta) => {
      ran.push({ ip: meta.ip });
      return { message: 'done' };
    },
  });
const small: Limit = { name: 'test-form', max: 3, windowSeconds: 3600 };
const action = formAction(small);
function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe('public-form guard', () => {
  test('ACC-4 a solved challenge passes once; a replayed, forged, tampered or missing one is refused on the botCheck field', async () => {
    client.ip = '192.0.2.10';
    const action = formAction(LIMITS.publicForm);
    const payload = await solved();
    expect(await action({ status: 'idle' }, form({ email: 'a@example.test', botCheck: payload }))).toEqual({ status: 'ok', message: 'done' });
    expect(ran.at(-1)).toEqual({ ip: '192.0.2.10' });
    const refused = { status: 'error', fieldErrors: { botCheck: [en(BOT_CHECK_FAILED)] }, formError: en(BOT_CHECK_FAILED) };
    const before = ran.length;
    expect(await action({ status: 'idle' }, form({ email: 'a@example.test', botCheck: payload }))).toEqual(refused);
    expect(await action({ status: 'idle' }, form({ email: 'a@example.test', botCheck: 'forged' }))).toEqual(refused);
    expect(await action({ status: 'idle' }, form({ email: 'a@example.test' }))).toEqual(refused);
    const other = JSON.parse(Buffer.from(await solved(), 'base64').toString());
    other.number += 1;
    const tampered = Buffer.from(JSON.stringify(other)).toString('base64');
    await expect(checkPublicForm(t.db, LIMITS.publicForm, '192.0.2.11', tampered)).rejects.toMatchObject({ field: 'botCheck' });
    expect(ran.length).toBe(before); // the service never ran
  });

  test('ACC-4 the test token is accepted only in test mode', async () => {
    await expect(checkPublicForm(t.db, LIMITS.publicForm, '192.0.2.20', 'test-pass')).resolves.toBeUndefined();
    delete process.env.TEST_HOOKS;
    try {
      await expect(checkPublicForm(t.db, LIMITS.publicForm, '192.0.2.20', 'test-pass')).rejects.toMatchObject({ field: 'botCheck' });
    } finally {
      process.env.TEST_HOOKS = '1';
    }
  });

  test('ACC-4 each address is refused after its limit with a message that says how long to wait; refusals count too; other addresses go on', async () => {
    client.ip = '203.0.113.5';
    // A failed bot check still counts against the address.
    expect(await action({ status: 'idle' }, form({ email: 'x@example.test', botCheck: 'forged' }))).toMatchObject({ status: 'error' });
    for (let k = 1; k < small.max; k++)
      expect(await action({ status: 'idle' }, form({ email: 'x@example.test', botCheck: 'test-pass' }))).toMatchObject({ status: 'ok' });
    const over = await action({ status: 'idle' }, form({ email: 'x@example.test', botCheck: await solved() }));
    expect(over).toMatchObject({ status: 'error', fieldErrors: {}, formError: expect.stringMatching(/^Too many attempts from your network\. Please wait (an hour|\d+ minutes|a minute)/) });
    client.ip = '203.0.113.6';
    expect(await action({ status: 'idle' }, form({ email: 'x@example.test', botCheck: 'test-pass' }))).toMatchObject({ status: 'ok' });
    const [row] = await t.db.select().from(rateLimits).where(sql`${rateLimits.key} = ${'test-form:203.0.113.5'}`);
    expect(row.count).toBe(small.max + 1);
  });

  test('ACC-4 the throttle message rounds the wait up to whole minutes', () => {
    expect(en(throttledMessage(3600))).toMatch(/wait an hour/);
    expect(en(throttledMessage(61))).toMatch(/wait 2 minutes/);
    expect(en(throttledMessage(5))).toMatch(/wait a minute/);
  });
});
