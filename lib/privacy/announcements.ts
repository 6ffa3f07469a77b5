// GDPR-10: marketing mail written by staff in English and Dutch. Sending puts one outbox row per
// recipient (kind 'marketing') in the recipient's language, each with its own one-click
// unsubscribe link in the body and in the List-Unsubscribe headers (RFC 8058). The recipients are
// read in one query and written in batches, in the same transaction as the "sent" mark and the
// audit entry, so an announcement goes out once and completely or not at all.
import { desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { announcements } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { type Actor, recordAudit } from '@/lib/audit';
import { emailKit } from '@/lib/email/locale';
import { queueEmails } from '@/lib/email/outbox';
import type { EmailContent } from '@/lib/email/render';
import { appUrl } from '@/lib/http/request';
import type { Locale } from '@/lib/i18n/config';
import { msg } from '@/lib/i18n/message-ref';
import { marketingRecipients } from './marketing';
import type { AnnouncementInput } from './schemas';
import { signUnsubscribeToken } from './unsubscribe-token';

/** Rows per INSERT when queuing an announcement. */
const BATCH = 1000;

export type Announcement = typeof announcements.$inferSelect;

export function unsubscribeLinks(email: string): { page: string; oneClick: string } {
  const token = encodeURIComponent(signUnsubscribeToken(email));
  return { page: `${appUrl()}/unsubscribe?token=${token}`, oneClick: `${appUrl()}/api/unsubscribe?token=${token}` };
}

/** RFC 2369 / RFC 8058 headers for a marketing email to `email`. */
export function unsubscribeHeaders(email: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeLinks(email).oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** The email of an announcement in one language; `unsubscribeUrl` goes in its footer. */
export function announcementEmail(a: Pick<Announcement, 'subjectEn' | 'bodyEn' | 'subjectNl' | 'bodyNl'>, locale: Locale, unsubscribeUrl: string): EmailContent {
  const { t } = emailKit(locale);
  const [subject, body] = locale === 'nl' ? [a.subjectNl, a.bodyNl] : [a.subjectEn, a.bodyEn];
  return {
    locale,
    subject,
    paragraphs: body
      .split(/\r?\n\s*\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    footer: t('consents.email.announcementFooter', { url: unsubscribeUrl }),
  };
}

export async function createAnnouncement(db: Db, input: AnnouncementInput, actor: Actor, at: Date): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(announcements)
      .values({ ...input, createdBy: actor.id ?? null, createdAt: at })
      .returning({ id: announcements.id });
    await recordAudit(tx, actor, { action: 'announcement.created', target: `announcement:${row.id}`, details: { subject: input.subjectEn } });
    return row;
  });
}

export async function getAnnouncement(db: Executor, id: string): Promise<Announcement | null> {
  const [row] = await db.select().from(announcements).where(eq(announcements.id, id));
  return row ?? null;
}

export async function listAnnouncements(db: Executor, limit = 100): Promise<Announcement[]> {
  return db.select().from(announcements).orderBy(desc(announcements.createdAt)).limit(limit);
}

/** Queues the announcement for everyone who may receive it now; refuses a second send. */
export async function sendAnnouncement(db: Db, id: string, actor: Actor, at: Date): Promise<{ recipients: number }> {
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(announcements).where(eq(announcements.id, id)).for('update');
    if (!a) throw new DomainError(msg('consents.announcements.errors.notFound'));
    if (a.sentAt) throw new DomainError(msg('consents.announcements.errors.alreadySent'));
    const people = await marketingRecipients(tx);
    let queued = 0;
    for (let i = 0; i < people.length; i += BATCH) {
      queued += await queueEmails(
        tx,
        people.slice(i, i + BATCH).map((p) => ({
          to: p.email,
          content: announcementEmail(a, p.locale, unsubscribeLinks(p.email).page),
          kind: 'marketing' as const,
          headers: unsubscribeHeaders(p.email),
        })),
      );
    }
    await tx.update(announcements).set({ sentAt: at, recipients: queued }).where(eq(announcements.id, id));
    await recordAudit(tx, actor, { action: 'announcement.sent', target: `announcement:${id}`, details: { subject: a.subjectEn, recipients: queued } });
    return { recipients: queued };
  });
}
