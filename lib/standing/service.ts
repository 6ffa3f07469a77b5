// CAN-3: staff suspend, reactivate or terminate an account, with a reason. Each function is one
// transaction that locks the account row, writes the audit entry and queues the owner's email.
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accountContactAttempts, accounts, auditLog, subscriptions } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { accountAddress } from '@/lib/accounts/address';
import { recordAudit, type Actor } from '@/lib/audit';
import { queueOwnerEmail } from '@/lib/billing/charges';
import { accountOwner, stopAndErase, type StopAccountResult } from '@/lib/cancellation/stop-account';
import { confirmationMatches } from '@/lib/cancellation/rules';
import type { EmailKit } from '@/lib/email/locale';
import { msg } from '@/lib/i18n/message-ref';
import type { ContactAttemptInput, ReactivateInput, TerminateInput } from './schemas';
import { groundSkipsWarning, suspensionAllowed, supportEmail, type ContactChannel, type SuspensionGround } from './rules';

type AccountRow = typeof accounts.$inferSelect;

async function lockAccount(tx: Executor, accountId: string): Promise<AccountRow> {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for('update');
  if (!account) throw new DomainError(msg('standing.errors.noAccount'));
  return account;
}

function groundIn(mail: Pick<EmailKit, 't'>, ground: string): string {
  return mail.t(`standing.grounds.${ground}`);
}

/** The staff user behind an actor (null for the system). */
const staffId = (actor: Actor) => actor.id ?? null;

/**
 * CAN-3: staff record that they tried to reach the owner (email or phone) about a problem; the
 * warning email goes out in the same transaction, naming the ground and whom to contact.
 */
export async function recordContactAttempt(db: Db, input: ContactAttemptInput & { contactedAt?: Date }, actor: Actor, at: Date): Promise<{ attemptId: string; warned: boolean }> {
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, input.accountId);
    if (account.status === 'stopped' || account.status === 'pending_verification') throw new DomainError(msg('standing.errors.notActive'));
    const owner = await accountOwner(tx, account.id);
    const [row] = await tx
      .insert(accountContactAttempts)
      .values({
        accountId: account.id,
        channel: input.channel,
        ground: input.ground,
        contactedAt: input.contactedAt ?? at,
        notes: input.notes,
        staffUserId: staffId(actor),
        recordedAt: at,
        warningSentAt: owner?.email ? at : null,
      })
      .returning({ id: accountContactAttempts.id });
    await recordAudit(tx, actor, {
      action: 'account.contact_attempt_recorded',
      accountId: account.id,
      target: `account:${account.id}`,
      details: { channel: input.channel, ground: input.ground, warningSent: !!owner?.email, attemptId: row.id },
    });
    await queueOwnerEmail(tx, account.id, (mail) => ({
      subject: mail.t('standing.email.warning.subject'),
      paragraphs: [
        mail.t(input.channel === 'phone' ? 'standing.email.warning.triedPhone' : 'standing.email.warning.triedEmail', { address: accountAddress(account.slug) }),
        mail.t('standing.email.warning.ground', { ground: groundIn(mail, input.ground) }),
        mail.t('standing.email.warning.consequence'),
        mail.t('standing.email.contact', { email: supportEmail() }),
      ],
    }));
    return { attemptId: row.id, warned: !!owner?.email };
  });
}

async function lastReactivation(tx: Executor, accountId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.accountId, accountId), eq(auditLog.action, 'account.reactivated_by_staff')))
    .orderBy(desc(auditLog.at))
    .limit(1);
  return row?.at ?? null;
}

export interface SuspendByStaffInput {
  accountId: string;
  ground: SuspensionGround;
  reason: string;
  /** Where the suspension came from (e.g. `deal:<id>` for APS-3), for the audit entry. */
  context?: string;
}

/**
 * CAN-3 (and APS-3): staff suspend the account. Unless the ground is fraud or illegal use, a
 * contact attempt with its warning email must come first. Paying does not lift it (unlike PAY-2).
 */
