// One place that knows the app's secret. Each use derives its own key from it, so a value signed
// for one purpose (a payment reference, a bot-check challenge) is never valid for another.
import { createHash } from 'node:crypto';

const DEVELOPMENT_SECRET = 'accountdesk-development-secret-do-not-use-in-production';

export function appSecret(): string {
  const s = process.env.NEXTAUTH_SECRET;
  if (s) return s;
  if (process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error('NEXTAUTH_SECRET must be set in production.');
  }
  return DEVELOPMENT_SECRET;
}

/** A key for one purpose, derived from the app secret. */
export function derivedKey(purpose: string): string {
  return createHash('sha256').update(`${purpose}:${appSecret()}`).digest('hex');
}
