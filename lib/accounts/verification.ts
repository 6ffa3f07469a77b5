// ACC-2: email verification by link. The token is 32 random bytes sent by email; only its sha256
// is stored. Opening the link verifies the owner's email and activates the account.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lte } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accounts, emailVerifications, termsVersions, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit } from '@/lib/audit';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/http/request';
import { msg } from '@/lib/i18n/message-ref';
import { hitRateLimit, LIMITS } from '@/lib/rate-limit';
import { accountAddress } from './slug';

export const VERIFICATION_TOKEN_DAYS = 7;
export const RESEND_NEUTRAL_MESSAGE = msg('auth.notices.verificationResent');

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Stores a new verification token for `userId` and returns the token to put in the link. */
export async function issueVerificationToken(tx: Executor, userId: string, at: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(emailVerifications).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: at,
    expiresAt: new Date(at.getTime() + VERIFICATION_TOKEN_DAYS * 86_400_000),
  });
  return token;
}

export function verificationLink(token: string): string {
  return `${appUrl()}/verify-email?token=${encodeURIComponent(token)}`;
}

export async function queueConfirmationEmail(
  tx: Executor,
  to: { email: string; fullName: string; accountId: string; slug: string },
  token: string,
): Promise<void> {
  await queueEmail(
    tx,
    to.email,
    {
      subject: 'Confirm your email address for Accountdesk',
      greeting: `Hello ${to.fullName},`,
      paragraphs: [
        `Thank you for signing up for Accountdesk. Your account address is ${accountAddress(to.slug)}.`,
        `Open the link below to confirm your email address and start using your account. The link is valid for ${VERIFICATION_TOKEN_DAYS} days; a signup that is not confirmed in that time is removed.`,
        'If you did not sign up, you can ignore this email.',
      ],
      action: { label: 'Confirm email address', url: verificationLink(token) },
    },
    { accountId: to.accountId },
  );
}

/** The terms version in force at `at`: the latest one published at or before it. */
export async function currentTermsVersion(db: Executor, at: Date) {
  const [row] = await db
    .select()
    .from(termsVersions)
    .where(lte(termsVersions.publishedAt, at))
    .orderBy(desc(termsVersions.publishedAt))
    .limit(1);
  if (!row) throw new Error('No terms of service version is published.');
  return row;
}

export type VerifyResult =
  | { status: 'verified'; email: string }
  | { status: 'already_verified' }
  | { status: 'expired' }
  | { status: 'invalid' };

/** ACC-2: consumes a verification token. Never throws for bad tokens; the page explains each case. */
export async function verifyEmail(db: Db, token: string, at: Date): Promise<VerifyResult> {
  if (!token || token.length > 200) return { status: 'invalid' };
  const tokenHash = hashToken(token);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ v: emailVerifications, user: users, account: accounts })
      .from(emailVerifications)
      .innerJoin(users, eq(users.id, emailVerifications.userId))
      .leftJoin(accounts, eq(accounts.id, users.accountId))
      .where(eq(emailVerifications.tokenHash, tokenHash))
      .for('update', { of: emailVerifications })
      .limit(1);
    if (!row || row.user.deletedAt || !row.user.email) return { status: 'invalid' } as const;
    if (row.v.usedAt || row.user.emailVerifiedAt) return { status: 'already_verified' } as const;
    if (row.v.expiresAt.getTime() <= at.getTime()) return { status: 'expired' } as const;
    if (row.account?.status === 'stopped') return { status: 'invalid' } as const;

    await tx.update(emailVerifications).set({ usedAt: at }).where(eq(emailVerifications.tokenHash, tokenHash));
    await tx.update(users).set({ emailVerifiedAt: at }).where(eq(users.id, row.user.id));
    if (row.account && row.account.status === 'pending_verification') {
      await tx.update(accounts).set({ status: 'active', verifiedAt: at }).where(eq(accounts.id, row.account.id));
    }
    await recordAudit(
      tx,
      { type: row.user.role === 'owner' ? 'owner' : 'user', id: row.user.id },
      { action: 'account.email_verified', accountId: row.user.accountId, target: `user:${row.user.id}` },
    );
    return { status: 'verified', email: row.user.email } as const;
  });
}

/**
 * ACC-2: sends a fresh confirmation link. Answers the same whether or not the email belongs to an
 * unconfirmed signup, so it cannot be used to find out who has an account. The per-address limit
 * and the bot check are the public-form guard's; this adds a limit per email.
 */
export async function resendVerification(
  db: Db,
  input: { email: string },
  meta: { ip: string; userAgent: string },
  at: Date,
): Promise<{ message: string }> {
  const normalised = input.email.trim().toLowerCase();
  const byEmail = await hitRateLimit(db, LIMITS.resendVerification, `email:${normalised}`);
  if (!byEmail.allowed) return { message: RESEND_NEUTRAL_MESSAGE };

  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ user: users, account: accounts })
      .from(users)
      .innerJoin(accounts, eq(accounts.id, users.accountId))
      .where(and(eq(users.email, normalised), isNull(users.emailVerifiedAt), isNull(users.deletedAt)))
      .limit(1);
    if (!row || row.account.status !== 'pending_verification' || !row.user.email) return;
    // ACC-2: a signup older than 7 days is about to be removed; a new link would not save it.
    if (row.account.createdAt.getTime() <= at.getTime() - VERIFICATION_TOKEN_DAYS * 86_400_000) return;
    const token = await issueVerificationToken(tx, row.user.id, at);
    await queueConfirmationEmail(
      tx,
      { email: row.user.email, fullName: row.user.fullName, accountId: row.account.id, slug: row.account.slug },
      token,
    );
    await recordAudit(
      tx,
      { type: 'anonymous', ip: meta.ip },
      { action: 'account.verification_resent', accountId: row.account.id, target: `user:${row.user.id}` },
    );
  });
  return { message: RESEND_NEUTRAL_MESSAGE };
}