export async function suspendByStaff(db: Db, input: SuspendByStaffInput, actor: Actor, at: Date): Promise<{ slug: string }> {
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, input.accountId);
    if (account.status === 'stopped' || account.status === 'pending_verification') throw new DomainError(msg('standing.errors.notActive'));
    if (account.staffSuspendedAt) throw new DomainError(msg('standing.errors.alreadySuspended'));
    const attempts = groundSkipsWarning(input.ground)
      ? []
      : await tx
          .select({ recordedAt: accountContactAttempts.recordedAt, warningSentAt: accountContactAttempts.warningSentAt })
          .from(accountContactAttempts)
          .where(eq(accountContactAttempts.accountId, account.id));
    const reactivatedAt = groundSkipsWarning(input.ground) ? null : await lastReactivation(tx, account.id);
    if (!suspensionAllowed({ ground: input.ground, attempts, lastReactivatedAt: reactivatedAt, now: at })) {
      throw new DomainError(msg('standing.errors.warningFirst'), 'ground');
    }
    await tx
      .update(accounts)
      .set({ status: 'suspended', staffSuspendedAt: at, staffSuspensionReason: input.reason, staffSuspensionGround: input.ground })
      .where(eq(accounts.id, account.id));
    await recordAudit(tx, actor, {
      action: 'account.suspended_by_staff',
      accountId: account.id,
      target: `account:${account.id}`,
      details: { ground: input.ground, reason: input.reason, context: input.context ?? '', previousStatus: account.status, warningSkipped: groundSkipsWarning(input.ground) },
    });
    await queueOwnerEmail(tx, account.id, (mail) => ({
      subject: mail.t('standing.email.suspended.subject'),
      paragraphs: [
        mail.t('standing.email.suspended.body', { address: accountAddress(account.slug) }),
        mail.t('standing.email.suspended.ground', { ground: groundIn(mail, input.ground) }),
        mail.t('standing.email.suspended.reason', { reason: input.reason }),
        mail.t('standing.email.contact', { email: supportEmail() }),
      ],
    }));
    return { slug: account.slug };
  });
}

/** CAN-3: staff lift their suspension; a billing suspension (PAY-2) that is still owed stays. */
export async function reactivateByStaff(db: Db, input: ReactivateInput, actor: Actor, at: Date): Promise<{ slug: string }> {
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, input.accountId);
    if (!account.staffSuspendedAt || account.status === 'stopped') throw new DomainError(msg('standing.errors.notSuspended'));
    const [sub] = await tx.select({ status: subscriptions.status }).from(subscriptions).where(eq(subscriptions.accountId, account.id));
    const status = sub?.status === 'suspended' ? 'suspended' : 'active';
    await tx
      .update(accounts)
      .set({ status, staffSuspendedAt: null, staffSuspensionReason: null, staffSuspensionGround: null })
      .where(eq(accounts.id, account.id));
    await recordAudit(tx, actor, {
      action: 'account.reactivated_by_staff',
      accountId: account.id,
      target: `account:${account.id}`,
      details: { reason: input.note, suspendedAt: account.staffSuspendedAt.toISOString(), ground: account.staffSuspensionGround, status },
    });
    await queueOwnerEmail(tx, account.id, (mail) => ({
      subject: mail.t('standing.email.reactivated.subject'),
      paragraphs: [
        mail.t('standing.email.reactivated.body', { address: accountAddress(account.slug), date: mail.date(at) }),
        ...(status === 'suspended' ? [mail.t('standing.email.reactivated.billingOwed')] : []),
      ],
    }));
    return { slug: account.slug };
  });
}

/**
 * CAN-3: staff terminate the account, confirmed by typing its address. The same stop and erasure
 * as "Stop account" (CAN-1); the owner's email, queued before the erasure, gives staff's reason.
 */
export async function terminateByStaff(db: Db, input: TerminateInput, actor: Actor, at: Date): Promise<StopAccountResult & { slug: string }> {
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, input.accountId);
    if (account.status === 'stopped') throw new DomainError(msg('standing.errors.alreadyStopped'));
    if (!confirmationMatches(account.slug, input.confirmation)) throw new DomainError(msg('standing.errors.confirmationMismatch'), 'confirmation');
    await recordAudit(tx, actor, {
      action: 'account.terminated_by_staff',
      accountId: account.id,
      target: `account:${account.id}`,
      details: { reason: input.reason, previousStatus: account.status },
    });
    const owner = await accountOwner(tx, account.id);
    const result = await stopAndErase(tx, { account, owner, actor, reason: 'staff_termination', at, staffReason: input.reason });
    return { ...result, slug: account.slug };
  });
}

export type { ContactChannel };
