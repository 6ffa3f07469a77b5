// CUS-1..CUS-5: custom-service requests, proposals, frozen agreements and their invoice. Every
// function is one transaction that changes the request, records its status event and audit entry
// and queues its emails together; the only exception is delivery, whose charge is made between
// two transactions (see deliverCustomService).
//
// CUS-4: an approved agreement is a row in custom_service_agreements that this module inserts and
// never updates (there is no update function, and a database trigger refuses UPDATE and DELETE).
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '@/db/client';
import { accounts, customServiceAgreements, customServiceEvents, customServiceRequests, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { currentBuyerAndLocale } from '@/lib/billing/buyer';
import { queueOwnerEmail } from '@/lib/billing/charges';
import { chargeInvoiceDirectly } from '@/lib/billing/direct-charge';
import type { ChargeResult, PaymentProcessor } from '@/lib/billing/processor';
import { bratislavaDay } from '@/lib/billing/periods';
import { now } from '@/lib/clock';
import { emailKit, type EmailKit } from '@/lib/email/locale';
import { queueEmails } from '@/lib/email/outbox';
import { appUrl } from '@/lib/http/request';
import type { Locale } from '@/lib/i18n/config';
import { msg } from '@/lib/i18n/message-ref';
import { issueDocument, type Invoice } from '@/lib/invoices/issue';
import { agreementText, dayAsDate, ipClause, textDigest, type AgreementTerms } from './agreement';
import { checkTransition, namesMatch, proposalEditable, requestReference, type CustomServiceStatus } from './rules';

export type CustomServiceRequest = typeof customServiceRequests.$inferSelect;
export type CustomServiceAgreement = typeof customServiceAgreements.$inferSelect;

const portalLink = (id: string) => `${appUrl()}/account/custom-services/${id}`;
const staffLink = (id: string) => `${appUrl()}/staff/custom-services/${id}`;

// ------------------------------------------------------------------------------------------------
// Shared steps

async function nextReference(tx: Tx, at: Date): Promise<string> {
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Bratislava', year: 'numeric' }).format(at));
  // One writer at a time takes the next number of the year, so references never collide.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('custom_service_reference'))`);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(customServiceRequests)
    .where(sql`${customServiceRequests.reference} like ${`CS-${year}-%`}`);
  return requestReference(year, (row?.n ?? 0) + 1);
}

/** Locks the request; with `accountId`, it must belong to that account (portal callers). */
async function lockRequest(tx: Tx, id: string, accountId?: string): Promise<CustomServiceRequest> {
  const [row] = await tx.select().from(customServiceRequests).where(eq(customServiceRequests.id, id)).for('update');
  if (!row || (accountId && row.accountId !== accountId)) throw new DomainError(msg('customServices.errors.notFound'));
  return row;
}

/** CUS-5: moves a locked request to `to` (refused when the machine does not allow it), with its event. */
async function moveTo(
  tx: Tx,
  row: CustomServiceRequest,
  to: CustomServiceStatus,
  actor: Actor,
  at: Date,
  patch: Partial<typeof customServiceRequests.$inferInsert> = {},
  note: string | null = null,
): Promise<CustomServiceRequest> {
  const check = checkTransition(row.status, to);
  if (!check.ok) throw new DomainError(check.message);
  const [updated] = await tx
    .update(customServiceRequests)
    .set({ ...patch, status: to, updatedAt: at })
    .where(eq(customServiceRequests.id, row.id))
    .returning();
  await tx.insert(customServiceEvents).values({ requestId: row.id, at, actorId: actor.id ?? null, fromStatus: row.status, toStatus: to, note });
  return updated;
}

async function companyName(tx: Executor, accountId: string): Promise<string> {
  const [a] = await tx.select({ name: accounts.companyName }).from(accounts).where(eq(accounts.id, accountId));
  return a?.name ?? '';
}

function termsOf(row: CustomServiceRequest, company: string): AgreementTerms {
  if (!row.requirements || !row.specification || row.priceCents == null || !row.expectedDelivery) throw new DomainError(msg('customServices.errors.noProposal'));
  return { reference: row.reference, companyName: company, requirements: row.requirements, specification: row.specification, priceCents: row.priceCents, expectedDelivery: row.expectedDelivery };
}

/** The staff side of an agreement: SUPPORT_EMAIL when configured, else every staff user. */
export async function staffRecipients(tx: Executor): Promise<{ email: string; locale: Locale; name: string }[]> {
  const configured = process.env.SUPPORT_EMAIL?.trim();
  if (configured) return [{ email: configured, locale: 'en', name: 'Support' }];
  const rows = await tx
    .select({ email: users.email, locale: users.locale, name: users.fullName })
    .from(users)
    .where(and(eq(users.role, 'staff'), isNull(users.deletedAt)));
  return rows.filter((r): r is { email: string; locale: Locale; name: string } => !!r.email);
}

function ownerMail(tx: Executor, accountId: string, compose: (mail: EmailKit) => { subject: string; paragraphs: string[]; action?: { label: string; url: string } }) {
  return queueOwnerEmail(tx, accountId, (mail) => compose(mail));
}

// ------------------------------------------------------------------------------------------------
// CUS-1: requests

export interface PortalRequestInput {
  need: string;
  wantedBy?: string | null;
  budgetCents?: number | null;
}

/** CUS-1: a member asks in the portal; the account and the member come from the session. */
export async function requestCustomService(db: Db, who: { accountId: string; userId: string }, input: PortalRequestInput, actor: Actor, at = now()): Promise<CustomServiceRequest> {
  return db.transaction(async (tx) => {
    const reference = await nextReference(tx, at);
    const [row] = await tx
      .insert(customServiceRequests)
      .values({ reference, accountId: who.accountId, requestedBy: who.userId, source: 'portal', need: input.need.trim(), wantedBy: input.wantedBy || null, budgetCents: input.budgetCents ?? null, receivedAt: at, status: 'requested', createdAt: at, updatedAt: at })
      .returning();
    await tx.insert(customServiceEvents).values({ requestId: row.id, at, actorId: who.userId, fromStatus: null, toStatus: 'requested' });
    await recordAudit(tx, actor, { action: 'custom_service.requested', accountId: who.accountId, target: `custom_service:${reference}`, details: { source: 'portal', wantedBy: row.wantedBy, budgetCents: row.budgetCents } });
    await ownerMail(tx, who.accountId, (mail) => ({
      subject: mail.t('customServices.email.received.subject', { reference }),
      paragraphs: [mail.t('customServices.email.received.body', { reference })],
      action: { label: mail.t('customServices.email.view'), url: portalLink(row.id) },
    }));
    const staff = await staffRecipients(tx);
    await queueEmails(
      tx,
      staff.map((s) => {
        const mail = emailKit(s.locale);
        return { to: s.email, accountId: who.accountId, content: { locale: s.locale, subject: mail.t('customServices.email.staffNew.subject', { reference }), paragraphs: [mail.t('customServices.email.staffNew.body', { reference })], action: { label: mail.t('customServices.email.view'), url: staffLink(row.id) } } };
      }),
    );
    return row;
  });
}

/** CUS-1: staff log a request that came by email, as pasted, with the time it arrived. */
export async function logEmailedRequest(db: Db, input: { accountId: string; emailText: string; receivedAt: Date }, actor: Actor, at = now()): Promise<CustomServiceRequest> {
  if (input.receivedAt.getTime() > at.getTime()) throw new DomainError(msg('customServices.errors.receivedInFuture'), 'receivedAt');
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, input.accountId));
    if (!account) throw new DomainError(msg('customServices.errors.notFound'));
    const reference = await nextReference(tx, at);
    const text = input.emailText.trim();
    const [row] = await tx
      .insert(customServiceRequests)
      .values({ reference, accountId: input.accountId, requestedBy: null, source: 'email', need: text, emailText: text, receivedAt: input.receivedAt, status: 'requested', createdAt: at, updatedAt: at })
      .returning();
    await tx.insert(customServiceEvents).values({ requestId: row.id, at, actorId: actor.id ?? null, fromStatus: null, toStatus: 'requested', note: 'email' });
    await recordAudit(tx, actor, { action: 'custom_service.logged', accountId: input.accountId, target: `custom_service:${reference}`, details: { source: 'email', receivedAt: input.receivedAt.toISOString() } });
    await ownerMail(tx, input.accountId, (mail) => ({
      subject: mail.t('customServices.email.received.subject', { reference }),
      paragraphs: [mail.t('customServices.email.received.body', { reference })],
      action: { label: mail.t('customServices.email.view'), url: portalLink(row.id) },
    }));
    return row;
  });
}

