// CAN-2: cancellations that reach support by email. Staff record each with the time it arrived;
// it is due one Slovak business day later (business-days.ts) and the queue shows what is overdue.
// Carrying it out runs the same stop-and-erase step as "Stop account" and emails the requester.
import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accounts, emailCancellations } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { accountAddress } from '@/lib/accounts/address';
import { recordAudit, type Actor } from '@/lib/audit';
import { bratislavaDateTime } from '@/lib/clock';
import { emailKit } from '@/lib/email/locale';
import { queueEmail } from '@/lib/email/outbox';
import { msg } from '@/lib/i18n/message-ref';
import { cancellationDueAt } from './business-days';
import type { RecordCancellationInput } from './schemas';
import { addressToSlugQuery } from '@/lib/staff/address';
import { accountOwner, stopAndErase } from './stop-account';

/** `acme`, `Acme.accountdesk.app` or `https://acme.accountdesk.app/` → `acme`. */
export function slugFromAccountInput(typed: string): string {
  return addressToSlugQuery(typed.trim().replace(/^https?:\/\//i, '').replace(/\/.*$/, '')).toLowerCase();
}

export async function recordEmailCancellation(db: Db, input: RecordCancellationInput, actor: Actor, at: Date) {
  const receivedAt = bratislavaDateTime(input.receivedAt);
  if (receivedAt > at) throw new DomainError(msg('cancellations.errors.receivedInFuture'), 'receivedAt');
  const slug = slugFromAccountInput(input.account);
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.slug, slug)).for('update');
    if (!account) throw new DomainError(msg('cancellations.errors.unknownAccount', { account: input.account.trim() }), 'account');
    if (account.status === 'stopped') throw new DomainError(msg('cancellations.errors.alreadyStopped', { address: accountAddress(account.slug) }), 'account');
    const [open] = await tx
      .select({ dueAt: emailCancellations.dueAt })
      .from(emailCancellations)
      .where(and(eq(emailCancellations.accountId, account.id), isNull(emailCancellations.carriedOutAt)));
    if (open) throw new DomainError(msg('cancellations.errors.alreadyRecorded', { address: accountAddress(account.slug) }), 'account');
    const owner = await accountOwner(tx, account.id);
    const requesterEmail = (input.requesterEmail || owner?.email || '').toLowerCase() || null;
    const dueAt = cancellationDueAt(receivedAt);
    const [row] = await tx
      .insert(emailCancellations)
      .values({ accountId: account.id, requesterEmail, receivedAt, dueAt, recordedBy: actor.id ?? null, recordedAt: at })
      .returning();
    await recordAudit(tx, actor, {
      action: 'account.cancellation_recorded',
      accountId: account.id,
      target: `account:${account.id}`,
      details: { receivedAt: receivedAt.toISOString(), dueAt: dueAt.toISOString() },
    });
    return { ...row, slug: account.slug };
  });
}

/** Open cancellations (due first) and the most recent carried-out ones. */
export async function listEmailCancellations(db: Executor, doneLimit = 20) {
  const columns = {
    id: emailCancellations.id,
    accountId: emailCancellations.accountId,
    slug: accounts.slug,
    companyName: accounts.companyName,
    requesterEmail: emailCancellations.requesterEmail,
    receivedAt: emailCancellations.receivedAt,
    dueAt: emailCancellations.dueAt,
    carriedOutAt: emailCancellations.carriedOutAt,
  };
  const [open, done] = await Promise.all([
    db.select(columns).from(emailCancellations).innerJoin(accounts, eq(accounts.id, emailCancellations.accountId)).where(isNull(emailCancellations.carriedOutAt)).orderBy(asc(emailCancellations.dueAt)),
    db
      .select(columns)
      .from(emailCancellations)
      .innerJoin(accounts, eq(accounts.id, emailCancellations.accountId))
      .where(isNotNull(emailCancellations.carriedOutAt))
      .orderBy(desc(emailCancellations.carriedOutAt))
      .limit(doneLimit),
  ]);
  return { open, done };
}

/**
 * Carries out a recorded cancellation: the account is stopped and erased like "Stop account" (the
 * owner gets its confirmation) and the requester is emailed that it is done. An account the owner
 * stopped meanwhile is only marked done.
 */
export async function carryOutCancellation(db: Db, cancellationId: string, actor: Actor, at: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(emailCancellations).where(eq(emailCancellations.id, cancellationId)).for('update');
    if (!row || row.carriedOutAt) throw new DomainError(msg('cancellations.errors.notOpen'));
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, row.accountId)).for('update');
    const owner = await accountOwner(tx, account.id);
    const requester = row.requesterEmail;
    const requesterIsOwner = !!owner?.email && owner.email === requester;
    const locale = owner?.locale ?? 'en';
    if (account.status !== 'stopped') await stopAndErase(tx, { account, owner, actor, reason: 'email_cancellation', at });
    await tx.update(emailCancellations).set({ carriedOutAt: at, carriedOutBy: actor.id ?? null, requesterEmail: null }).where(eq(emailCancellations.id, row.id));
    // The owner has the stop confirmation; anyone else who wrote in hears that it is done.
    if (requester && !requesterIsOwner) {
      const mail = emailKit(locale);
      await queueEmail(tx, requester, {
        locale,
        subject: mail.t('cancellations.email.subject', { address: accountAddress(account.slug) }),
        paragraphs: [mail.t('cancellations.email.body', { address: accountAddress(account.slug), received: mail.dateTime(row.receivedAt), date: mail.date(at) })],
      });
    }
    await recordAudit(tx, actor, {
      action: 'account.cancellation_carried_out',
      accountId: account.id,
      target: `account:${account.id}`,
      details: { receivedAt: row.receivedAt.toISOString(), dueAt: row.dueAt.toISOString(), late: at > row.dueAt },
    });
    return { slug: account.slug };
  });
}
