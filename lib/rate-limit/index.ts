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
  login: { name: 'login', max: 10, windowSeconds: 900 },
  loginEmail: { name: 'login-email', max: 5, windowSeconds: 900 },
  publicForm: { name: 'public-form', max: 20, windowSeconds: 3600 },
  resendVerification: { name: 'resend-verification', max: 5, windowSeconds: 3600 },
  // ACC-9: forgot password and set new password, per client address (an office shares one).
  passwordReset: { name: 'password-reset', max: 20, windowSeconds: 3600 },
  // ACC-9: reset emails per address asked for; over it the answer stays the same but no mail goes.
  passwordResetEmail: { name: 'password-reset-email', max: 3, windowSeconds: 3600 },
} satisfies Record<string, Limit>;

export interface LimitResult {
  allowed: boolean;
  /** Seconds until the window resets (when not allowed). */
  retryAfterSeconds: number;
}

/** Counts one hit against `limit` for `subject` (an IP or an email) and says whether it is allowed. */
export async function hitRateLimit(db: Executor, limit: Limit, subject: string): Promise<LimitResult> {
  const key = `${limit.name}:${subject}`;
  const at = now();
  const windowStart = new Date(Math.floor(at.getTime() / (limit.windowSeconds * 1000)) * limit.windowSeconds * 1000);
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
  return { allowed, retryAfterSeconds };
}

/** Clears a subject's counter, e.g. after a successful login. */
export async function resetRateLimit(db: Executor, limit: Limit, subject: string): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${`${limit.name}:${subject}`}`);
}
