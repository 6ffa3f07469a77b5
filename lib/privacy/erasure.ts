// GDPR-7 (and CAN-1): erase one data subject everywhere personal-data.ts says they are held.
// Runs inside the caller's transaction so the erasure, the caller's status change, the audit
// entry and any email commit together. If the subject owns an account, the account is stopped
// exactly as "Stop account" stops it (stopAccount calls this same code): no further charges,
// every session ends, the billing details go and every user of the account is anonymised.
// What the law or the subject's own interest requires to keep stays, and the report says why.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  accountContactAttempts,
  accounts,
  auditLog,
  billingProfiles,
  consentRecords,
  customServiceAgreements,
  customServiceEvents,
  customServiceRequests,
  dealRedemptionAttempts,
  emailCancellations,
  emailVerifications,
  enterpriseAgreements,
  gdprRequests,
  invitations,
  invoices,
  newsletterSubscribers,
  outbox,
  passwordResets,
  paymentMethods,
  privacyFlags,
  rateLimits,
  sandboxPaymentTokens,
  seatIntervals,
  sessions,
  loginActivity,
  loginSharingFlags,
  loginSurcharges,
  subscriptions,
  termsAcceptances,
  usageApiTokens,
  usageReports,
  users,
} from '@/db/schema';
import { recordAudit, type Actor } from '@/lib/audit';
import type { Locale } from '@/lib/i18n/config';
import { localeKit } from '@/lib/i18n/translator';
import { LIMITS } from '@/lib/rate-limit';
import { normaliseEmail } from './export';
import type { KeptReason } from './personal-data';

/** The name an erased user is shown under (audit log, invoices' lines keep their own text). */
export const ERASED_USER_NAME = 'Deleted user';

export const ERASED_CATEGORIES = [
  'accountsStopped',
  'users',
  'sessions',
  'verificationLinks',
  'termsAcceptances',
  'consents',
  'invitations',
  'billingProfiles',
  'paymentMethods',
  'emails',
  'rateLimits',
  'productNews',
  'dealAttempts',
  'cancellationRequests',
  'customServiceRequests',
  'usageData',
  'auditEntries',
] as const;
export type ErasedCategory = (typeof ERASED_CATEGORIES)[number];

export const KEPT_CATEGORIES = ['invoices', 'customServiceAgreements', 'enterpriseAgreements', 'suppression', 'privacyRequests', 'auditEntries', 'accountAddress'] as const;
export type KeptCategory = (typeof KEPT_CATEGORIES)[number];

/** Why each kept category stays (see personal-data.ts). */
export const KEPT_BECAUSE: Record<KeptCategory, KeptReason> = {
  invoices: 'accounting',
  customServiceAgreements: 'contract',
  enterpriseAgreements: 'contract',
  suppression: 'suppression',
  privacyRequests: 'accountability',
  auditEntries: 'auditLog',
  accountAddress: 'reservedAddress',
};

export interface ErasureReport {
  erasedAt: string;
  /** Rows deleted or anonymised, per category (only categories with something in them). */
  erased: Partial<Record<ErasedCategory, number>>;
  /** What stays, how much, and the reason (a key of erasure.kept). */
  kept: { category: KeptCategory; count: number; reason: KeptReason }[];
  /** The accounts stopped by this erasure, and the users erased with them. */
  stoppedAccountIds: string[];
  erasedUserIds: string[];
  sessionsRevoked: number;
}

export interface EraseInput {
  email: string;
  at: Date;
  actor: Actor;
  /** Why: 'request' (a GDPR request), 'owner' (Stop account), 'retention' (GDPR-9) … stored as the stop reason. */
  reason: string;
  /** The GDPR request being completed, for the audit entry. */
  requestId?: string | null;
  /**
   * false when the caller records the erasure in its own audit entry (Stop account puts the
   * counts into 'account.stopped', so the owner's log shows one entry for one act).
   */
  audit?: boolean;
}

function count(report: ErasureReport, category: ErasedCategory, n: number) {
  if (n > 0) report.erased[category] = (report.erased[category] ?? 0) + n;
}

/**
 * Stops an account the CAN-1 way and returns its users (all of them are erased with it):
 * the subscription ends, the current payment method is retired and every card or PayPal label
 * goes, the billing details are deleted. Issued invoices stay, with their own buyer snapshot.
 */
