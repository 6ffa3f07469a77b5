// OPS-3: the persisted outbox. `queueEmail` is called inside the transaction that caused the
// email, so a rolled-back change never mails anyone and a committed one always does.
//
// A row keeps the email's content and its plain text; the HTML is laid out from the content when
// the email is delivered or shown. A renewal sweep queues one or two emails per invoice, and
// laying out and storing their HTML was about 15 % of its time (issue 13, bench:billing).
import { and, asc, desc, eq, ilike, inArray, isNull, lte, notInArray, or } from 'drizzle-orm';
import { insertRows } from '@/db/bulk';
import type { Db, Executor } from '@/db/client';
import { outbox } from '@/db/schema';
import { now } from '@/lib/clock';
import { marketingAllowed } from '@/lib/privacy/flags';
import { renderEmailHtml, renderEmailText, type EmailBody, type EmailContent } from './render';

export const MAX_DELIVERY_ATTEMPTS = 6;

/** Minutes to wait before attempt n+1 after n failed attempts: 1, 5, 25, 125, 625. */
export function retryDelayMinutes(failedAttempts: number): number {
  return 5 ** Math.max(0, failedAttempts - 1);
}

export interface QueueOptions {
  accountId?: string | null;
  /** GDPR-8/10: 'marketing' mail is refused for unsubscribed, restricted or objecting addresses. */
  kind?: 'transactional' | 'marketing';
  /** Extra headers for the SMTP message (List-Unsubscribe …). */
  headers?: Record<string, string> | null;
}

export async function queueEmail(tx: Executor, to: string, content: EmailContent, opts: QueueOptions = {}): Promise<void> {
  await queueEmails(tx, [{ to, content, ...opts }]);
}

/**
 * Many emails in one statement (a sweep's batch), same rules as `queueEmail`. Marketing mail to an
 * address that may not receive it is left out; returns how many rows were queued.
 */
export async function queueEmails(tx: Executor, mails: ({ to: string; content: EmailContent } & QueueOptions)[]): Promise<number> {
  if (!mails.length) return 0;
  const marketing = mails.filter((m) => m.kind === 'marketing').map((m) => m.to);
  const allowed = marketing.length ? await marketingAllowed(tx, marketing) : new Set<string>();
  const queued = mails.filter((m) => m.kind !== 'marketing' || allowed.has(m.to.toLowerCase()));
  if (!queued.length) return 0;
  const at = now();
  await insertRows(
    tx,
    outbox,
    queued.map(({ content: { subject, ...body }, ...m }) => ({
      accountId: m.accountId ?? null,
      to: m.to.toLowerCase(),
      subject,
      text: renderEmailText(body),
      content: body,
      kind: m.kind ?? 'transactional',
      headers: m.headers ?? null,
      status: 'queued' as const,
      nextAttemptAt: at,
      createdAt: at,
    })),
  );
  return queued.length;
}

/** An outbox row's HTML body: laid out from its content, or as stored by an older row. */
export function emailHtml(row: { content: EmailBody | null; html: string | null }): string {
  if (row.content) return renderEmailHtml(row.content);
  return row.html ?? '';
}

/** Why a marketing row was not delivered (GDPR-8): the address said no after it was queued. */
export const MARKETING_REFUSED = 'refused: the address unsubscribed, asked for restriction or objected';
/** Why a marketing row was not delivered (GDPR-2): its recipient withdrew the consent after it was queued. */
export const MARKETING_WITHDRAWN = 'refused: the recipient withdrew the marketing consent';

/** Marketing mail still waiting for `email` will not go out (a withdrawal takes effect at once). */
export async function cancelQueuedMarketing(tx: Executor, email: string, reason: string): Promise<void> {
  await tx
    .update(outbox)
    .set({ status: 'failed', lastError: reason })
    .where(and(eq(outbox.to, email.toLowerCase()), eq(outbox.kind, 'marketing'), eq(outbox.status, 'queued')));
}

export type Mailer = (mail: { to: string; subject: string; text: string; html: string; headers?: Record<string, string> }) => Promise<void>;

let cachedMailer: Mailer | null | undefined;

/** nodemailer over SMTP_URL, or null when no SMTP server is configured. */
export async function smtpMailer(): Promise<Mailer | null> {
  if (cachedMailer !== undefined) return cachedMailer;
  const url = process.env.SMTP_URL;
  if (!url) return (cachedMailer = null);
  const nodemailer = await import('nodemailer');
  const transport = nodemailer.createTransport(url);
  const from = process.env.MAIL_FROM ?? 'Accountdesk <no-reply@accountdesk.localhost>';
  cachedMailer = async (m) => {
    await transport.sendMail({ from, ...m });
  };
  return cachedMailer;
}

/**
 * Delivers due emails. Each row is claimed with FOR UPDATE SKIP LOCKED inside its own
 * transaction, so two instances running the sweep at once never send the same email twice.
 */
export async function deliverOutbox(db: Db, mailer: Mailer | null, limit = 50): Promise<number> {
  let processed = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, 'queued'), lte(outbox.nextAttemptAt, now())))
        .orderBy(asc(outbox.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return false;
      if (row.kind === 'marketing' && !(await marketingAllowed(tx, [row.to])).has(row.to)) {
        await tx.update(outbox).set({ status: 'failed', lastError: MARKETING_REFUSED }).where(eq(outbox.id, row.id));
        return true;
      }
      if (!mailer) {
        // Without SMTP the email stays readable in the staff outbox (and the test hook).
        await tx.update(outbox).set({ status: 'held' }).where(eq(outbox.id, row.id));
        return true;
      }
      try {
        await mailer({ to: row.to, subject: row.subject, text: row.text, html: emailHtml(row), ...(row.headers ? { headers: row.headers } : {}) });
        await tx
          .update(outbox)
          .set({ status: 'sent', sentAt: now(), attempts: row.attempts + 1, lastError: null })
          .where(eq(outbox.id, row.id));
      } catch (err) {
        const attempts = row.attempts + 1;
        const giveUp = attempts >= MAX_DELIVERY_ATTEMPTS;
        await tx
          .update(outbox)
          .set({
            attempts,
            status: giveUp ? 'failed' : 'queued',
            lastError: String((err as Error).message ?? err).slice(0, 500),
            nextAttemptAt: new Date(now().getTime() + retryDelayMinutes(attempts) * 60_000),
          })
          .where(eq(outbox.id, row.id));
      }
      return true;
    });
    if (!done) break;
    processed++;
  }
  return processed;
}

export async function listOutbox(db: Executor, opts: { to?: string; search?: string; limit?: number } = {}) {
  const conds = [];
  if (opts.to) conds.push(eq(outbox.to, opts.to.toLowerCase()));
  if (opts.search) conds.push(or(ilike(outbox.to, `%${opts.search}%`), ilike(outbox.subject, `%${opts.search}%`))!);
  return db
    .select()
    .from(outbox)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(outbox.createdAt))
    .limit(opts.limit ?? 200);
}

/**
 * Staff may put a failed email back in the queue; never a marketing email that was refused because
 * its recipient said no (GDPR-2, GDPR-8).
 */
export async function requeueEmail(db: Executor, id: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'queued', nextAttemptAt: now() })
    .where(
      and(
        eq(outbox.id, id),
        inArray(outbox.status, ['failed', 'held']),
        or(eq(outbox.kind, 'transactional'), isNull(outbox.lastError), notInArray(outbox.lastError, [MARKETING_REFUSED, MARKETING_WITHDRAWN])),
      ),
    );
}