// ------------------------------------------------------------------------------------------------
// Staff steps

/**
 * A step that only moves the request on and tells the owner: review started, work started. One
 * transaction: the status (checked by the state machine), the audit entry and the owner's email.
 */
async function announcedStep(
  db: Db,
  id: string,
  step: { to: 'in_review' | 'in_progress'; action: string; email: 'inReview' | 'inProgress' },
  actor: Actor,
  at: Date,
): Promise<CustomServiceRequest> {
  return db.transaction(async (tx) => {
    const row = await moveTo(tx, await lockRequest(tx, id), step.to, actor, at);
    await recordAudit(tx, actor, { action: `custom_service.${step.action}`, accountId: row.accountId, target: `custom_service:${row.reference}` });
    await ownerMail(tx, row.accountId, (mail) => ({
      subject: mail.t(`customServices.email.${step.email}.subject`, { reference: row.reference }),
      paragraphs: [mail.t(`customServices.email.${step.email}.body`, { reference: row.reference })],
      action: { label: mail.t('customServices.email.view'), url: portalLink(row.id) },
    }));
    return row;
  });
}

export function startReview(db: Db, id: string, actor: Actor, at = now()): Promise<CustomServiceRequest> {
  return announcedStep(db, id, { to: 'in_review', action: 'review_started', email: 'inReview' }, actor, at);
}

