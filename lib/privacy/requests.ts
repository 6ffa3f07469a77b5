// GDPR-3, GDPR-4: privacy requests from anyone, customer or not. Filing stores the request as
// `unconfirmed` and mails a one-time confirmation link (32 random bytes; only the sha256 is
// stored) to the address given; nothing is processed until that link is opened (GDPR-4). Opening
// it puts the request in the staff queue (`received`), starts the one-month clock (GDPR-5),
// records the event and the audit entry and mails the acknowledgement with the reference and the
// due date. Requests never confirmed expire after 7 days and lose the personal data they carried.
import { randomBytes, randomInt } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { and, eq, lt } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { gdprRequestEvents, gdprRequests, users } from '@/db/schema';
import { hashToken } from '@/lib/accounts/verification';
import { actorForUser, recordAudit, SYSTEM } from '@/lib/audit';
import { now, TIME_ZONE } from '@/lib/clock';
import { emailKit } from '@/lib/email/locale';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/http/request';
import type { Locale } from '@/lib/i18n/config';
import { msg } from '@/lib/i18n/message-ref';
import { hitRateLimit, LIMITS } from '@/lib/rate-limit';
import { gdprDueDate } from './due-date';
import type { PrivacyRequestInput } from './request-schemas';

export const CONFIRM_DAYS = 7;
/** The one answer to every submission: it says nothing about the address or earlier requests. */
export const REQUEST_FILED_MESSAGE = msg('gdpr.public.filed');

type RequestRow = typeof gdprRequests.$inferSelect;

export interface FilingContext {
  ip: string;
  userAgent: string;
  locale: Locale;
  /** The signed-in person filing, if any (their own address is not limited per email). */
  user?: { id: string; email: string | null; role: 'owner' | 'admin' | 'agent' | 'staff' } | null;
}

