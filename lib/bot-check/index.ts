// ACC-4: a proof-of-work bot check (ALTCHA, no third-party service). The server signs a challenge
// with an HMAC key; the browser finds the number whose SHA-256 with the salt matches; the server
// checks the signature, the expiry and the solution, then records the signature so that each
// solved challenge is accepted once.
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { Challenge, Payload } from 'altcha-lib/v1/types';
import { lt } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { spentChallenges } from '@/db/schema';
import { testHooksEnabled } from '@/lib/http/test-hooks';
import { derivedKey } from '@/lib/http/secret';
import { msg } from '@/lib/i18n/message-ref';

/** Accepted instead of a solution only when TEST_HOOKS=1. */
export const TEST_PASS_TOKEN = 'test-pass';
export const CHALLENGE_TTL_SECONDS = 10 * 60;
export const BOT_CHECK_FAILED = msg('auth.errors.botCheckFailed');

/** Highest number the browser may have to try; about 20 000 SHA-256 rounds on average, well under a second. */
function maxNumber(): number {
  const n = Number(process.env.BOT_CHECK_MAX_NUMBER);
  return Number.isFinite(n) && n >= 1000 ? n : 40_000;
}

export function botCheckKey(): string {
  if (process.env.BOT_CHECK_SECRET) return process.env.BOT_CHECK_SECRET;
  return derivedKey('bot-check');
}

/** A fresh signed challenge for the browser. `at` is real time: the expiry is checked against it. */
export async function issueChallenge(at: Date = new Date()): Promise<Challenge> {
  return createChallenge({
    hmacKey: botCheckKey(),
    maxnumber: maxNumber(),
    expires: new Date(at.getTime() + CHALLENGE_TTL_SECONDS * 1000),
  });
}

/** Payload format the client sends: base64 of the JSON {algorithm, challenge, number, salt, signature}. */
export function encodePayload(p: { algorithm: string; challenge: string; number: number; salt: string; signature: string }): string {
  return Buffer.from(JSON.stringify(p)).toString('base64');
}

/**
 * True when `payload` is a valid, unexpired, correctly signed solution that was never used before
 * (it is then marked spent, in `db`, which may be a transaction).
 */
export async function verifyBotCheck(db: Executor, payload: string | undefined | null): Promise<boolean> {
  if (!payload) return false;
  if (payload === TEST_PASS_TOKEN) return testHooksEnabled();
  let parsed: { signature?: unknown; salt?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return false;
  }
  if (typeof parsed?.signature !== 'string' || typeof parsed.salt !== 'string') return false;
  const expires = Number(extractParams(parsed as unknown as Payload).expires);
  if (!Number.isFinite(expires)) return false; // we always issue expiring challenges
  let ok = false;
  try {
    ok = await verifySolution(payload, botCheckKey(), true);
  } catch {
    ok = false;
  }
  if (!ok) return false;
  const inserted = await db
    .insert(spentChallenges)
    .values({ signature: parsed.signature, expiresAt: new Date(expires * 1000) })
    .onConflictDoNothing()
    .returning({ signature: spentChallenges.signature });
  return inserted.length === 1;
}

/**
 * Sweep: forgets spent challenges once they have expired (an expired challenge fails anyway).
 * Real time on purpose: altcha-lib checks challenge expiry against the real clock, so a moved
 * test clock must not free a challenge that could still be replayed.
 */
export async function purgeSpentChallenges(db: Db): Promise<number> {
  const gone = await db
    .delete(spentChallenges)
    .where(lt(spentChallenges.expiresAt, new Date(Date.now() - 60_000)))
    .returning({ signature: spentChallenges.signature });
  return gone.length;
}