/** CUS-2: staff refuse with a reason; the owner gets it by email in their language. */
export async function refuseRequest(db: Db, id: string, reason: string, actor: Actor, at = now()): Promise<CustomServiceRequest> {
  const why = reason.trim();
  if (!why) throw new DomainError(msg('customServices.errors.reasonRequired'), 'reason');
  return db.transaction(async (tx) => {
    const row = await moveTo(tx, await lockRequest(tx, id), 'refused', actor, at, { refusalReason: why }, why);
    await recordAudit(tx, actor, { action: 'custom_service.refused', accountId: row.accountId, target: `custom_service:${row.reference}`, details: { reason: why } });
    await ownerMail(tx, row.accountId, (mail) => ({
      subject: mail.t('customServices.email.refused.subject', { reference: row.reference }),
      paragraphs: [mail.t('customServices.email.refused.body', { reference: row.reference }), mail.t('customServices.email.refused.reason', { reason: why })],
      action: { label: mail.t('customServices.email.view'), url: portalLink(row.id) },
    }));
    return row;
  });
}

export interface ProposalInput {
  requirements: string;
  specification: string;
  priceCents: number;
  /** YYYY-MM-DD */
  expectedDelivery: string;
}

/** CUS-3: staff send the proposal (terms + IP clause); the owner is emailed a link to approve it. */
export async function sendProposal(db: Db, id: string, input: ProposalInput, actor: Actor, at = now()): Promise<CustomServiceRequest> {
  if (!Number.isInteger(input.priceCents) || input.priceCents <= 0) throw new DomainError(msg('customServices.errors.price'), 'price');
  if (input.expectedDelivery < bratislavaDay(at)) throw new DomainError(msg('customServices.errors.pastDelivery'), 'expectedDelivery');
  return db.transaction(async (tx) => {
    const locked = await lockRequest(tx, id);
    // CUS-4: proposal terms are written only while in review; once approved they are frozen.
    if (!proposalEditable(locked.status)) throw new DomainError(msg('customServices.errors.proposalFrozen'));
    const row = await moveTo(tx, locked, 'proposed', actor, at, {
      requirements: input.requirements.trim(),
      specification: input.specification.trim(),
      priceCents: input.priceCents,
      expectedDelivery: input.expectedDelivery,
      proposedAt: at,
    });
    await recordAudit(tx, actor, { action: 'custom_service.proposed', accountId: row.accountId, target: `custom_service:${row.reference}`, details: { priceCents: input.priceCents, expectedDelivery: input.expectedDelivery } });
    const company = await companyName(tx, row.accountId);
    await ownerMail(tx, row.accountId, (mail) => ({
      subject: mail.t('customServices.email.proposed.subject', { reference: row.reference }),
      paragraphs: [mail.t('customServices.email.proposed.body', { reference: row.reference }), agreementText(mail, termsOf(row, company)), mail.t('customServices.email.proposed.howToApprove')],
      action: { label: mail.t('customServices.email.proposed.action'), url: portalLink(row.id) },
    }));
    return row;
  });
}

/** CUS-5 (decision): staff take back a proposal not yet approved, to correct it. */
export async function withdrawProposal(db: Db, id: string, actor: Actor, at = now()): Promise<CustomServiceRequest> {
  return db.transaction(async (tx) => {
    const row = await moveTo(tx, await lockRequest(tx, id), 'in_review', actor, at, {}, 'withdrawn');
    await recordAudit(tx, actor, { action: 'custom_service.proposal_withdrawn', accountId: row.accountId, target: `custom_service:${row.reference}` });
    await ownerMail(tx, row.accountId, (mail) => ({
      subject: mail.t('customServices.email.withdrawn.subject', { reference: row.reference }),
      paragraphs: [mail.t('customServices.email.withdrawn.body', { reference: row.reference })],
      action: { label: mail.t('customServices.email.view'), url: portalLink(row.id) },
    }));
    return row;
  });
}

