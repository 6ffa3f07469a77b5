// ACC-2: email verification by link. The token is 32 random bytes sent by email; only its sha256
// is stored. Opening the link verifies the owner's email and activates the account.
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, isNull, lte } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accounts, emailVerifications, termsVersions, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit } from '@/lib/audit';
import { emailKit, localeForAddress } from '@/lib/email/locale';
import { queueEmail } from '@/lib/email/outbox';
import type { Locale } from '@/lib/i18n/config';
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
  to: { email: string; fullName: string; accountId: string; slug: string; locale?: Locale },
  token: string,
): Promise<void> {
  // The signup's language: as stored on the new user (the signup wrote it in this transaction).
  const locale = to.locale ?? (await localeForAddress(tx, to.email));
  const { t, greeting } = emailKit(locale);
  await queueEmail(
    tx,
    to.email,
    {
      locale,
      subject: t('email.verification.subject'),
      greeting: greeting(to.fullName),
      paragraphs: [
        t('email.verification.thanks', { address: accountAddress(to.slug) }),
        t('email.verification.confirm', { days: VERIFICATION_TOKEN_DAYS }),
        t('email.verification.ignore'),
      ],
      action: { label: t('email.verification.action'), url: verificationLink(token) },
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
  if (row) return row;
  // A moment before the first publication (the 2019 deal window, reached with the test clock):
  // the first version is the one there is to accept.
  const [first] = await db.select().from(termsVersions).orderBy(asc(termsVersions.publishedAt)).limit(1);
  if (!first) throw new Error('No terms of service version is published.');
  return first;
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
      { email: row.user.email, fullName: row.user.fullName, accountId: row.account.id, slug: row.account.slug, locale: row.user.locale },
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
