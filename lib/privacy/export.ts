// GDPR-6: access and portability. Everything held about one address, found the ways
// personal-data.ts lists (as owner or member, invitee, subscriber, requester, deal visitor), as
// one machine-readable JSON document. Secrets (password and token hashes, processor tokens) are
// never part of it: each category selects its columns explicitly.
import { desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import {
  accountContactAttempts,
  staffAccessGrants,
  accounts,
  auditLog,
  billingProfiles,
  consentRecords,
  customServiceAgreements,
  customServiceRequests,
  dealCodes,
  dealRedemptionAttempts,
  emailCancellations,
  enterpriseAgreements,
  gdprRequestEvents,
  gdprRequests,
  invitations,
  invoiceLines,
  invoices,
  newsletterSubscribers,
  outbox,
  paymentMethods,
  privacyFlags,
  sessions,
  loginActivity,
  loginSharingFlags,
  termsAcceptances,
  termsVersions,
  users,
} from '@/db/schema';
import { recordAudit, type Actor } from '@/lib/audit';

export const EXPORT_FORMAT = 'accountdesk.personal-data-export';
export const EXPORT_VERSION = 1;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Rows of audit entries naming the subject: by their user ids or by the address in the details. */
function auditAbout(userIds: string[], email: string) {
  const mentions = sql`${auditLog.details}::text ilike ${'%' + email.replace(/[%_\\]/g, (c) => `\\${c}`) + '%'}`;
  return userIds.length ? or(inArray(auditLog.actorId, userIds), mentions)! : mentions;
}

export async function buildPersonalDataExport(db: Executor, rawEmail: string, at: Date) {
  const email = normaliseEmail(rawEmail);

  const userRows = await db
    .select({
      id: users.id,
      accountId: users.accountId,
      role: users.role,
      fullName: users.fullName,
      email: users.email,
      locale: users.locale,
      emailVerifiedAt: users.emailVerifiedAt,
      adultConfirmedAt: users.adultConfirmedAt,
      createdAt: users.createdAt,
      lastActiveAt: users.lastActiveAt,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .where(eq(users.email, email));
  const userIds = userRows.map((u) => u.id);
  const memberAccountIds = userRows.map((u) => u.accountId).filter((id): id is string => !!id);
  const ownedAccountIds = userRows.filter((u) => u.role === 'owner' && u.accountId).map((u) => u.accountId!);

  const accountRows = memberAccountIds.length
    ? await db
        .select({ id: accounts.id, slug: accounts.slug, companyName: accounts.companyName, status: accounts.status, createdAt: accounts.createdAt, stoppedAt: accounts.stoppedAt })
        .from(accounts)
        .where(inArray(accounts.id, memberAccountIds))
    : [];

  const invitationRows = await db
    .select({ id: invitations.id, accountId: invitations.accountId, companyName: accounts.companyName, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .where(eq(invitations.email, email));

  const sessionRows = userIds.length
    ? await db
        .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, revokedAt: sessions.revokedAt, ip: sessions.ip, userAgent: sessions.userAgent })
        .from(sessions)
        .where(inArray(sessions.userId, userIds))
        .orderBy(desc(sessions.createdAt))
    : [];

  // ACC-8: the hours a login was used, with the network and device family, and any sharing flag.
  const loginActivityRows = userIds.length
    ? await db
        .select({ hour: loginActivity.hour, network: loginActivity.network, device: loginActivity.device })
        .from(loginActivity)
        .where(inArray(loginActivity.userId, userIds))
        .orderBy(loginActivity.hour)
    : [];
  const sharingFlagRows = userIds.length
    ? await db
        .select({ status: loginSharingFlags.status, flaggedAt: loginSharingFlags.flaggedAt, days: loginSharingFlags.days, evidence: loginSharingFlags.evidence })
        .from(loginSharingFlags)
        .where(inArray(loginSharingFlags.userId, userIds))
    : [];

  const consentRows = await db
    .select({ purpose: consentRecords.purpose, granted: consentRecords.granted, wordingVersion: consentRecords.wordingVersion, source: consentRecords.source, at: consentRecords.at, ip: consentRecords.ip })
    .from(consentRecords)
    .where(userIds.length ? or(eq(consentRecords.email, email), inArray(consentRecords.userId, userIds)) : eq(consentRecords.email, email))
    .orderBy(consentRecords.at);

  const termsRows = userIds.length
    ? await db
        .select({ version: termsVersions.version, acceptedAt: termsAcceptances.acceptedAt, method: termsAcceptances.method, ip: termsAcceptances.ip, userAgent: termsAcceptances.userAgent })
        .from(termsAcceptances)
        .innerJoin(termsVersions, eq(termsVersions.id, termsAcceptances.termsVersionId))
        .where(inArray(termsAcceptances.userId, userIds))
        .orderBy(termsAcceptances.acceptedAt)
    : [];

  const billingRows = ownedAccountIds.length
    ? await db
        .select({
          accountId: billingProfiles.accountId,
          name: billingProfiles.name,
          company: billingProfiles.company,
          street: billingProfiles.street,
          city: billingProfiles.city,
          postalCode: billingProfiles.postalCode,
          region: billingProfiles.region,
          country: billingProfiles.country,
          invoiceEmail: billingProfiles.invoiceEmail,
          companyId: billingProfiles.companyId,
          vatNumber: billingProfiles.vatNumber,
          updatedAt: billingProfiles.updatedAt,
        })
        .from(billingProfiles)
        .where(inArray(billingProfiles.accountId, ownedAccountIds))
    : [];

  const methodRows = ownedAccountIds.length
    ? await db
        .select({ accountId: paymentMethods.accountId, kind: paymentMethods.kind, brand: paymentMethods.brand, last4: paymentMethods.last4, expMonth: paymentMethods.expMonth, expYear: paymentMethods.expYear, paypalEmail: paymentMethods.paypalEmail, createdAt: paymentMethods.createdAt, replacedAt: paymentMethods.replacedAt })
        .from(paymentMethods)
        .where(inArray(paymentMethods.accountId, ownedAccountIds))
        .orderBy(paymentMethods.createdAt)
    : [];

  const invoiceRows = ownedAccountIds.length
    ? await db
        .select({ id: invoices.id, accountId: invoices.accountId, kind: invoices.kind, number: invoices.number, issuedAt: invoices.issuedAt, buyer: invoices.buyer, netCents: invoices.netCents, vatCents: invoices.vatCents, grossCents: invoices.grossCents, currency: invoices.currency, note: invoices.note })
        .from(invoices)
        .where(inArray(invoices.accountId, ownedAccountIds))
        .orderBy(invoices.issuedAt)
    : [];
  const lineRows = invoiceRows.length
    ? await db
        .select({ invoiceId: invoiceLines.invoiceId, position: invoiceLines.position, description: invoiceLines.description, quantity: invoiceLines.quantity, grossCents: invoiceLines.grossCents })
        .from(invoiceLines)
        .where(inArray(invoiceLines.invoiceId, invoiceRows.map((i) => i.id)))
        .orderBy(invoiceLines.position)
    : [];

  const redemptionRows = ownedAccountIds.length
    ? await db
        .select({ accountId: dealCodes.accountId, code: dealCodes.code, redeemedAt: dealCodes.redeemedAt })
        .from(dealCodes)
        .where(inArray(dealCodes.accountId, ownedAccountIds))
    : [];
  const refusedAttemptRows = await db
    .select({ at: dealRedemptionAttempts.at, email: dealRedemptionAttempts.email, ip: dealRedemptionAttempts.ip })
    .from(dealRedemptionAttempts)
    .where(eq(dealRedemptionAttempts.email, email))
    .orderBy(dealRedemptionAttempts.at);

  // PLAN-6: the custom price and terms agreed when staff marked an owned account as enterprise.
  const enterpriseRows = ownedAccountIds.length
    ? await db
        .select({ accountId: enterpriseAgreements.accountId, agreedTerms: enterpriseAgreements.agreedTerms, markedAt: enterpriseAgreements.markedAt })
        .from(enterpriseAgreements)
        .where(inArray(enterpriseAgreements.accountId, ownedAccountIds))
    : [];

  const cancellationRows = await db
    .select({ receivedAt: emailCancellations.receivedAt, dueAt: emailCancellations.dueAt, carriedOutAt: emailCancellations.carriedOutAt })
    .from(emailCancellations)
    .where(eq(emailCancellations.requesterEmail, email))
    .orderBy(emailCancellations.receivedAt);

  const customRequestWhere = ownedAccountIds.length
    ? userIds.length
      ? or(inArray(customServiceRequests.accountId, ownedAccountIds), inArray(customServiceRequests.requestedBy, userIds))
      : inArray(customServiceRequests.accountId, ownedAccountIds)
    : userIds.length
      ? inArray(customServiceRequests.requestedBy, userIds)
      : undefined;
  const customRows = customRequestWhere
    ? await db
        .select({
          reference: customServiceRequests.reference,
          source: customServiceRequests.source,
          need: customServiceRequests.need,
          emailText: customServiceRequests.emailText,
          wantedBy: customServiceRequests.wantedBy,
          budgetCents: customServiceRequests.budgetCents,
          receivedAt: customServiceRequests.receivedAt,
          status: customServiceRequests.status,
          priceCents: customServiceRequests.priceCents,
          approvedAt: customServiceAgreements.approvedAt,
          approverName: customServiceAgreements.approverName,
          approvalEmailText: customServiceAgreements.approvalEmailText,
        })
        .from(customServiceRequests)
        .leftJoin(customServiceAgreements, eq(customServiceAgreements.requestId, customServiceRequests.id))
        .where(customRequestWhere)
        .orderBy(customServiceRequests.receivedAt)
    : [];

  // CAN-3 and ACC-10: staff's contact attempts about an owned account, and staff access to it.
  const contactAttemptRows = ownedAccountIds.length
    ? await db
        .select({ channel: accountContactAttempts.channel, ground: accountContactAttempts.ground, contactedAt: accountContactAttempts.contactedAt, notes: accountContactAttempts.notes, warningSentAt: accountContactAttempts.warningSentAt })
        .from(accountContactAttempts)
        .where(inArray(accountContactAttempts.accountId, ownedAccountIds))
        .orderBy(accountContactAttempts.contactedAt)
    : [];
  const staffAccessRows = ownedAccountIds.length
    ? await db
        .select({ reason: staffAccessGrants.reason, startedAt: staffAccessGrants.startedAt, expiresAt: staffAccessGrants.expiresAt, endedAt: staffAccessGrants.endedAt })
        .from(staffAccessGrants)
        .where(inArray(staffAccessGrants.accountId, ownedAccountIds))
        .orderBy(staffAccessGrants.startedAt)
    : [];

  const auditRows = await db
    .select({ at: auditLog.at, action: auditLog.action, actorType: auditLog.actorType, target: auditLog.target, details: auditLog.details, ip: auditLog.ip })
    .from(auditLog)
    .where(auditAbout(userIds, email))
    .orderBy(auditLog.at);

  const emailRows = await db
    .select({ createdAt: outbox.createdAt, sentAt: outbox.sentAt, status: outbox.status, kind: outbox.kind, to: outbox.to, subject: outbox.subject, text: outbox.text })
    .from(outbox)
    .where(eq(outbox.to, email))
    .orderBy(outbox.createdAt);

  const subscriberRows = await db
    .select({ email: newsletterSubscribers.email, locale: newsletterSubscribers.locale, createdAt: newsletterSubscribers.createdAt, confirmedAt: newsletterSubscribers.confirmedAt, unsubscribedAt: newsletterSubscribers.unsubscribedAt, ip: newsletterSubscribers.ip })
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.email, email));

  const flagRows = await db
    .select({ email: privacyFlags.email, unsubscribedAt: privacyFlags.unsubscribedAt, restrictedAt: privacyFlags.restrictedAt, objectedAt: privacyFlags.objectedAt })
    .from(privacyFlags)
    .where(eq(privacyFlags.email, email));

  const requestRows = await db
    .select({
      reference: gdprRequests.reference,
      type: gdprRequests.type,
      fullName: gdprRequests.fullName,
      email: gdprRequests.email,
      details: gdprRequests.details,
      withdrawal: gdprRequests.withdrawal,
      status: gdprRequests.status,
      createdAt: gdprRequests.createdAt,
      receivedAt: gdprRequests.receivedAt,
      dueAt: gdprRequests.dueAt,
      completedAt: gdprRequests.completedAt,
      reply: gdprRequests.reply,
      ip: gdprRequests.ip,
    })
    .from(gdprRequests)
    .where(userIds.length ? or(eq(gdprRequests.email, email), inArray(gdprRequests.userId, userIds)) : eq(gdprRequests.email, email))
    .orderBy(gdprRequests.createdAt);

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    generatedAt: at.toISOString(),
    subject: { email },
    accounts: accountRows.map((a) => ({ ...a, role: userRows.find((u) => u.accountId === a.id)?.role ?? null })),
    users: userRows.map(({ id: _id, ...u }) => u),
    invitations: invitationRows.map(({ id: _id, accountId: _a, ...i }) => i),
    sessions: sessionRows,
    loginActivity: loginActivityRows,
    loginSharingFlags: sharingFlagRows,
    consents: consentRows,
    termsAcceptances: termsRows,
    billingProfiles: billingRows,
    paymentMethods: methodRows,
    invoices: invoiceRows.map(({ id, ...inv }) => ({ ...inv, lines: lineRows.filter((l) => l.invoiceId === id).map(({ invoiceId: _i, ...l }) => l) })),
    dealRedemptions: redemptionRows,
    refusedDealAttempts: refusedAttemptRows,
    emailedCancellations: cancellationRows,
    enterpriseAgreements: enterpriseRows,
    customServiceRequests: customRows,
    staffContactAttempts: contactAttemptRows,
    staffAccess: staffAccessRows,
    auditEntries: auditRows,
    emailsSent: emailRows,
    productNewsSubscription: subscriberRows,
    privacyFlags: flagRows,
    privacyRequests: requestRows,
  };
}