// ------------------------------------------------------------------------------------------------
// CUS-4: approval, in the portal or by email

/** Inserts the frozen agreement and emails its text and price to the owner and to staff. */
async function conclude(
  tx: Tx,
  row: CustomServiceRequest,
  agreement: Omit<typeof customServiceAgreements.$inferInsert, 'requestId' | 'requirements' | 'specification' | 'priceCents' | 'expectedDelivery' | 'ipClause' | 'agreementText'> & { agreementText: string; ipClause: string },
  actor: Actor,
  at: Date,
): Promise<CustomServiceAgreement> {
  const terms = termsOf(row, '');
  const [saved] = await tx
    .insert(customServiceAgreements)
    .values({ requestId: row.id, requirements: terms.requirements, specification: terms.specification, priceCents: terms.priceCents, expectedDelivery: terms.expectedDelivery, ...agreement })
    .returning();
  const approved = await moveTo(tx, row, 'approved', actor, at, {}, agreement.approvalSource);
  await recordAudit(tx, actor, {
    action: 'custom_service.approved',
    accountId: row.accountId,
    target: `custom_service:${row.reference}`,
    details: { source: agreement.approvalSource, approverName: agreement.approverName ?? null, priceCents: terms.priceCents },
  });
  await ownerMail(tx, approved.accountId, (mail) => ({
    subject: mail.t('customServices.email.approved.subject', { reference: row.reference }),
    paragraphs: [mail.t('customServices.email.approved.body', { reference: row.reference, price: mail.money(terms.priceCents) }), saved.agreementText],
    action: { label: mail.t('customServices.email.view'), url: portalLink(row.id) },
  }));
  const staff = await staffRecipients(tx);
  await queueEmails(
    tx,
    staff.map((s) => {
      const mail = emailKit(s.locale);
      return {
        to: s.email,
        accountId: row.accountId,
        content: {
          locale: s.locale,
          subject: mail.t('customServices.email.staffApproved.subject', { reference: row.reference }),
          paragraphs: [mail.t('customServices.email.staffApproved.body', { reference: row.reference, price: mail.money(terms.priceCents), name: agreement.approverName ?? '—' }), saved.agreementText],
          action: { label: mail.t('customServices.email.view'), url: staffLink(row.id) },
        },
      };
    }),
  );
  return saved;
}

/**
 * CUS-4: the owner approves in the portal by typing their full name. `shownDigest` is the
 * fingerprint of the agreement text the page showed: the stored text is exactly that text.
 */
export async function approveInPortal(
  db: Db,
  who: { accountId: string; userId: string },
  input: { requestId: string; typedName: string; shownDigest: string; locale: Locale },
  actor: Actor,
  at = now(),
): Promise<CustomServiceAgreement> {
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, input.requestId, who.accountId);
    const [owner] = await tx.select().from(users).where(and(eq(users.id, who.userId), eq(users.accountId, who.accountId), eq(users.role, 'owner')));
    if (!owner) throw new DomainError(msg('customServices.errors.ownerOnly'));
    if (row.status !== 'proposed') {
      const check = checkTransition(row.status, 'approved');
      throw new DomainError(check.ok ? msg('customServices.errors.notFound') : check.message);
    }
    if (!namesMatch(input.typedName, owner.fullName)) throw new DomainError(msg('customServices.errors.nameMismatch'), 'fullName');
    const mail = emailKit(input.locale);
    const text = agreementText(mail, termsOf(row, await companyName(tx, row.accountId)));
    if (textDigest(text) !== input.shownDigest) throw new DomainError(msg('customServices.errors.proposalChanged'));
    return conclude(tx, row, { agreementText: text, ipClause: ipClause(mail), approvedAt: at, approvalSource: 'portal', approverName: input.typedName.trim().replace(/\s+/g, ' '), approvedByUserId: owner.id }, actor, at);
  });
}

