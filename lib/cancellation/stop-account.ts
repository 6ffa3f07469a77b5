// CAN-1: the owner stops the account. One transaction: the account row is locked first, so a
// double submit or a second tab finds it already stopped and is refused; everything else (status,
// sessions, erasure, confirmation email, audit entry) commits together or not at all.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  accounts,
  billingProfiles,
  emailVerifications,
  outbox,
  paymentMethods,
  rateLimits,
  sessions,
  subscriptions,
  termsAcceptances,
  users,
} from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { accountAddress } from '@/lib/accounts/address';
import { recordAudit } from '@/lib/audit';
import { now } from '@/lib/clock';
import { emailKit } from '@/lib/email/locale';
import { queueEmail } from '@/lib/email/outbox';
import { formatDate } from '@/lib/format';
import { msg } from '@/lib/i18n/message-ref';
import { appUrl } from '@/lib/http/request';
import { LIMITS } from '@/lib/rate-limit';
import { confirmationMatches } from './rules';

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
): Promise<StopAccountResult> {
  return db.transaction(async (tx) => {
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

    const at = now();
    await tx
      .update(accounts)
      .set({ status: 'stopped', stoppedAt: at, stopReason: 'owner' })
      .where(eq(accounts.id, account.id));

    // No further charges: the subscription ends, the payment method is retired and the billing
    // details (personal data) go. Issued invoices stay, with their own snapshot (GDPR-7).
    await tx
      .update(subscriptions)
      .set({ status: 'canceled', dunningInvoiceId: null, nextRetryAt: null, updatedAt: at })
      .where(eq(subscriptions.accountId, account.id));
    await tx
      .update(paymentMethods)
      .set({ replacedAt: at, paypalEmail: null })
      .where(and(eq(paymentMethods.accountId, account.id), isNull(paymentMethods.replacedAt)));
    await tx.delete(billingProfiles).where(eq(billingProfiles.accountId, account.id));

    const members = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.accountId, account.id));
    const memberIds = members.map((m) => m.id);
    const memberEmails = members.map((m) => m.email).filter((e): e is string => !!e);

    // Every user loses access at once: their server-side sessions end now.
    const revoked = memberIds.length
      ? await tx
          .update(sessions)
          .set({ revokedAt: at })
          .where(and(inArray(sessions.userId, memberIds), isNull(sessions.revokedAt)))
          .returning({ id: sessions.id })
      : [];

    // Earlier emails to these people (and not yet sent ones, now pointless) hold personal data:
    // they go too. Rate-limit counters keyed by their email addresses as well.
    if (memberEmails.length) {
      await tx.delete(outbox).where(inArray(outbox.to, memberEmails));
      const keys = memberEmails.flatMap((e) => Object.values(LIMITS).map((l) => `${l.name}:${e}`));
      await tx.delete(rateLimits).where(inArray(rateLimits.key, keys));
    }

    // The confirmation goes to the owner's address, queued before that address is erased.
    if (actor.email) {
      const mail = emailKit(actor.locale);
      const address = accountAddress(account.slug);
      await queueEmail(
        tx,
        actor.email,
        {
          locale: actor.locale,
          subject: mail.t('email.accountStopped.subject'),
          greeting: mail.greeting(actor.fullName),
          paragraphs: [
            mail.t('email.accountStopped.stopped', { address, company: account.companyName, date: mail.date(at) }),
            mail.t('email.accountStopped.noCharges'),
            mail.t('email.accountStopped.deleted', { years: INVOICE_RETENTION_YEARS }),
            mail.t('email.accountStopped.reserved', { address }),
            mail.t('email.accountStopped.notYou'),
          ],
          action: { label: mail.t('email.accountStopped.action'), url: appUrl() },
        },
        { accountId: account.id },
      );
    }

    // Personal data of every user of the account is erased. The rows stay (with no personal
    // data) so that audit entries and invoices keep pointing at something. adultConfirmedAt is
    // cleared too: it is a fact about a person who is no longer identifiable, and nothing needs it.
    if (memberIds.length) {
      await tx.delete(emailVerifications).where(inArray(emailVerifications.userId, memberIds));
      await tx
        .update(termsAcceptances)
        .set({ ip: null, userAgent: null })
        .where(inArray(termsAcceptances.userId, memberIds));
      await tx
        .update(users)
        .set({
          email: null,
          fullName: 'Deleted user',
          passwordHash: null,
          adultConfirmedAt: null,
        })
        .where(inArray(users.id, memberIds));
      await tx.update(users).set({ deletedAt: at }).where(and(inArray(users.id, memberIds), isNull(users.deletedAt)));
      await tx.update(sessions).set({ ip: null, userAgent: null }).where(inArray(sessions.userId, memberIds));
    }

    await recordAudit(
      tx,
      { type: 'owner', id: actor.id, ip: meta.ip ?? null },
      {
        action: 'account.stopped',
        accountId: account.id,
        target: `account:${account.id}`,
        details: { reason: 'owner', usersErased: memberIds.length, sessionsRevoked: revoked.length },
      },
    );
    return { usersErased: memberIds.length, sessionsRevoked: revoked.length };
  });
}
