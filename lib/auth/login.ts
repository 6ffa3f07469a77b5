import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, users } from '@/db/schema';
import { actorForUser, recordAudit } from '@/lib/audit';
import { DomainError } from '@/lib/actions';
import { verifyBotCheck } from '@/lib/bot-check';
import { hitRateLimit, LIMITS, refundRateLimit, resetRateLimit } from '@/lib/rate-limit';
import { LOGIN_ERRORS } from './login-messages';
import { verifyPassword } from './password';
import { createSession } from './sessions';

export interface LoginResult {
  userId: string;
  sessionId: string;
  role: 'owner' | 'admin' | 'agent' | 'staff';
  name: string;
  email: string;
}

export { LOGIN_ERRORS };

/*
 * Throttling counts failed sign-ins only (a wrong password, or an email we do not know); a
 * successful one never uses anything up. Three counters, each a fixed window in lib/rate-limit:
 *
 * - per (email, address) pair, LIMITS.loginFailPair: more than 10 wrong passwords in 15 minutes
 *   for one email from one address, and that pair is refused until the window ends. Someone
 *   elsewhere (or a colleague signing in with their own email) is not affected.
 * - per address, LIMITS.loginFailAddress: after 20 wrong passwords in an hour (any emails) every
 *   sign-in from that address must solve the proof-of-work bot check; after 100 the address is
 *   refused until the hour ends. An office of ten to thirty people behind one NAT, each mistyping
 *   now and then, stays far below 20 failures an hour; a guesser from one address is slowed by a
 *   check per guess from the 21st and stopped at the 101st.
 * - per email from anywhere, LIMITS.loginFailEmail: after 5 wrong passwords in an hour the sign-in
 *   for that email asks for the bot check, and is never refused for it: the right password with
 *   a solved check always gets in, so nobody can lock an owner (or staff) out from elsewhere.
 *
 * Each attempt is counted before the password is checked and refunded when it was not a failure
 * (signed in, unverified, stopped, refused, or sent without a needed check), so parallel guesses
 * cannot slip past a threshold while their passwords are being hashed.
 */
export const LOGIN_CHECK_AFTER_ADDRESS_FAILURES = 20;

/** The pair counter's key holds a digest, not the email: counters outlive the people they count. */
function pairSubject(email: string, ip: string): string {
  return createHash('sha256').update(`${email}\n${ip}`).digest('base64url').slice(0, 32);
}

export async function authenticate(
  db: Db,
  input: { email: string; password: string; botCheck?: string | null },
  meta: { ip: string; userAgent: string },
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const counters = [
    [LIMITS.loginFailPair, pairSubject(email, meta.ip)],
    [LIMITS.loginFailAddress, meta.ip],
    [LIMITS.loginFailEmail, email],
  ] as const;
  const [pair, address, byEmail] = await Promise.all(counters.map(([limit, subject]) => hitRateLimit(db, limit, subject)));
  let failed = false;
  try {
    if (!pair.allowed || !address.allowed) throw new DomainError(LOGIN_ERRORS.throttled);
    const needsCheck = byEmail.count > LIMITS.loginFailEmail.max || address.count > LOGIN_CHECK_AFTER_ADDRESS_FAILURES;
    if (needsCheck && !(await verifyBotCheck(db, input.botCheck))) throw new DomainError(LOGIN_ERRORS.checkRequired);
    const user = await checkPassword(db, email, input.password);
    if (!user) {
      failed = true;
      throw new DomainError(LOGIN_ERRORS.invalid);
    }
    return await signedIn(db, user, email, meta);
  } finally {
    if (!failed) await Promise.all(counters.map(([limit, subject]) => refundRateLimit(db, limit, subject)));
  }
}

/** The user whose password this is, or null; throws for a stopped account or an unconfirmed email. */
async function checkPassword(db: Db, email: string, password: string) {
  const [row] = await db
    .select({ user: users, account: accounts })
    .from(users)
    .leftJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.email, email))
    .limit(1);
  const ok = await verifyPassword(row?.user.passwordHash ?? null, password);
  if (!row || !ok || row.user.deletedAt) return null;
  if (row.account?.status === 'stopped') throw new DomainError(LOGIN_ERRORS.stopped);
  if (!row.user.emailVerifiedAt) throw new DomainError(LOGIN_ERRORS.unverified);
  return row.user;
}

async function signedIn(db: Db, user: typeof users.$inferSelect, email: string, meta: { ip: string; userAgent: string }): Promise<LoginResult> {
  // The person's own earlier typos from this address are forgiven; the address and email
  // counters stay, so a guesser sharing the address or the email gains nothing from it.
  await resetRateLimit(db, LIMITS.loginFailPair, pairSubject(email, meta.ip));
  return db.transaction(async (tx) => {
    const sessionId = await createSession(tx, user.id, meta, { trackActivity: user.role !== 'staff' });
    await recordAudit(
      tx,
      actorForUser(user, meta.ip),
      { action: 'auth.signed_in', accountId: user.accountId, target: `user:${user.id}` },
    );
    return { userId: user.id, sessionId, role: user.role, name: user.fullName, email };
  });
}
