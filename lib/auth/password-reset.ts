// ACC-9: "Forgot password?". A request mails a one-time link valid for one hour; only the sha256
// of its 32 random bytes is stored (as for email confirmation). Setting the new password changes
// the argon2id hash, spends the link, ends every session of the person, writes the audit entry and
// queues the confirmation email, all in one transaction. The request answers the same whatever
// the email is, and mails nothing for unknown, unconfirmed or erased logins or stopped accounts.
// The per-address limit and the bot check are the public-form guard's (lib/public-forms).
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accounts, passwordResets, users } from '@/db/schema';
import { hashToken } from '@/lib/accounts/verification';
import { DomainError } from '@/lib/actions';
import { actorForUser, recordAudit } from '@/lib/audit';
import { now } from '@/lib/clock';
import { emailKit } from '@/lib/email/locale';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/http/request';
import { msg } from '@/lib/i18n/message-ref';
import { hitRateLimit, LIMITS } from '@/lib/rate-limit';
import { hashPassword } from './password';
import { revokeUserSessions } from './sessions';

export const RESET_TOKEN_MINUTES = 60;
/** Expired and used links are kept this long, so that opening one says why it no longer works. */
export const RESET_TOKEN_KEEP_HOURS = 24;

// The answers are catalogue references (messages/<locale>/auth.json), translated by the action.
export const RESET_REQUESTED_MESSAGE = msg('auth.notices.resetRequested');
export const PASSWORD_CHANGED_MESSAGE = msg('auth.notices.passwordChanged');

export type ResetLinkState = 'valid' | 'expired' | 'used' | 'invalid';

type UnusableLink = Exclude<ResetLinkState, 'valid'>;

/** The reset page shows `public.resetPassword.link.<state>.title` and `.reason`; this is both in one sentence pair, for the form's message when a link stops working while it is open. */
export const RESET_LINK_MESSAGES: Record<UnusableLink, string> = {
  expired: msg('auth.errors.resetLink.expired'),
  used: msg('auth.errors.resetLink.used'),
  invalid: msg('auth.errors.resetLink.invalid'),
};

type UserRow = typeof users.$inferSelect;
type AccountRow = typeof accounts.$inferSelect;

/**
 * Who may reset: any login with a confirmed email, owners, admins, agents and staff alike; not an
 * erased login, not a member of a stopped account, and not an unconfirmed signup (decision: the
 * signup's confirmation link comes first; until then "Send the link again" is the way in).
 */
export function mayResetPassword(user: Pick<UserRow, 'email' | 'deletedAt' | 'emailVerifiedAt'>, account: Pick<AccountRow, 'status'> | null): boolean {
  if (!user.email || user.deletedAt || !user.emailVerifiedAt) return false;
  return !account || account.status !== 'stopped';
}

/** The state of a stored link at `at` (null: no such link). Pure: `at` is the app clock's now. */
export function resetLinkState(row: { expiresAt: Date; usedAt: Date | null } | null, at: Date): ResetLinkState {
  if (!row) return 'invalid';
  if (row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= at.getTime()) return 'expired';
  return 'valid';
}

export function resetLink(token: string): string {
  return `${appUrl()}/reset-password?token=${encodeURIComponent(token)}`;
}

