// GDPR-9: personal data is kept while the service is used and 5 years after, or until consent is
// withdrawn; for non-customers 5 years from their consent or request. This sweep erases what has
// expired, one item per transaction, claimed with FOR UPDATE SKIP LOCKED. Each item is selected
// only while it still holds personal data, so a second run finds nothing and does nothing.
//
// When the customer relationship ends (the definition this sweep applies):
// - a stopped account: at its stop (its people were erased then; anything still identifying,
//   e.g. after a staff termination, is erased 5 years later);
// - an account that is not stopped but whose subscription is canceled or suspended (nobody pays,
//   nobody uses it): at its last sign of life, the latest of the account's creation, any member's
//   last activity, its last invoice and the subscription's last change.
// Accounts with a trialing, active, past-due or lifetime subscription are customers: kept.
// Non-customers:
// - product-news subscribers: deleted once they unsubscribe (consent withdrawn; the privacy flag
//   stays as the suppression record), once an unconfirmed sign-up's link has expired (no consent
//   was given), or 5 years after they confirmed;
// - consents recorded by address only (no login): 5 years after they were given or withdrawn;
// - privacy requests: their personal fields 5 years after completion (or receipt/creation);
// - refused deal-code attempts: the typed address and IP 5 years after the attempt;
// - emails in the outbox: 5 years after they were written.
import { addDays, startOfDay, subYears } from 'date-fns';
import { and, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import {
  accounts,
  billingProfiles,
  consentRecords,
  dealRedemptionAttempts,
  gdprRequestEvents,
  gdprRequests,
  newsletterSubscribers,
  outbox,
  subscriptions,
} from '@/db/schema';
import { recordAudit, SYSTEM } from '@/lib/audit';
import { now } from '@/lib/clock';
import { eraseAccount } from './erasure';
import { RETENTION_YEARS } from './personal-data';

/**
 * The moment before which expired data is erased at `at`: 5 calendar years back. On 29 February
 * the fifth anniversary of everything that ended on 28 February five years before has passed, so
 * the cutoff is the start of 1 March then (going back 5 years from 29 February lands on 28
 * February at the same time of day, which kept the rest of that day one day too long). Data that
 * ended on a 29 February reaches its anniversary on 28 February and is erased from 1 March.
 */
export function retentionCutoff(at: Date): Date {
  const back = subYears(at, RETENTION_YEARS);
  if (at.getMonth() === 1 && at.getDate() === 29) return startOfDay(addDays(back, 1));
  return back;
}

/** The end of the customer relationship of an account, or null while it lasts (see the header). */
export function relationshipEndedAt(a: {
  status: string;
  stoppedAt: Date | null;
  createdAt: Date;
  subscriptionStatus: string | null;
  subscriptionUpdatedAt: Date | null;
  lastActiveAt: Date | null;
  lastInvoiceAt: Date | null;
}): Date | null {
  if (a.status === 'stopped') return a.stoppedAt ?? a.createdAt;
  if (a.status === 'pending_verification') return null; // ACC-2's sweep deletes these signups
  if (a.subscriptionStatus !== 'canceled' && a.subscriptionStatus !== 'suspended') return null;
  const signs = [a.createdAt, a.lastActiveAt, a.lastInvoiceAt, a.subscriptionUpdatedAt].filter((d): d is Date => !!d);
  return new Date(Math.max(...signs.map((d) => d.getTime())));
}

/** Whether the data of an account (ended at `endedAt`) has expired at `at`. */
export function accountExpired(endedAt: Date | null, at: Date): boolean {
  return !!endedAt && endedAt.getTime() < retentionCutoff(at).getTime();
}

/** `expr < at` for a computed timestamp (no column to tell the driver how to send a Date). */
function before(expr: SQL, at: Date): SQL {
  return sql`${expr} < ${at.toISOString()}::timestamptz`;
}

type Claim = (tx: Executor, at: Date, cutoff: Date) => Promise<boolean>;

/** Runs `claim` in its own transaction until it finds nothing more; returns how many it handled. */
async function drain(db: Db, at: Date, cutoff: Date, claim: Claim): Promise<number> {
  let processed = 0;
  for (;;) {
    const done = await db.transaction((tx) => claim(tx, at, cutoff));
    if (!done) return processed;
    processed++;
  }
}

const lastActivity = sql<Date>`greatest(
  ${accounts.createdAt},
  (select max(u.last_active_at) from users u where u.account_id = ${accounts.id}),
  (select max(i.issued_at) from invoices i where i.account_id = ${accounts.id}),
  (select s.updated_at from subscriptions s where s.account_id = ${accounts.id})
)`;

/** Accounts whose relationship ended more than 5 years ago and that still hold personal data. */
const expiredAccount: Claim = async (tx, at, cutoff) => {
  const stillPersonal = or(
    sql`exists (select 1 from users u where u.account_id = ${accounts.id} and (u.email is not null or u.full_name <> 'Deleted user'))`,
    sql`exists (select 1 from ${billingProfiles} b where b.account_id = ${accounts.id})`,
  )!;
  const ended = or(
    and(eq(accounts.status, 'stopped'), before(sql`coalesce(${accounts.stoppedAt}, ${accounts.createdAt})`, cutoff)),
    and(
      inArray(accounts.status, ['active', 'suspended']),
      sql`exists (select 1 from ${subscriptions} s where s.account_id = ${accounts.id} and s.status in ('canceled', 'suspended'))`,
      before(lastActivity, cutoff),
    ),
  )!;
  const [account] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(ended, stillPersonal))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!account) return false;
  const report = await eraseAccount(tx, { accountId: account.id, at, actor: SYSTEM, reason: 'retention' });
  await recordAudit(tx, SYSTEM, {
    action: 'personal_data.retention_erased',
    accountId: account.id,
    target: `account:${account.id}`,
    details: { category: 'account', years: 5, erased: report.erased },
  });
  return true;
};

