// CAN-1: the owner stops the account. One transaction: the account row is locked first, so a
// double submit or a second tab finds it already stopped and is refused; everything else (status,
// sessions, erasure, confirmation email, audit entry) commits together or not at all.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Executor, Tx } from '@/db/client';
import { accounts, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { accountAddress } from '@/lib/accounts/address';
import { recordAudit, type Actor } from '@/lib/audit';
import { now } from '@/lib/clock';
import { emailKit } from '@/lib/email/locale';
import { queueEmail } from '@/lib/email/outbox';
import { msg } from '@/lib/i18n/message-ref';
import { appUrl } from '@/lib/http/request';
import { eraseAccount, eraseSubject } from '@/lib/privacy/erasure';
import { confirmationMatches } from './rules';
import type { PaymentProcessor } from '@/lib/billing/processor';
import { refundPendingCredit, settleCreditOnStop } from '@/lib/credit/service';

/** The refusals, as catalogue references (account.errors.*). */
export const STOP_ERRORS = {
  mismatch: msg('account.errors.stopMismatch'),
  alreadyStopped: msg('account.errors.alreadyStopped'),
  notOwner: msg('account.errors.stopNotOwner'),
} as const;

/** Invoices must be kept for this many years after issue (GDPR-7, CAN-1). */
export const INVOICE_RETENTION_YEARS = 10;

export interface StopAccountResult {
  usersErased: number;
  sessionsRevoked: number;
}

export async function stopAccount(
  db: Db,
  input: { accountId: string; actorUserId: string; confirmation: string },
  meta: { ip?: string | null; userAgent?: string | null } = {},
  processor?: PaymentProcessor,
): Promise<StopAccountResult> {
  const result = await db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .limit(1)
      .for('update');
    if (!account) throw new DomainError(STOP_ERRORS.notOwner);
    if (account.status === 'stopped') throw new DomainError(STOP_ERRORS.alreadyStopped);

    const [actor] = await tx.select().from(users).where(eq(users.id, input.actorUserId)).limit(1);
    if (!actor || actor.accountId !== account.id || actor.role !== 'owner' || actor.deletedAt) {
      throw new DomainError(STOP_ERRORS.notOwner);
    }
    if (!confirmationMatches(account.slug, input.confirmation)) {
      throw new DomainError(STOP_ERRORS.mismatch, 'confirmation');
    }

    return stopAndErase(tx, { account, owner: actor, actor: { type: 'owner', id: actor.id, ip: meta.ip ?? null }, reason: 'owner', at: now() });
  });
  // INV-8: the refund of unused credit is paid out at once; whatever does not go through now
  // (the processor did not answer) stays pending and the refund sweep repeats it with the same key.
  if (processor) await refundPendingCredit(db, processor, input.accountId).catch((err) => console.error('[credit] refund after stop failed; the sweep retries it:', err));
  return result;
}

type AccountRow = typeof accounts.$inferSelect;

/** The account's owner (the whole row stopAndErase needs), or null once erased. */
export async function accountOwner(tx: Executor, accountId: string): Promise<typeof users.$inferSelect | null> {
  const [owner] = await tx
    .select()
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.role, 'owner'), isNull(users.deletedAt)))
    .limit(1);
  return owner ?? null;
}

type UserRow = typeof users.$inferSelect;

/**
 * CAN-1, CAN-2: stops a locked account and erases its personal data (GDPR-7's erasure: no further
 * charges, sessions ended, billing details deleted, users anonymised, invoices kept), emails the
 * owner a confirmation and writes one 'account.stopped' audit entry. Shared by "Stop account" and
 * by staff carrying out a cancellation received by email.
 */
export async function stopAndErase(
  tx: Tx,
  input: { account: AccountRow; owner: UserRow | null; actor: Actor; reason: 'owner' | 'email_cancellation' | 'inactivity' | 'staff_termination'; at: Date; /** CAN-3: staff's reason for terminating. */ staffReason?: string },
): Promise<StopAccountResult> {
  const { account, owner, at } = input;
  const ownerEmail = owner?.email ?? null;
  // INV-8: unused prepaid credit is refunded (credit note, minus the fee) before the buyer's details are erased.
  const credit = await settleCreditOnStop(tx, { accountId: account.id, actor: input.actor, at });
  const report = ownerEmail
    ? await eraseSubject(tx, { email: ownerEmail, at, actor: input.actor, reason: input.reason, audit: false })
    : await eraseAccount(tx, { accountId: account.id, at, actor: input.actor, reason: input.reason, audit: false });

  // The confirmation goes to the owner's address, known from before it was erased.
  if (owner && ownerEmail) {
    const mail = emailKit(owner.locale);
    const address = accountAddress(account.slug);
    await queueEmail(
      tx,
      ownerEmail,
      {
        locale: owner.locale,
        subject: mail.t('email.accountStopped.subject'),
        greeting: mail.greeting(owner.fullName),
        paragraphs: [
          // CAN-4: nobody asked for a deletion for inactivity; the owner was warned 4 weeks before.
          input.reason === 'inactivity'
            ? mail.t('email.accountStopped.stoppedInactive', { address, company: account.companyName, date: mail.date(at) })
            : input.reason === 'staff_termination'
              ? mail.t('email.accountStopped.stoppedByStaff', { address, company: account.companyName, date: mail.date(at), reason: input.staffReason ?? '' })
              : mail.t('email.accountStopped.stopped', { address, company: account.companyName, date: mail.date(at) }),
          mail.t('email.accountStopped.noCharges'),
          mail.t('email.accountStopped.deleted', { years: INVOICE_RETENTION_YEARS }),
          mail.t('email.accountStopped.reserved', { address }),
          ...(input.reason === 'inactivity' || input.reason === 'staff_termination' ? [] : [mail.t('email.accountStopped.notYou')]),
        ],
        action: { label: mail.t('email.accountStopped.action'), url: appUrl() },
      },
      { accountId: account.id },
    );
  }
  // INV-8: the refund's figures, written before the erasure, go out once it is done.
  if (credit?.email) await queueEmail(tx, credit.email.to, credit.email.content, { accountId: account.id });
  const result = { usersErased: report.erasedUserIds.length, sessionsRevoked: report.sessionsRevoked };
  await recordAudit(tx, input.actor, {
    action: 'account.stopped',
    accountId: account.id,
    target: `account:${account.id}`,
    details: { reason: input.reason, ...result, erased: report.erased, kept: Object.fromEntries(report.kept.map((k) => [k.category, k.count])) },
  });
  return result;
}