/** ACC-9: mails a reset link when the email belongs to a login that may reset. Same answer always. */
export async function requestPasswordReset(
  db: Db,
  input: { email: string },
  meta: { ip: string; userAgent: string },
  at: Date,
): Promise<{ message: string }> {
  const email = input.email.trim().toLowerCase();
  const byEmail = await hitRateLimit(db, LIMITS.passwordResetEmail, email);
  if (!byEmail.allowed) return { message: RESET_REQUESTED_MESSAGE };

  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ user: users, account: accounts })
      .from(users)
      .leftJoin(accounts, eq(accounts.id, users.accountId))
      .where(eq(users.email, email))
      .limit(1);
    if (!row || !mayResetPassword(row.user, row.account)) return;
    const { user } = row;
    // Only the newest link works: asking again replaces the earlier unused ones.
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    const token = randomBytes(32).toString('base64url');
    await tx.insert(passwordResets).values({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: at,
      expiresAt: new Date(at.getTime() + RESET_TOKEN_MINUTES * 60_000),
    });
    const mail = emailKit(user.locale);
    await queueEmail(
      tx,
      email,
      {
        locale: user.locale,
        subject: mail.t('email.passwordReset.subject'),
        greeting: mail.greeting(user.fullName),
        paragraphs: [
          mail.t('email.passwordReset.request'),
          mail.t('email.passwordReset.validity', { minutes: RESET_TOKEN_MINUTES }),
          mail.t('email.passwordReset.ignore'),
        ],
        action: { label: mail.t('email.passwordReset.action'), url: resetLink(token) },
      },
      { accountId: user.accountId },
    );
    await recordAudit(
      tx,
      { type: 'anonymous', ip: meta.ip },
      { action: 'auth.password_reset_requested', accountId: user.accountId, target: `user:${user.id}` },
    );
  });
  return { message: RESET_REQUESTED_MESSAGE };
}

/**
 * Finds the link of `token` and says whether it may be used at `at` (locking its row when `db`
 * is a transaction). A link of a login that may no longer reset is 'invalid'.
 */
async function findResetLink(db: Executor, token: string, at: Date) {
  if (!token || token.length > 200) return { state: 'invalid' as const, user: null };
  const [row] = await db
    .select({ reset: passwordResets, user: users, account: accounts })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .leftJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(passwordResets.tokenHash, hashToken(token)))
    .for('update', { of: passwordResets })
    .limit(1);
  if (row && !mayResetPassword(row.user, row.account)) return { state: 'invalid' as const, user: null };
  return { state: resetLinkState(row?.reset ?? null, at), user: row?.user ?? null };
}

/** The state of the link a person opened (the page shows the form only for a valid one). */
export async function passwordResetLinkState(db: Db, token: string, at: Date): Promise<ResetLinkState> {
  return db.transaction(async (tx) => (await findResetLink(tx, token, at)).state);
}

/** ACC-9: sets the new password through a valid link. Refusals are DomainErrors with the link's message. */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  meta: { ip: string; userAgent: string },
  at: Date,
): Promise<{ message: string; userId: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const link = await findResetLink(tx, input.token, at);
    if (link.state !== 'valid' || !link.user) throw new DomainError(RESET_LINK_MESSAGES[link.state === 'valid' ? 'invalid' : link.state]);
    const { user } = link;
    const tokenHash = hashToken(input.token);

    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx.update(passwordResets).set({ usedAt: at }).where(eq(passwordResets.tokenHash, tokenHash));
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    const revoked = await revokeUserSessions(tx, user.id);
    await recordAudit(tx, actorForUser(user, meta.ip), {
      action: 'auth.password_reset',
      accountId: user.accountId,
      target: `user:${user.id}`,
      details: { sessionsRevoked: revoked },
    });
    const mail = emailKit(user.locale);
    await queueEmail(
      tx,
      user.email!,
      {
        locale: user.locale,
        subject: mail.t('email.passwordChanged.subject'),
        greeting: mail.greeting(user.fullName),
        paragraphs: [mail.t('email.passwordChanged.changed'), mail.t('email.passwordChanged.notYou', { forgotUrl: `${appUrl()}/forgot-password` })],
        action: { label: mail.t('email.passwordChanged.action'), url: `${appUrl()}/login` },
      },
      { accountId: user.accountId },
    );
    return { message: PASSWORD_CHANGED_MESSAGE, userId: user.id };
  });
}

/** Sweep: deletes reset links a day after they expired (used or not). */
export async function purgeExpiredPasswordResets(db: Db): Promise<number> {
  const cutoff = new Date(now().getTime() - RESET_TOKEN_KEEP_HOURS * 3_600_000);
  const gone = await db.delete(passwordResets).where(lt(passwordResets.expiresAt, cutoff)).returning({ tokenHash: passwordResets.tokenHash });
  return gone.length;
}