/** A new public reference PR-YYYY-NNNNNN (year in Bratislava; the number is random, so it says nothing about volume). */
async function newReference(tx: Executor, at: Date): Promise<string> {
  const year = new TZDate(at.getTime(), TIME_ZONE).getFullYear();
  for (;;) {
    const reference = `PR-${year}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    const [taken] = await tx.select({ id: gdprRequests.id }).from(gdprRequests).where(eq(gdprRequests.reference, reference)).limit(1);
    if (!taken) return reference;
  }
}

export function confirmLink(token: string): string {
  return `${appUrl()}/privacy/request/confirm?token=${encodeURIComponent(token)}`;
}

/** The audit entry's account: the requester's login's account, when the request came from one. */
export async function accountOfUser(tx: Executor, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [u] = await tx.select({ accountId: users.accountId }).from(users).where(eq(users.id, userId)).limit(1);
  return u?.accountId ?? null;
}

/**
 * GDPR-3: stores the request and mails the confirmation link. Always the same answer. Beyond the
 * per-email limit (someone filing in a stranger's name again and again) nothing is stored or
 * mailed; a signed-in person filing for their own address is never limited by it.
 */
export async function fileRequest(db: Db, input: PrivacyRequestInput, ctx: FilingContext, at: Date): Promise<{ message: string }> {
  const email = input.email.trim().toLowerCase();
  const ownAddress = !!ctx.user?.email && ctx.user.email.toLowerCase() === email;
  if (!ownAddress) {
    const byEmail = await hitRateLimit(db, LIMITS.privacyRequestEmail, `email:${email}`);
    if (!byEmail.allowed) return { message: REQUEST_FILED_MESSAGE };
  }
  await db.transaction(async (tx) => {
    const token = randomBytes(32).toString('base64url');
    const reference = await newReference(tx, at);
    const withdrawal =
      input.type === 'consent_withdrawal'
        ? {
            company: input.company,
            subject: input.consentSubject,
            controller: input.controller,
            request: input.writtenRequest,
            signature: input.signature,
            signedAt: at.toISOString(),
          }
        : null;
    const [row] = await tx
      .insert(gdprRequests)
      .values({
        reference,
        type: input.type,
        fullName: input.fullName,
        email,
        details: input.details || null,
        withdrawal,
        locale: ctx.locale,
        userId: ctx.user?.id ?? null,
        status: 'unconfirmed',
        confirmTokenHash: hashToken(token),
        createdAt: at,
        confirmExpiresAt: new Date(at.getTime() + CONFIRM_DAYS * 86_400_000),
        ip: ctx.ip,
      })
      .returning({ id: gdprRequests.id });
    const mail = emailKit(ctx.locale);
    await queueEmail(tx, email, {
      locale: ctx.locale,
      subject: mail.t('gdpr.email.confirm.subject'),
      greeting: mail.greeting(input.fullName),
      paragraphs: [
        mail.t('gdpr.email.confirm.body', { type: mail.t(`gdpr.types.${input.type}`) }),
        mail.t('gdpr.email.confirm.validity', { days: CONFIRM_DAYS }),
        mail.t('gdpr.email.confirm.ignore'),
      ],
      action: { label: mail.t('gdpr.email.confirm.action'), url: confirmLink(token) },
    });
    await recordAudit(tx, ctx.user ? actorForUser(ctx.user, ctx.ip) : { type: 'anonymous', ip: ctx.ip }, {
      action: 'privacy_request.filed',
      accountId: await accountOfUser(tx, ctx.user?.id ?? null),
      target: `privacy_request:${row.id}`,
      details: { reference, type: input.type },
    });
  });
  return { message: REQUEST_FILED_MESSAGE };
}

export type ConfirmResult =
  | { status: 'confirmed'; reference: string; dueAt: Date }
  | { status: 'used'; reference: string }
  | { status: 'expired' }
  | { status: 'invalid' };

/** GDPR-4: the requester opened the emailed link. One-time: a second opening says it was used. */
export async function confirmRequest(db: Db, token: string, meta: { ip: string }, at: Date): Promise<ConfirmResult> {
  if (!token || token.length > 200) return { status: 'invalid' };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(gdprRequests)
      .where(eq(gdprRequests.confirmTokenHash, hashToken(token)))
      .for('update')
      .limit(1);
    if (!row) return { status: 'invalid' as const };
    if (row.status === 'expired' || (row.status === 'unconfirmed' && row.confirmExpiresAt.getTime() <= at.getTime())) return { status: 'expired' as const };
    if (row.status !== 'unconfirmed') return { status: 'used' as const, reference: row.reference };
    const dueAt = gdprDueDate(at, 0);
    await tx.update(gdprRequests).set({ status: 'received', receivedAt: at, dueAt }).where(eq(gdprRequests.id, row.id));
    await tx.insert(gdprRequestEvents).values({ requestId: row.id, at, actorId: null, kind: 'status', fromStatus: 'unconfirmed', toStatus: 'received' });
    await recordAudit(tx, row.userId ? { type: 'user', id: row.userId, ip: meta.ip } : { type: 'anonymous', ip: meta.ip }, {
      action: 'privacy_request.confirmed',
      accountId: await accountOfUser(tx, row.userId),
      target: `privacy_request:${row.id}`,
      details: { reference: row.reference, type: row.type, dueAt: dueAt.toISOString() },
    });
    await queueAcknowledgement(tx, row, dueAt);
    return { status: 'confirmed' as const, reference: row.reference, dueAt };
  });
}

async function queueAcknowledgement(tx: Executor, row: RequestRow, dueAt: Date): Promise<void> {
  if (!row.email) return;
  const mail = emailKit(row.locale);
  await queueEmail(tx, row.email, {
    locale: row.locale,
    subject: mail.t('gdpr.email.received.subject', { reference: row.reference }),
    greeting: row.fullName ? mail.greeting(row.fullName) : undefined,
    paragraphs: [
      mail.t('gdpr.email.received.body', { reference: row.reference, type: mail.t(`gdpr.types.${row.type}`) }),
      mail.t('gdpr.email.received.due', { due: mail.date(dueAt) }),
      mail.t('gdpr.email.received.quote', { reference: row.reference }),
    ],
  });
}

/**
 * Sweep (GDPR-4): requests not confirmed within 7 days expire. They were never confirmed, so the
 * personal data they carried (name, email, details, withdrawal, address) is erased at once; the
 * reference, type and dates stay for the record. One request per transaction; idempotent.
 */
export async function expireUnconfirmedRequests(db: Db): Promise<number> {
  const at = now();
  let processed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: gdprRequests.id, reference: gdprRequests.reference, userId: gdprRequests.userId })
        .from(gdprRequests)
        .where(and(eq(gdprRequests.status, 'unconfirmed'), lt(gdprRequests.confirmExpiresAt, at)))
        .orderBy(gdprRequests.confirmExpiresAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return false;
      await tx
        .update(gdprRequests)
        .set({ status: 'expired', fullName: null, email: null, details: null, withdrawal: null, ip: null })
        .where(eq(gdprRequests.id, row.id));
      await tx.insert(gdprRequestEvents).values({ requestId: row.id, at, actorId: null, kind: 'status', fromStatus: 'unconfirmed', toStatus: 'expired' });
      await recordAudit(tx, SYSTEM, {
        action: 'privacy_request.expired',
        accountId: await accountOfUser(tx, row.userId),
        target: `privacy_request:${row.id}`,
        details: { reference: row.reference },
      });
      return true;
    });
    if (!done) break;
    processed++;
  }
  return processed;
}