async function stopAccountForErasure(tx: Executor, accountId: string, at: Date, reason: string, report: ErasureReport): Promise<void> {
  const [stopped] = await tx
    .update(accounts)
    .set({ status: 'stopped', stoppedAt: at, stopReason: reason, staffSuspensionReason: null })
    .where(and(eq(accounts.id, accountId), sql`${accounts.status} <> 'stopped'`))
    .returning({ id: accounts.id });
  if (stopped) {
    report.stoppedAccountIds.push(accountId);
    count(report, 'accountsStopped', 1);
  }
  await tx
    .update(subscriptions)
    .set({ status: 'canceled', dunningInvoiceId: null, nextRetryAt: null, collectionLeaseUntil: null, updatedAt: at })
    .where(and(eq(subscriptions.accountId, accountId), sql`${subscriptions.status} <> 'canceled'`));

  const methods = await tx.select({ id: paymentMethods.id, token: paymentMethods.processorToken }).from(paymentMethods).where(eq(paymentMethods.accountId, accountId));
  if (methods.length) {
    await tx.update(paymentMethods).set({ replacedAt: at }).where(and(eq(paymentMethods.accountId, accountId), isNull(paymentMethods.replacedAt)));
    const labelled = await tx
      .update(paymentMethods)
      .set({ brand: null, last4: null, expMonth: null, expYear: null, paypalEmail: null })
      .where(and(eq(paymentMethods.accountId, accountId), or(sql`${paymentMethods.brand} is not null`, sql`${paymentMethods.last4} is not null`, sql`${paymentMethods.paypalEmail} is not null`, sql`${paymentMethods.expYear} is not null`)))
      .returning({ id: paymentMethods.id });
    count(report, 'paymentMethods', labelled.length);
    // The (sandbox) processor's copy of the card holder and PayPal address, as a real processor
    // would be asked to delete it.
    await tx
      .update(sandboxPaymentTokens)
      .set({ holderName: null, paypalEmail: null, last4: null, brand: null, expMonth: null, expYear: null })
      .where(inArray(sandboxPaymentTokens.token, methods.map((m) => m.token)));
  }
  const profiles = await tx.delete(billingProfiles).where(eq(billingProfiles.accountId, accountId)).returning({ id: billingProfiles.accountId });
  count(report, 'billingProfiles', profiles.length);

  // The account's content written by people: emailed requests and free-text needs. The agreed
  // terms of approved work stay with the agreement (kept, see below).
  const requests = await tx.select({ id: customServiceRequests.id }).from(customServiceRequests).where(eq(customServiceRequests.accountId, accountId));
  if (requests.length) {
    const ids = requests.map((r) => r.id);
    const cleared = await tx
      .update(customServiceRequests)
      .set({ need: '', emailText: null, updatedAt: at })
      .where(and(inArray(customServiceRequests.id, ids), or(sql`${customServiceRequests.need} <> ''`, sql`${customServiceRequests.emailText} is not null`)))
      .returning({ id: customServiceRequests.id });
    count(report, 'customServiceRequests', cleared.length);
    await tx.update(customServiceEvents).set({ note: null }).where(inArray(customServiceEvents.requestId, ids));
  }

  // PLAN-6: the usage token and the helpdesk's usage reports go with the account.
  const tokens = await tx.delete(usageApiTokens).where(eq(usageApiTokens.accountId, accountId)).returning({ id: usageApiTokens.accountId });
  const reports = await tx.delete(usageReports).where(eq(usageReports.accountId, accountId)).returning({ id: usageReports.id });
  count(report, 'usageData', tokens.length + reports.length);

  // Invitations the account sent name other people: they go with the account's content.
  const invited = await tx
    .update(invitations)
    .set({ email: null, revokedAt: sql`coalesce(${invitations.revokedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(invitations.accountId, accountId), sql`${invitations.email} is not null`))
    .returning({ id: invitations.id });
  count(report, 'invitations', invited.length);

  // CAN-3: staff notes about reaching the owner go with the account.
  await tx.update(accountContactAttempts).set({ notes: null }).where(and(eq(accountContactAttempts.accountId, accountId), sql`${accountContactAttempts.notes} is not null`));
}

/** Anonymises users: no address, name, password or traces of their devices; their access ends now. */
async function eraseUsers(tx: Executor, userIds: string[], at: Date, report: ErasureReport): Promise<void> {
  if (!userIds.length) return;
  const revoked = await tx
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(inArray(sessions.userId, userIds), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  report.sessionsRevoked += revoked.length;
  const traced = await tx
    .update(sessions)
    .set({ ip: null, userAgent: null })
    .where(and(inArray(sessions.userId, userIds), or(sql`${sessions.ip} is not null`, sql`${sessions.userAgent} is not null`)))
    .returning({ id: sessions.id });
  count(report, 'sessions', Math.max(traced.length, revoked.length));
  // ACC-8: the hours, networks and devices a login was used from go with the sessions; a sharing
  // flag keeps its decision but not the evidence, and a surcharge for the login ends.
  await tx.delete(loginActivity).where(inArray(loginActivity.userId, userIds));
  await tx.update(loginSharingFlags).set({ evidence: [] }).where(inArray(loginSharingFlags.userId, userIds));
  await tx.update(loginSurcharges).set({ endedAt: at }).where(and(inArray(loginSurcharges.userId, userIds), isNull(loginSurcharges.endedAt)));

  const links = [
    ...(await tx.delete(emailVerifications).where(inArray(emailVerifications.userId, userIds)).returning({ id: emailVerifications.tokenHash })),
    ...(await tx.delete(passwordResets).where(inArray(passwordResets.userId, userIds)).returning({ id: passwordResets.tokenHash })),
  ];
  count(report, 'verificationLinks', links.length);
  const acceptances = await tx
    .update(termsAcceptances)
    .set({ ip: null, userAgent: null })
    .where(and(inArray(termsAcceptances.userId, userIds), or(sql`${termsAcceptances.ip} is not null`, sql`${termsAcceptances.userAgent} is not null`)))
    .returning({ id: termsAcceptances.id });
  count(report, 'termsAcceptances', acceptances.length);
  const consents = await tx.delete(consentRecords).where(inArray(consentRecords.userId, userIds)).returning({ id: consentRecords.id });
  count(report, 'consents', consents.length);
  await tx.update(seatIntervals).set({ endedAt: at }).where(and(inArray(seatIntervals.userId, userIds), isNull(seatIntervals.endedAt)));

  // adultConfirmedAt goes too: a fact about a person who is no longer identifiable.
  const anonymised = await tx
    .update(users)
    .set({ email: null, fullName: ERASED_USER_NAME, passwordHash: null, adultConfirmedAt: null, lastActiveAt: null })
    .where(and(inArray(users.id, userIds), or(sql`${users.email} is not null`, sql`${users.fullName} <> ${ERASED_USER_NAME}`, sql`${users.passwordHash} is not null`)))
    .returning({ id: users.id });
  count(report, 'users', anonymised.length);
  await tx.update(users).set({ deletedAt: at }).where(and(inArray(users.id, userIds), isNull(users.deletedAt)));
  report.erasedUserIds.push(...userIds.filter((id) => !report.erasedUserIds.includes(id)));
}

export const ERASED_MARK = '[erased]';

/** The details of an audit entry with every string naming one of the people replaced. */
export function redactDetails(value: unknown, emails: string[], names: string[]): unknown {
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (emails.some((e) => lower.includes(e)) || names.some((n) => lower.includes(n))) return ERASED_MARK;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => redactDetails(v, emails, names));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDetails(v, emails, names)]));
  }
  return value;
}

/**
 * The audit log stays (OPS-2) but loses the people in it: entries the erased users made lose
 * their IP address, and any entry whose details name them (address or full name) has those
 * values replaced. The database allows exactly this change, and only inside a transaction that
 * declares itself an erasure (drizzle/0014_erasure_audit_strip.sql).
 */
async function stripAuditEntries(
  tx: Executor,
  people: { userIds: string[]; emails: string[]; names: string[]; accountIds: string[] },
): Promise<number> {
  const emails = people.emails.map((e) => e.toLowerCase());
  // Names shorter than 4 characters would match too much unrelated text.
  const names = [...new Set(people.names.map((n) => n.trim().toLowerCase()))].filter((n) => n.length >= 4 && n !== ERASED_USER_NAME.toLowerCase());
  const like = (e: string) => sql`${auditLog.details}::text ilike ${'%' + e.replace(/[%_\\]/g, (c) => `\\${c}`) + '%'}`;
  const conditions = [
    ...(people.userIds.length ? [inArray(auditLog.actorId, people.userIds)] : []),
    ...(people.accountIds.length ? [inArray(auditLog.accountId, people.accountIds)] : []),
    ...emails.map(like),
  ];
  if (!conditions.length) return 0;
  const rows = await tx.select({ id: auditLog.id, actorId: auditLog.actorId, ip: auditLog.ip, details: auditLog.details }).from(auditLog).where(or(...conditions));
  await tx.execute(sql`select set_config('accountdesk.erasure', 'on', true)`);
  let stripped = 0;
  for (const row of rows) {
    const details = redactDetails(row.details, emails, names) as Record<string, unknown>;
    const dropIp = !!row.ip && !!row.actorId && people.userIds.includes(row.actorId);
    if (!dropIp && JSON.stringify(details) === JSON.stringify(row.details)) continue;
    await tx.update(auditLog).set({ details, ...(dropIp ? { ip: null } : {}) }).where(eq(auditLog.id, row.id));
    stripped++;
  }
  await tx.execute(sql`select set_config('accountdesk.erasure', 'off', true)`);
  return stripped;
}

/** Rows held under the addresses themselves: emails, counters, product news, consents, deal visits. */
async function eraseAddresses(tx: Executor, emails: string[], at: Date, report: ErasureReport): Promise<void> {
  if (!emails.length) return;
  const mails = await tx.delete(outbox).where(inArray(outbox.to, emails)).returning({ id: outbox.id });
  count(report, 'emails', mails.length);
  const keys = emails.flatMap((e) => Object.values(LIMITS).map((l) => `${l.name}:${e}`));
  const counters = await tx.delete(rateLimits).where(inArray(rateLimits.key, keys)).returning({ key: rateLimits.key });
  count(report, 'rateLimits', counters.length);
  const consents = await tx.delete(consentRecords).where(inArray(consentRecords.email, emails)).returning({ id: consentRecords.id });
  count(report, 'consents', consents.length);
  const news = await tx.delete(newsletterSubscribers).where(inArray(newsletterSubscribers.email, emails)).returning({ id: newsletterSubscribers.id });
  count(report, 'productNews', news.length);
  const attempts = await tx
    .update(dealRedemptionAttempts)
    .set({ email: null, ip: null })
    .where(inArray(dealRedemptionAttempts.email, emails))
    .returning({ id: dealRedemptionAttempts.id });
  count(report, 'dealAttempts', attempts.length);
  const cancellations = await tx
    .update(emailCancellations)
    .set({ requesterEmail: null })
    .where(inArray(emailCancellations.requesterEmail, emails))
    .returning({ id: emailCancellations.id });
  count(report, 'cancellationRequests', cancellations.length);
  const invited = await tx
    .update(invitations)
    .set({ email: null, revokedAt: sql`coalesce(${invitations.revokedAt}, ${at.toISOString()}::timestamptz)` })
    .where(inArray(invitations.email, emails))
    .returning({ id: invitations.id });
  count(report, 'invitations', invited.length);
}

export async function eraseSubject(tx: Executor, input: EraseInput): Promise<ErasureReport> {
  const email = normaliseEmail(input.email);
  const subjects = await tx.select({ id: users.id, accountId: users.accountId, role: users.role }).from(users).where(eq(users.email, email));
  const ownedAccountIds = subjects.filter((u) => u.role === 'owner' && u.accountId).map((u) => u.accountId!);
  return erase(tx, { ...input, email, subjectUserIds: subjects.map((s) => s.id), ownedAccountIds });
}

/** An account and every user of it, when no address names the subject (an owner already erased). */
export async function eraseAccount(tx: Executor, input: Omit<EraseInput, 'email'> & { accountId: string }): Promise<ErasureReport> {
  return erase(tx, { ...input, email: null, subjectUserIds: [], ownedAccountIds: [input.accountId] });
}

async function erase(
  tx: Executor,
  input: Omit<EraseInput, 'email'> & { email: string | null; subjectUserIds: string[]; ownedAccountIds: string[] },
): Promise<ErasureReport> {
  const { email, at, ownedAccountIds } = input;
  const report: ErasureReport = { erasedAt: at.toISOString(), erased: {}, kept: [], stoppedAccountIds: [], erasedUserIds: [], sessionsRevoked: 0 };

  // Lock the owned accounts first (the same order as stopAccount), so a concurrent stop waits.
  if (ownedAccountIds.length) await tx.select({ id: accounts.id }).from(accounts).where(inArray(accounts.id, ownedAccountIds)).for('update');
  for (const accountId of ownedAccountIds) await stopAccountForErasure(tx, accountId, at, input.reason, report);

  const members = ownedAccountIds.length
    ? await tx.select({ id: users.id, email: users.email, fullName: users.fullName }).from(users).where(inArray(users.accountId, ownedAccountIds))
    : [];
  const subjectNames = input.subjectUserIds.length
    ? (await tx.select({ fullName: users.fullName }).from(users).where(inArray(users.id, input.subjectUserIds))).map((u) => u.fullName)
    : [];
  const userIds = [...new Set([...input.subjectUserIds, ...members.map((m) => m.id)])];
  const emails = [...new Set([...(email ? [email] : []), ...members.map((m) => m.email).filter((e): e is string => !!e)])];

  await eraseAddresses(tx, emails, at, report);
  const audited = await stripAuditEntries(tx, { userIds, emails, names: [...subjectNames, ...members.map((m) => m.fullName)], accountIds: ownedAccountIds });
  count(report, 'auditEntries', audited);
  await eraseUsers(tx, userIds, at, report);

  // What stays, and why.
  const kept = (category: KeptCategory, n: number) => {
    if (n > 0) report.kept.push({ category, count: n, reason: KEPT_BECAUSE[category] });
  };
  const countOf = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
  const n = sql<number>`count(*)::int`;
  if (ownedAccountIds.length) {
    kept('invoices', await countOf(tx.select({ n }).from(invoices).where(inArray(invoices.accountId, ownedAccountIds))));
    kept(
      'customServiceAgreements',
      await countOf(
        tx
          .select({ n })
          .from(customServiceAgreements)
          .innerJoin(customServiceRequests, eq(customServiceRequests.id, customServiceAgreements.requestId))
          .where(inArray(customServiceRequests.accountId, ownedAccountIds)),
      ),
    );
    kept('enterpriseAgreements', await countOf(tx.select({ n }).from(enterpriseAgreements).where(inArray(enterpriseAgreements.accountId, ownedAccountIds))));
    kept('accountAddress', ownedAccountIds.length);
  }
  if (email) {
    kept('suppression', await countOf(tx.select({ n }).from(privacyFlags).where(eq(privacyFlags.email, email))));
    kept('privacyRequests', await countOf(tx.select({ n }).from(gdprRequests).where(eq(gdprRequests.email, email))));
  }
  kept(
    'auditEntries',
    await countOf(
      tx
        .select({ n })
        .from(auditLog)
        .where(userIds.length ? inArray(auditLog.actorId, userIds) : sql`false`),
    ),
  );

  if (input.audit !== false) await recordAudit(tx, input.actor, {
    action: 'personal_data.erased',
    accountId: ownedAccountIds.length === 1 ? ownedAccountIds[0] : null,
    target: input.requestId ? `gdpr_request:${input.requestId}` : ownedAccountIds.length === 1 ? `account:${ownedAccountIds[0]}` : null,
    // Counts only: the audit log must not bring back what was just erased.
    details: { reason: input.reason, erased: report.erased, kept: Object.fromEntries(report.kept.map((k) => [k.category, k.count])) },
  });
  return report;
}

/**
 * The reply to the data subject (GDPR-7): what was erased and, for everything kept, why. Plain
 * text in the subject's language, stored as the request's reply and sent by email.
 */
export function erasureReplyText(report: ErasureReport, locale: Locale): string {
  const { t } = localeKit(locale);
  const lines: string[] = [t('erasure.reply.intro')];
  const erased = ERASED_CATEGORIES.filter((c) => report.erased[c]);
  lines.push('', erased.length ? t('erasure.reply.erasedHeading') : t('erasure.reply.nothingErased'));
  for (const c of erased) lines.push(`- ${t(`erasure.erased.${c}`, { count: report.erased[c] ?? 0 })}`);
  if (report.kept.length) {
    lines.push('', t('erasure.reply.keptHeading'));
    for (const k of report.kept) lines.push(`- ${t(`erasure.keptWhat.${k.category}`, { count: k.count })}: ${t(`erasure.kept.${k.reason}`)}`);
  } else {
    lines.push('', t('erasure.reply.nothingKept'));
  }
  lines.push('', t('erasure.reply.closing'));
  return lines.join('\n');
}

/**
 * Completing an erasure request (GDPR-7), for the staff "Mark completed" action: inside its
 * transaction, erase the requester's address and get the reply in their language. Queue the reply
 * email AFTER this call: the erasure deletes earlier emails to the address.
 */
export async function eraseForRequest(
  tx: Executor,
  input: { request: { id: string; email: string | null; locale: Locale }; actor: Actor; at: Date },
): Promise<{ report: ErasureReport; reply: string } | null> {
  if (!input.request.email) return null;
  const report = await eraseSubject(tx, { email: input.request.email, at: input.at, actor: input.actor, reason: 'request', requestId: input.request.id });
  return { report, reply: erasureReplyText(report, input.request.locale) };
}
