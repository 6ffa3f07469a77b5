// Fixed-window rate limits kept in the database, so every app instance counts together.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { now } from '@/lib/clock';

export interface Limit {
  /** e.g. 'signup' */
  name: string;
  max: number;
  windowSeconds: number;
}

export const LIMITS = {
  signup: { name: 'signup', max: 10, windowSeconds: 3600 },
  // APS-3: deal-code redemptions per address (guessing codes costs a bot check and this limit).
  dealRedeem: { name: 'deal-redeem', max: 10, windowSeconds: 3600 },
  // ACC-7: accepting invitations per address (the link itself is the secret).
  invitation: { name: 'invitation', max: 20, windowSeconds: 3600 },
  // Sign-in counts failed attempts only (lib/auth/login.ts explains the thresholds).
  /** Wrong passwords for one email from one address: refused beyond `max`. Keyed by a digest of both. */
  loginFailPair: { name: 'login-fail-pair', max: 10, windowSeconds: 900 },
  /** Wrong passwords from one address, any email: the bot check first, then refused beyond `max`. */
  loginFailAddress: { name: 'login-fail-address', max: 100, windowSeconds: 3600 },
  /** Wrong passwords for one email from anywhere: beyond `max` the bot check is asked for, never a refusal. */
  loginFailEmail: { name: 'login-fail-email', max: 5, windowSeconds: 3600 },
  publicForm: { name: 'public-form', max: 20, windowSeconds: 3600 },
  resendVerification: { name: 'resend-verification', max: 5, windowSeconds: 3600 },
  /** The sandbox processor's hosted card and PayPal pages, each view and each submission, per address. */
  processorPage: { name: 'processor-page', max: 30, windowSeconds: 900 },
  // ACC-9: forgot password and set new password, per client address (an office shares one).
  passwordReset: { name: 'password-reset', max: 20, windowSeconds: 3600 },
  // ACC-9: reset emails per address asked for; over it the answer stays the same but no mail goes.
  passwordResetEmail: { name: 'password-reset-email', max: 3, windowSeconds: 3600 },
  // GDPR-10: the unsubscribe form and the product-news form, per client address.
  unsubscribe: { name: 'unsubscribe', max: 20, windowSeconds: 3600 },
  newsSubscribe: { name: 'news-subscribe', max: 10, windowSeconds: 3600 },
  // GDPR-10: product-news confirmation emails per address asked for; over it the answer stays the same but no mail goes.
  newsConfirmationEmail: { name: 'news-confirmation-email', max: 3, windowSeconds: 3600 },
  // GDPR-3: privacy requests per client address (an office shares one).
  privacyRequest: { name: 'privacy-request', max: 10, windowSeconds: 3600 },
  // GDPR-3: confirmation emails per address asked for; over it the answer stays the same but
  // nothing is stored or mailed (a signed-in person's own address is never limited).
  privacyRequestEmail: { name: 'privacy-request-email', max: 3, windowSeconds: 3600 },
  // PLAN-6: usage reports per account token (a helpdesk reports every few minutes at most).
  usageReport: { name: 'usage-report', max: 120, windowSeconds: 3600 },
} satisfies Record<string, Limit>;

export interface LimitResult {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  count: number;
  /** Seconds until the window resets (when not allowed). */
  retryAfterSeconds: number;
}

const keyOf = (limit: Limit, subject: string) => `${limit.name}:${subject}`;

function windowStartOf(limit: Limit, at: Date): Date {
  const ms = limit.windowSeconds * 1000;
  return new Date(Math.floor(at.getTime() / ms) * ms);
}

/** Counts one hit against `limit` for `subject` (an IP or an email) and says whether it is allowed. */
export async function hitRateLimit(db: Executor, limit: Limit, subject: string): Promise<LimitResult> {
  const key = keyOf(limit, subject);
  const at = now();
  const windowStart = windowStartOf(limit, at);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = ${windowStart.toISOString()}::timestamptz then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`${windowStart.toISOString()}::timestamptz`,
      },
    })
    .returning({ count: rateLimits.count });
  const allowed = row.count <= limit.max;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + limit.windowSeconds * 1000 - at.getTime()) / 1000);
  return { allowed, count: row.count, retryAfterSeconds };
}

/**
 * Takes back one hit counted earlier in the current window (a no-op once the window has moved on),
 * for limits that count a hit up front and keep it only when the attempt turns out to be a failure.
 */
export async function refundRateLimit(db: Executor, limit: Limit, subject: string): Promise<void> {
  const key = keyOf(limit, subject);
  const windowStart = windowStartOf(limit, now());
  await db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(sql`${rateLimits.key} = ${key} and ${rateLimits.windowStart} = ${windowStart.toISOString()}::timestamptz and ${rateLimits.count} > 0`);
}

/** Clears a subject's counter, e.g. after a successful login. */
export async function resetRateLimit(db: Executor, limit: Limit, subject: string): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${keyOf(limit, subject)}`);
}
