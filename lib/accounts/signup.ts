// ACC-1..5, ACC-9: creating an account. The per-address rate limit and the bot check are the
// public-form guard's (lib/public-forms), committed before this runs. Everything the signup creates
// is written in ONE transaction together with its audit entry and confirmation email.
// The answer never tells whether an email is registered: for an email that already has a login,
// nothing is created and that person gets an email instead ("someone tried to sign up …").
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '@/db/client';
import { accounts, termsAcceptances, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { startTrial } from '@/lib/billing/subscriptions';
import { emailKit } from '@/lib/email/locale';
import { openSeat } from '@/lib/team/seats';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/http/request';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import { msg } from '@/lib/i18n/message-ref';
import { recordUserConsents, tickedPurposes, type ConsentSource } from '@/lib/privacy/consents';
import { isAdult } from './age';
import { ACCEPT_TERMS_MESSAGE, UNDER_18_MESSAGE, type SignupInput } from './schemas';
import { normaliseSlug, validateSlug } from './slug';
import { currentTermsVersion, issueVerificationToken, queueConfirmationEmail } from './verification';

export { verifyEmail, resendVerification } from './verification';

export const SLUG_TAKEN_MESSAGE = msg('auth.errors.slugTaken');

/** Both outcomes look the same to the person signing up: "check your email". */
export type SignupResult = { email: string } & (
  | { existing: false; accountId: string; userId: string }
  /** The email already had a login: nothing was created, its owner was told by email. */
  | { existing: true }
);

/**
 * The email to a person whose address someone just tried to sign up with. Queued in `tx`; the only
 * thing a signup with a registered email writes.
 */
async function queueSignupAttemptNotice(tx: Executor, email: string): Promise<void> {
  const [row] = await tx
    .select({ user: users, accountStatus: accounts.status })
    .from(users)
    .leftJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(users.email, email), isNull(users.deletedAt)))
    .limit(1);
  if (!row || row.accountStatus === 'stopped') return;
  // The person who owns the address reads it in their own language, not the one who tried.
  const { locale } = row.user;
  const { t, greeting } = emailKit(locale);
  await queueEmail(
    tx,
    email,
    {
      locale,
      subject: t('email.signupAttempt.subject'),
      greeting: greeting(row.user.fullName),
      paragraphs: [
        t('email.signupAttempt.attempt'),
        t('email.signupAttempt.ifYou', { loginUrl: `${appUrl()}/login`, forgotUrl: `${appUrl()}/forgot-password` }),
        t('email.signupAttempt.ifNotYou'),
      ],
      action: { label: t('email.signupAttempt.action'), url: `${appUrl()}/login` },
    },
    { accountId: row.user.accountId },
  );
}

/** Is this slug already used by any account, stopped ones included (case-insensitive)? */
export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`lower(${accounts.slug}) = ${normaliseSlug(slug)}`)
    .limit(1);
  return !!row;
}

function uniqueViolation(err: unknown): string | null {
  for (let e = err as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown; message?: string } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return e.constraint ?? e.constraint_name ?? e.message ?? 'unique';
  }
  return null;
}

export interface SignupOptions {
  /**
   * What the new account starts with, inside the signup transaction (a refusal thrown here rolls
   * the whole signup back). Default: PAY-1's trial. APS-2's redemption gives the deal's plan instead.
   */
  onboard?: (tx: Tx, created: { accountId: string; userId: string }) => Promise<void>;
  /** GDPR-2: where the consents ticked on the form were given (default 'signup'). */
  consentSource?: Extract<ConsentSource, 'signup' | 'appsumo'>;
}

export async function signUp(
  db: Db,
  input: SignupInput,
  meta: { ip: string; userAgent: string; locale?: Locale },
  at: Date,
  opts: SignupOptions = {},
): Promise<SignupResult> {
  // The schema checked these already; the service does not trust its caller.
  const slug = normaliseSlug(input.slug);
  const slugProblem = validateSlug(slug);
  if (slugProblem) throw new DomainError(slugProblem, 'slug');
  if (!isAdult(input.dateOfBirth, at)) throw new DomainError(UNDER_18_MESSAGE, 'dateOfBirth');
  const acceptTerms = input.acceptTerms as unknown;
  if (!(acceptTerms === true || acceptTerms === 'on' || acceptTerms === 'true'))
    throw new DomainError(ACCEPT_TERMS_MESSAGE, 'acceptTerms');
  const email = input.email.trim().toLowerCase();

  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [slugRow] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(sql`lower(${accounts.slug}) = ${slug}`)
        .limit(1);
      // An address is public (it is the account's web address), so a taken one may be said.
      if (slugRow) throw new DomainError(SLUG_TAKEN_MESSAGE, 'slug');
      const [emailRow] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
      if (emailRow) {
        await queueSignupAttemptNotice(tx, email);
        return { existing: true, email } as const;
      }

      const terms = await currentTermsVersion(tx, at);
      const [account] = await tx
        .insert(accounts)
        .values({ slug, companyName: input.companyName.trim(), status: 'pending_verification', createdAt: at })
        .returning({ id: accounts.id });
      // ACC-3: only the confirmation of adulthood and its time, never the date of birth.
      const [user] = await tx
        .insert(users)
        .values({
          accountId: account.id,
          role: 'owner',
          fullName: input.fullName.trim(),
          email,
          passwordHash,
          adultConfirmedAt: at,
          // The language the person signed up in (the action passes the request's): their emails use it.
          locale: meta.locale ?? DEFAULT_LOCALE,
          createdAt: at,
        })
        .returning({ id: users.id });
      // ACC-5: the acceptance of the current terms with version, time, IP and user agent.
      await tx.insert(termsAcceptances).values({
        userId: user.id,
        termsVersionId: terms.id,
        acceptedAt: at,
        ip: meta.ip,
        userAgent: meta.userAgent,
        method: 'signup',
      });
      // GDPR-2: each consent ticked is recorded with its wording version, time, source and address;
      // an unticked one writes nothing (no record means "not given").
      const consents = tickedPurposes(input);
      await recordUserConsents(tx, { id: user.id, email }, consents, true, { source: opts.consentSource ?? 'signup', at, ip: meta.ip });
      // PAY-1: the 14-day trial counts from the signup, not from the email confirmation.
      await openSeat(tx, account.id, user.id, at);
      if (opts.onboard) await opts.onboard(tx, { accountId: account.id, userId: user.id });
      else await startTrial(tx, account.id, at);
      const token = await issueVerificationToken(tx, user.id, at);
      await recordAudit(
        tx,
        { type: 'owner', id: user.id, ip: meta.ip },
        { action: 'account.signed_up', accountId: account.id, target: `account:${account.id}`, details: { slug, termsVersion: terms.version, consents } },
      );
      await queueConfirmationEmail(tx, { email, fullName: input.fullName.trim(), accountId: account.id, slug }, token);
      return { existing: false, accountId: account.id, userId: user.id, email } as const;
    });
  } catch (err) {
    // Two signups racing for the same address or email: the unique indexes decide.
    const violated = uniqueViolation(err);
    if (violated?.includes('accounts_slug')) throw new DomainError(SLUG_TAKEN_MESSAGE, 'slug');
    if (violated?.includes('users_email')) {
      await db.transaction((tx) => queueSignupAttemptNotice(tx, email));
      return { existing: true, email };
    }
    throw err;
  }
}