/** CUS-4: staff record the customer's approving email (pasted) and when it arrived. */
export async function recordEmailApproval(
  db: Db,
  input: { requestId: string; approverName: string; emailText: string; receivedAt: Date; staffUserId: string },
  actor: Actor,
  at = now(),
): Promise<CustomServiceAgreement> {
  if (input.receivedAt.getTime() > at.getTime()) throw new DomainError(msg('customServices.errors.receivedInFuture'), 'receivedAt');
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, input.requestId);
    if (row.status !== 'proposed') {
      const check = checkTransition(row.status, 'approved');
      throw new DomainError(check.ok ? msg('customServices.errors.notFound') : check.message);
    }
    // Staff type the time to the minute: an email from the proposal's own minute counts.
    if (row.proposedAt && input.receivedAt.getTime() < Math.floor(row.proposedAt.getTime() / 60_000) * 60_000) throw new DomainError(msg('customServices.errors.approvalBeforeProposal'), 'receivedAt');
    // The agreement text is the one the owner was sent: in the owner's language.
    const { locale } = await currentBuyerAndLocale(tx, row.accountId);
    const mail = emailKit(locale);
    const text = agreementText(mail, termsOf(row, await companyName(tx, row.accountId)));
    return conclude(
      tx,
      row,
      { agreementText: text, ipClause: ipClause(mail), approvedAt: at, approvalSource: 'email', approverName: input.approverName.trim(), approvalEmailText: input.emailText.trim(), approvalReceivedAt: input.receivedAt, recordedBy: input.staffUserId },
      actor,
      at,
    );
  });
}

// ------------------------------------------------------------------------------------------------
// CUS-5: work and delivery

export function startWork(db: Db, id: string, actor: Actor, at = now()): Promise<CustomServiceRequest> {
  return announcedStep(db, id, { to: 'in_progress', action: 'work_started', email: 'inProgress' }, actor, at);
}

/**
 * CUS-5: staff mark the work delivered. One transaction issues the invoice at the agreed net
 * price (VAT, numbering and language by the billing rules) and moves the request; then the
 * account's current method is charged once, directly, under the invoice's first collection key
 * — so an open renewal invoice in dunning does not hold the custom invoice back, and the
 * collection sweep, should it ever take this invoice over, repeats that same key and cannot
 * charge twice. A declined charge (or no method) hands the invoice to the collection sweep
 * with dunning when the account's collection slot is free; otherwise
 * `collectWaitingDirectInvoices` hands it over once the open invoice is settled.
 */
export async function deliverCustomService(db: Db, processor: PaymentProcessor, id: string, actor: Actor, at = now()): Promise<{ request: CustomServiceRequest; invoice: Invoice; charge: ChargeResult | null }> {
  const { request, invoice } = await db.transaction(async (tx) => {
    const locked = await lockRequest(tx, id);
    const check = checkTransition(locked.status, 'delivered');
    if (!check.ok) throw new DomainError(check.message);
    const [agreement] = await tx.select().from(customServiceAgreements).where(eq(customServiceAgreements.requestId, id));
    if (!agreement) throw new DomainError(msg('customServices.errors.noAgreement'));
    const { buyer, locale } = await currentBuyerAndLocale(tx, locked.accountId);
    const mail = emailKit(locale);
    const invoice = await issueDocument(tx, {
      accountId: locked.accountId,
      kind: 'invoice',
      reason: 'custom_service',
      buyer,
      issuedAt: at,
      locale,
      note: locked.reference,
      lines: [{ description: mail.t('customServices.invoice.line', { reference: locked.reference }), quantity: 1, unitPriceCents: agreement.priceCents }],
    });
    const request = await moveTo(tx, locked, 'delivered', actor, at, { deliveredAt: at, invoiceId: invoice.id });
    await recordAudit(tx, actor, { action: 'custom_service.delivered', accountId: locked.accountId, target: `custom_service:${locked.reference}`, details: { invoice: invoice.number, netCents: invoice.netCents, grossCents: invoice.grossCents } });
    await ownerMail(tx, locked.accountId, (m) => ({
      subject: m.t('customServices.email.delivered.subject', { reference: locked.reference }),
      paragraphs: [m.t('customServices.email.delivered.body', { reference: locked.reference, number: invoice.number, amount: m.money(invoice.grossCents) })],
      action: { label: m.t('customServices.email.delivered.action'), url: `${appUrl()}/account/invoices/${invoice.id}` },
    }));
    return { request, invoice };
  });
  // Outcome unknown (no answer): the waiting sweep hands it to collection, which repeats the key.
  const { result: charge } = await chargeInvoiceDirectly(db, processor, invoice, { reason: 'custom_service', queuedAction: 'custom_service.collection_queued' });
  return { request, invoice, charge };
}

export { dayAsDate };
