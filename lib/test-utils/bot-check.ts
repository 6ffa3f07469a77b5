// A really solved proof-of-work for service tests (keep BOT_CHECK_MAX_NUMBER low in the test file).
import { solveChallenge } from 'altcha-lib/v1';
import { encodePayload, issueChallenge } from '@/lib/bot-check';

/** Solves a freshly issued challenge (issued at `at`, real time by default) and returns the payload. */
export async function solvedBotCheck(at?: Date): Promise<string> {
  const c = await issueChallenge(at);
  const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  return encodePayload({ algorithm: c.algorithm, challenge: c.challenge, number: s!.number, salt: c.salt, signature: c.signature });
}
