// GDPR-10: product news for people without a login, by double opt-in. Asking sends a confirmation
// email with a one-time link (only its hash is stored, valid 7 days); following it records the
// consent (source 'newsletter') and lifts an earlier unsubscribe. The form's answer is the same
// whether or not the address was already subscribed.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { consentRecords, newsletterSubscribers, privacyFlags } from '@/db/schema';
import { hashToken } from '@/lib/accounts/verification';
import { recordAudit } from '@/lib/audit';
import { emailKit } from '@/lib/email/locale';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/http/request';
import type { Locale } from '@/lib/i18n/config';
import { hitRateLimit, LIMITS } from '@/lib/rate-limit';
import { NEWSLETTER_WORDING } from './consents';

export const NEWS_CONFIRM_DAYS = 7;

export async function subscribeToNews(db: Db, rawEmail: string, meta: { ip: string; locale: Locale }, at: Date): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  // Nobody can flood an address with confirmation emails; over the limit the answer is the same.
  if (!(await hitRateLimit(db, LIMITS.newsConfirmationEmail, email)).allowed) return;
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)).for('update');
    if (existing?.confirmedAt && !existing.unsubscribedAt) return;
    const token = randomBytes(32).toString('base64url');
    const pending = {
      tokenHash: hashToken(token),
      locale: meta.locale,
      confirmExpiresAt: new Date(at.getTime() + NEWS_CONFIRM_DAYS * 86_400_000),
      ip: meta.ip,
    };
    const [row] = existing
      ? await tx.update(newsletterSubscribers).set(pending).where(eq(newsletterSubscribers.id, existing.id)).returning({ id: newsletterSubscribers.id })
      : await tx.insert(newsletterSubscribers).values({ ...pending, email, createdAt: at }).returning({ id: newsletterSubscribers.id });
    const { t } = emailKit(meta.locale);
    const url = `${appUrl()}/news/confirm?token=${token}`;
    await queueEmail(tx, email, {
      locale: meta.locale,
      subject: t('consents.email.confirmNews.subject'),
      paragraphs: [t('consents.email.confirmNews.body', { days: NEWS_CONFIRM_DAYS }), t('consents.email.confirmNews.notYou')],
      action: { label: t('consents.email.confirmNews.action'), url },
    });
    await recordAudit(tx, { type: 'anonymous', ip: meta.ip }, { action: 'newsletter.confirmation_sent', target: `newsletter:${row.id}` });
  });
}

/** Follows the confirmation link: true when it confirmed a subscription (once; an old or used link is false). */
export async function confirmNews(db: Db, token: string, meta: { ip: string }, at: Date): Promise<boolean> {
  if (!token) return false;
  return db.transaction(async (tx) => {
    const [sub] = await tx
      .select()
      .from(newsletterSubscribers)
      .where(and(eq(newsletterSubscribers.tokenHash, hashToken(token)), gt(newsletterSubscribers.confirmExpiresAt, at), isNotNull(newsletterSubscribers.email)))
      .for('update');
    if (!sub?.email) return false;
    await tx.update(newsletterSubscribers).set({ confirmedAt: at, unsubscribedAt: null, tokenHash: null }).where(eq(newsletterSubscribers.id, sub.id));
    await tx.insert(consentRecords).values({
      userId: null,
      email: sub.email,
      purpose: 'marketing',
      granted: true,
      wordingVersion: NEWSLETTER_WORDING,
      source: 'newsletter',
      at,
      ip: meta.ip,
    });
    // Confirming is a fresh "yes": it lifts an earlier unsubscribe (never a restriction or objection).
    await tx.update(privacyFlags).set({ unsubscribedAt: null, updatedAt: at }).where(eq(privacyFlags.email, sub.email));
    await recordAudit(tx, { type: 'anonymous', ip: meta.ip }, { action: 'newsletter.confirmed', target: `newsletter:${sub.id}`, details: { wordingVersion: NEWSLETTER_WORDING } });
    return true;
  });
}
