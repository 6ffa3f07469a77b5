import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { DomainError } from '@/lib/actions';
import { hitRateLimit, LIMITS, resetRateLimit } from '@/lib/rate-limit';
import { verifyPassword } from './password';
import { createSession } from './sessions';

export interface LoginResult {
  userId: string;
  sessionId: string;
  role: 'owner' | 'admin' | 'agent' | 'staff';
  name: string;
  email: string;
}

/** Messages the login form shows; next-auth passes the thrown message through as `error`. */
export const LOGIN_ERRORS = {
  invalid: 'That email and password do not match an account.',
  throttled: 'Too many sign-in attempts. Wait a few minutes and try again.',
  unverified: 'Confirm your email address first: open the link we emailed you, or ask for a new one below.',
  stopped: 'This account has been stopped and can no longer be used.',
} as const;

export async function authenticate(
  db: Db,
  input: { email: string; password: string },
  meta: { ip: string; userAgent: string },
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const byIp = await hitRateLimit(db, LIMITS.login, meta.ip);
  const byEmail = await hitRateLimit(db, LIMITS.loginEmail, email);
  if (!byIp.allowed || !byEmail.allowed) throw new DomainError(LOGIN_ERRORS.throttled);

  const [row] = await db
    .select({ user: users, account: accounts })
    .from(users)
    .leftJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.email, email))
    .limit(1);
  const ok = await verifyPassword(row?.user.passwordHash ?? null, input.password);
  if (!row || !ok || row.user.deletedAt) throw new DomainError(LOGIN_ERRORS.invalid);
  const { user, account } = row;
  if (account?.status === 'stopped') throw new DomainError(LOGIN_ERRORS.stopped);
  if (!user.emailVerifiedAt) throw new DomainError(LOGIN_ERRORS.unverified);

  await resetRateLimit(db, LIMITS.loginEmail, email);
  return db.transaction(async (tx) => {
    const sessionId = await createSession(tx, user.id, meta);
    await recordAudit(
      tx,
      { type: user.role === 'staff' ? 'staff' : user.role === 'owner' ? 'owner' : 'user', id: user.id, ip: meta.ip },
      { action: 'auth.signed_in', accountId: user.accountId, target: `user:${user.id}` },
    );
    return { userId: user.id, sessionId, role: user.role, name: user.fullName, email };
  });
}