export type PersonalDataExport = Awaited<ReturnType<typeof buildPersonalDataExport>>;

/** Whether an export may be produced for a request: confirmed access or portability requests only. */
export function exportAllowed(request: { type: string; status: string }): boolean {
  return (request.type === 'access' || request.type === 'portability') && ['received', 'verified', 'in_progress', 'completed'].includes(request.status);
}

export type RequestExport =
  | { kind: 'not_found' }
  | { kind: 'not_allowed' }
  | { kind: 'ok'; reference: string; data: PersonalDataExport };

/**
 * The export for a GDPR request, by staff: one transaction records the 'exported' event and the
 * audit entry together with reading the data, so every export handed out is on the record.
 */
export async function exportForRequest(db: Db, input: { requestId: string; staffUserId: string; actor: Actor; at: Date }): Promise<RequestExport> {
  if (!/^[0-9a-f-]{36}$/i.test(input.requestId)) return { kind: 'not_found' };
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(gdprRequests).where(eq(gdprRequests.id, input.requestId)).limit(1);
    if (!request) return { kind: 'not_found' } as const;
    if (!request.email || !exportAllowed(request)) return { kind: 'not_allowed' } as const;
    const data = await buildPersonalDataExport(tx, request.email, input.at);
    await tx.insert(gdprRequestEvents).values({ requestId: request.id, at: input.at, actorId: input.staffUserId, kind: 'exported' });
    await recordAudit(tx, input.actor, {
      action: 'personal_data.exported',
      accountId: null,
      target: `gdpr_request:${request.id}`,
      details: { reference: request.reference },
    });
    return { kind: 'ok', reference: request.reference, data } as const;
  });
}