const expiredSubscriber: Claim = async (tx, at, cutoff) => {
  const [row] = await tx
    .select({ id: newsletterSubscribers.id, email: newsletterSubscribers.email })
    .from(newsletterSubscribers)
    .where(
      or(
        isNotNull(newsletterSubscribers.unsubscribedAt),
        and(isNull(newsletterSubscribers.confirmedAt), lt(newsletterSubscribers.confirmExpiresAt, at)),
        lt(newsletterSubscribers.confirmedAt, cutoff),
      ),
    )
    .limit(1)
    .for('update', { skipLocked: true });
  if (!row) return false;
  await tx.delete(newsletterSubscribers).where(eq(newsletterSubscribers.id, row.id));
  // The consent history of an address with no login goes with the subscription it was for.
  if (row.email) await tx.delete(consentRecords).where(and(eq(consentRecords.email, row.email), isNull(consentRecords.userId)));
  await recordAudit(tx, SYSTEM, { action: 'personal_data.retention_erased', target: `newsletter_subscriber:${row.id}`, details: { category: 'productNews' } });
  return true;
};

const expiredAddressConsent: Claim = async (tx, _at, cutoff) => {
  const [row] = await tx
    .select({ id: consentRecords.id })
    .from(consentRecords)
    .where(and(isNull(consentRecords.userId), lt(consentRecords.at, cutoff)))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!row) return false;
  await tx.delete(consentRecords).where(eq(consentRecords.id, row.id));
  await recordAudit(tx, SYSTEM, { action: 'personal_data.retention_erased', target: `consent_record:${row.id}`, details: { category: 'consents' } });
  return true;
};

const requestHoldsPersonalData: SQL = or(
  isNotNull(gdprRequests.email),
  isNotNull(gdprRequests.fullName),
  isNotNull(gdprRequests.details),
  isNotNull(gdprRequests.withdrawal),
  isNotNull(gdprRequests.reply),
  isNotNull(gdprRequests.ip),
)!;

const expiredRequest: Claim = async (tx, _at, cutoff) => {
  const [row] = await tx
    .select({ id: gdprRequests.id, reference: gdprRequests.reference })
    .from(gdprRequests)
    .where(and(requestHoldsPersonalData, before(sql`coalesce(${gdprRequests.completedAt}, ${gdprRequests.receivedAt}, ${gdprRequests.createdAt})`, cutoff)))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!row) return false;
  await tx
    .update(gdprRequests)
    .set({ email: null, fullName: null, details: null, withdrawal: null, reply: null, ip: null, confirmTokenHash: null })
    .where(eq(gdprRequests.id, row.id));
  await tx.update(gdprRequestEvents).set({ note: null }).where(eq(gdprRequestEvents.requestId, row.id));
  await recordAudit(tx, SYSTEM, { action: 'personal_data.retention_erased', target: `gdpr_request:${row.id}`, details: { category: 'privacyRequests', reference: row.reference } });
  return true;
};

const expiredDealAttempt: Claim = async (tx, _at, cutoff) => {
  const [row] = await tx
    .select({ id: dealRedemptionAttempts.id })
    .from(dealRedemptionAttempts)
    .where(and(lt(dealRedemptionAttempts.at, cutoff), or(isNotNull(dealRedemptionAttempts.email), isNotNull(dealRedemptionAttempts.ip))))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!row) return false;
  await tx.update(dealRedemptionAttempts).set({ email: null, ip: null }).where(eq(dealRedemptionAttempts.id, row.id));
  await recordAudit(tx, SYSTEM, { action: 'personal_data.retention_erased', target: `deal_attempt:${row.id}`, details: { category: 'dealAttempts' } });
  return true;
};

const expiredEmail: Claim = async (tx, _at, cutoff) => {
  const [row] = await tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(lt(outbox.createdAt, cutoff), inArray(outbox.status, ['sent', 'failed', 'held'])))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!row) return false;
  await tx.delete(outbox).where(eq(outbox.id, row.id));
  await recordAudit(tx, SYSTEM, { action: 'personal_data.retention_erased', target: `email:${row.id}`, details: { category: 'emails' } });
  return true;
};

/** GDPR-9: the retention sweep. Returns how many items it erased. */
export async function eraseExpiredPersonalData(db: Db): Promise<number> {
  const at = now();
  const cutoff = retentionCutoff(at);
  let processed = 0;
  for (const claim of [expiredAccount, expiredSubscriber, expiredAddressConsent, expiredRequest, expiredDealAttempt, expiredEmail]) {
    processed += await drain(db, at, cutoff, claim);
  }
  return processed;
}
