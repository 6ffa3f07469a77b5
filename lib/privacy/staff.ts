// GDPR-5: staff work on a confirmed privacy request: assignment, internal notes, the status
// machine (lib/privacy/request-rules.ts), refusal with a reason, extension of the deadline and
// completion. Each service is one transaction that locks the request, checks the rule, records
// the event (the request's status history) and the audit entry, and queues the requester's email
// in the language they filed in.
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { gdprRequestEvents, gdprRequests, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { emailKit } from '@/lib/email/locale';
import { queueEmail } from '@/lib/email/outbox';
import type { EmailContent } from '@/lib/email/render';
import { msg } from '@/lib/i18n/message-ref';
import { completeByType } from './completion';
import { gdprDueDate } from './due-date';
import { canTransition, completionPath, extensionProblem, isOpen, REPLY_REQUIRED, type RequestStatus } from './request-rules';
import { accountOfUser } from './requests';

export type RequestRow = typeof gdprRequests.$inferSelect;
/** The staff member acting: their audit actor (with `id`). */
export type StaffActor = Actor & { id: string };

/** Locks a request of the staff queue (confirmed: not unconfirmed or expired). */
async function lockQueued(tx: Executor, requestId: string): Promise<RequestRow> {
  const [row] = await tx.select().from(gdprRequests).where(eq(gdprRequests.id, requestId)).for('update').limit(1);
  if (!row || row.status === 'unconfirmed' || row.status === 'expired') throw new DomainError(msg('gdpr.errors.notFound'));
  return row;
}

async function audit(tx: Executor, actor: StaffActor, row: RequestRow, action: string, details: Record<string, unknown> = {}) {
  await recordAudit(tx, actor, {
    action: `privacy_request.${action}`,
    accountId: await accountOfUser(tx, row.userId),
    target: `privacy_request:${row.id}`,
    details: { reference: row.reference, ...details },
  });
}

/** Mails the requester (in their language) unless the request no longer holds an address. */
async function mailRequester(tx: Executor, row: RequestRow, compose: (mail: ReturnType<typeof emailKit>) => Omit<EmailContent, 'locale' | 'greeting'>) {
  if (!row.email) return;
  const mail = emailKit(row.locale);
  await queueEmail(tx, row.email, { locale: row.locale, greeting: row.fullName ? mail.greeting(row.fullName) : undefined, ...compose(mail) });
}

async function changeStatus(tx: Executor, row: RequestRow, to: RequestStatus, actor: StaffActor, at: Date, note: string | null = null) {
  if (!canTransition(row.status, to)) throw new DomainError(msg('gdpr.errors.transition', { from: row.status, to }));
  await tx.insert(gdprRequestEvents).values({ requestId: row.id, at, actorId: actor.id, kind: 'status', fromStatus: row.status, toStatus: to, note });
}

/** Assigns an open request to a staff member, or to nobody (`assigneeId` null). */
export async function assignRequest(db: Db, input: { requestId: string; assigneeId: string | null }, actor: StaffActor, at: Date) {
  return db.transaction(async (tx) => {
    const row = await lockQueued(tx, input.requestId);
    if (!isOpen(row.status)) throw new DomainError(msg('gdpr.errors.closed'));
    let name: string | null = null;
    if (input.assigneeId) {
      const [staff] = await tx.select({ role: users.role, fullName: users.fullName, deletedAt: users.deletedAt }).from(users).where(eq(users.id, input.assigneeId)).limit(1);
      if (!staff || staff.role !== 'staff' || staff.deletedAt) throw new DomainError(msg('gdpr.errors.assigneeNotStaff'), 'assigneeId');
      name = staff.fullName;
    }
    if (row.assigneeId === input.assigneeId) return { reference: row.reference, name };
    await tx.update(gdprRequests).set({ assigneeId: input.assigneeId }).where(eq(gdprRequests.id, row.id));
    await tx.insert(gdprRequestEvents).values({ requestId: row.id, at, actorId: actor.id, kind: 'assigned', note: name });
    await audit(tx, actor, row, 'assigned', { assigneeId: input.assigneeId, previousAssigneeId: row.assigneeId });
    return { reference: row.reference, name };
  });
}

/** An internal note (never mailed to the requester). */
export async function addNote(db: Db, input: { requestId: string; note: string }, actor: StaffActor, at: Date) {
  return db.transaction(async (tx) => {
    const row = await lockQueued(tx, input.requestId);
    await tx.insert(gdprRequestEvents).values({ requestId: row.id, at, actorId: actor.id, kind: 'note', note: input.note });
    await audit(tx, actor, row, 'note_added', { length: input.note.length });
    return { reference: row.reference };
  });
}

/** "Mark verified" and "Start work". */
export async function advanceRequest(db: Db, input: { requestId: string; to: 'verified' | 'in_progress' }, actor: StaffActor, at: Date) {
  return db.transaction(async (tx) => {
    const row = await lockQueued(tx, input.requestId);
    await changeStatus(tx, row, input.to, actor, at);
    await tx.update(gdprRequests).set({ status: input.to }).where(eq(gdprRequests.id, row.id));
    await audit(tx, actor, row, 'status_changed', { from: row.status, to: input.to });
    return { reference: row.reference };
  });
}

/** Refuses the request; the reason is mailed to the requester. */
export async function refuseRequest(db: Db, input: { requestId: string; reason: string }, actor: StaffActor, at: Date) {
  return db.transaction(async (tx) => {
    const row = await lockQueued(tx, input.requestId);
    await changeStatus(tx, row, 'refused', actor, at, input.reason);
    await tx.update(gdprRequests).set({ status: 'refused', refusalReason: input.reason, completedAt: at }).where(eq(gdprRequests.id, row.id));
    await audit(tx, actor, row, 'refused', { from: row.status });
    await mailRequester(tx, row, (mail) => ({
      subject: mail.t('gdpr.email.refused.subject', { reference: row.reference }),
      paragraphs: [mail.t('gdpr.email.refused.body', { reference: row.reference, type: mail.t(`gdpr.types.${row.type}`) }), input.reason, mail.t('gdpr.email.refused.authority')],
    }));
    return { reference: row.reference };
  });
}

/** GDPR-5: extends the deadline by 1 or 2 months (2 in total at most); the requester is told why and until when. */
export async function extendDeadline(db: Db, input: { requestId: string; months: number; reason: string }, actor: StaffActor, at: Date) {
  return db.transaction(async (tx) => {
    const row = await lockQueued(tx, input.requestId);
    const problem = extensionProblem(row.status, row.extensionMonths, input.months);
    if (problem) throw new DomainError(msg(`gdpr.errors.extension.${problem}`), problem === 'closed' ? undefined : 'months');
    const total = row.extensionMonths + input.months;
    const dueAt = gdprDueDate(row.receivedAt!, total);
    await tx.update(gdprRequests).set({ extensionMonths: total, extensionReason: input.reason, dueAt }).where(eq(gdprRequests.id, row.id));
    await tx.insert(gdprRequestEvents).values({ requestId: row.id, at, actorId: actor.id, kind: 'extended', note: input.reason });
    await audit(tx, actor, row, 'extended', { months: input.months, totalMonths: total, dueAt: dueAt.toISOString(), previousDueAt: row.dueAt?.toISOString() });
    await mailRequester(tx, row, (mail) => ({
      subject: mail.t('gdpr.email.extended.subject', { reference: row.reference }),
      paragraphs: [mail.t('gdpr.email.extended.body', { reference: row.reference, months: input.months, due: mail.date(dueAt) }), input.reason],
    }));
    return { reference: row.reference, dueAt };
  });
}

/**
 * Completes a request in progress: the type's own work (completion.ts), then the status, the
 * event, the audit entry and the reply to the requester, all in one transaction.
 */
export async function completeRequest(db: Db, input: { requestId: string; reply: string }, actor: StaffActor, at: Date) {
  return db.transaction(async (tx) => {
    const row = await lockQueued(tx, input.requestId);
    const path = completionPath(row.status);
    if (!path) throw new DomainError(msg('gdpr.errors.transition', { from: row.status, to: 'completed' }));
    const reply = input.reply.trim();
    if (REPLY_REQUIRED.includes(row.type) && !reply) throw new DomainError(msg('gdpr.validation.replyRequired'), 'reply');
    const outcome = await completeByType(tx, row, actor, at);
    let from = row.status;
    for (const to of path) {
      await changeStatus(tx, { ...row, status: from }, to, actor, at);
      from = to;
    }
    const storedReply = [...(outcome.replyParagraphs ?? []), ...(reply ? [reply] : [])].join('\n\n');
    await tx.update(gdprRequests).set({ status: 'completed', completedAt: at, reply: storedReply || null }).where(eq(gdprRequests.id, row.id));
    await audit(tx, actor, row, 'completed', { type: row.type, ...outcome.audit });
    await mailRequester(tx, row, (mail) => ({
      subject: mail.t('gdpr.email.completed.subject', { reference: row.reference }),
      paragraphs: [mail.t(`gdpr.email.completed.${row.type}`, { reference: row.reference }), ...(outcome.replyParagraphs ?? []), ...(reply ? [reply] : [])],
    }));
    return { reference: row.reference };
  });
}
