import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { accounts, auditLog, charges, customServiceAgreements, customServiceEvents, customServiceRequests, invoiceLines, invoices, outbox, subscriptions, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { createPaidAccount, useBillingTestDb } from '@/lib/billing/test-helpers';
import { collectWaitingDirectInvoices, DIRECT_CHARGE_GRACE_MS } from '@/lib/billing/direct-charge';
import { setClock } from '@/lib/clock';
import { emailKit } from '@/lib/email/locale';
import { parseMessageRef } from '@/lib/i18n/message-ref';
import { makeUser } from '@/lib/test-utils/factories';
import { agreementText, textDigest } from './agreement';
import * as service from './service';
import {
  approveInPortal,
  deliverCustomService,
  logEmailedRequest,
  recordEmailApproval,
  refuseRequest,
  requestCustomService,
  sendProposal,
  startReview,
  startWork,
  withdrawProposal,
} from './service';

const env = useBillingTestDb();
const STAFF = { type: 'staff' as const, id: '' };
let staffId = '';
const AT = new Date('2026-11-10T10:00:00Z');

beforeAll(async () => {
  const staff = await makeUser(env.db, null, { role: 'staff', fullName: 'Petra Staff', email: `staff-${Date.now()}@vendor.test` });
  staffId = staff.id;
  STAFF.id = staff.id;
});

async function paidOwner() {
  const { account, owner, actor } = await createPaidAccount(env, { signedUpAt: new Date('2026-10-01T09:00:00Z'), paidAt: new Date('2026-10-15T09:00:00Z') });
  setClock(AT);
  return { accountId: account.id, owner, actor, who: { accountId: account.id, userId: owner.id } };
}

async function mailsTo(to: string) {
  return env.db.select().from(outbox).where(eq(outbox.to, to.toLowerCase()));
}

async function rejects(p: Promise<unknown>): Promise<{ key: string; field?: string; values?: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    const ref = parseMessageRef((err as DomainError).message);
    return { key: ref?.key ?? (err as Error).message, field: (err as DomainError).field, values: ref?.values };
  }
  throw new Error('expected a refusal');
}

const PROPOSAL = { requirements: 'Sync tickets to our ERP every hour.', specification: 'A connector that pushes closed tickets to the ERP REST API with retries.', priceCents: 120000, expectedDelivery: '2026-12-20' };

async function proposed() {
  const o = await paidOwner();
  const req = await requestCustomService(env.db, o.who, { need: 'We need an ERP connector for tickets.', wantedBy: '2026-12-31', budgetCents: 150000 }, o.actor);
  await startReview(env.db, req.id, STAFF);
  await sendProposal(env.db, req.id, PROPOSAL, STAFF);
  return { ...o, req };
}

function shownDigest(reference: string, company: string, locale: 'en' | 'nl' = 'en') {
  return textDigest(agreementText(emailKit(locale), { reference, companyName: company, ...PROPOSAL }));
}

async function companyOf(accountId: string) {
  const [row] = await env.db.select({ name: accounts.companyName }).from(accounts).where(eq(accounts.id, accountId));
  return row.name;
}

describe('CUS-1 requests', () => {
  test('CUS-1 an owner requests in the portal: a referenced request, its first event, an audit entry and a confirmation email', async () => {
    const o = await paidOwner();
    const req = await requestCustomService(env.db, o.who, { need: 'We need an ERP connector for tickets.', wantedBy: null, budgetCents: null }, o.actor);
    expect(req.reference).toMatch(/^CS-2026-\d{6}$/);
    expect(req).toMatchObject({ status: 'requested', source: 'portal', accountId: o.accountId, requestedBy: o.owner.id });
    const events = await env.db.select().from(customServiceEvents).where(eq(customServiceEvents.requestId, req.id));
    expect(events.map((e) => e.toStatus)).toEqual(['requested']);
    const audit = await env.db.select().from(auditLog).where(and(eq(auditLog.accountId, o.accountId), eq(auditLog.action, 'custom_service.requested')));
    expect(audit).toHaveLength(1);
    expect((await mailsTo(o.owner.email!)).some((m) => m.subject.includes(req.reference))).toBe(true);
  });

  test('CUS-1 staff log an emailed request with its received time; a future time is refused', async () => {
    const o = await paidOwner();
    const req = await logEmailedRequest(env.db, { accountId: o.accountId, emailText: 'Hello, could you build us a custom report?', receivedAt: new Date('2026-11-09T08:30:00Z') }, STAFF);
    expect(req).toMatchObject({ source: 'email', requestedBy: null, emailText: 'Hello, could you build us a custom report?' });
    expect(req.receivedAt.toISOString()).toBe('2026-11-09T08:30:00.000Z');
    const e = await rejects(logEmailedRequest(env.db, { accountId: o.accountId, emailText: 'Hello again, another request', receivedAt: new Date('2026-11-11T08:30:00Z') }, STAFF));
    expect(e).toMatchObject({ key: 'customServices.errors.receivedInFuture', field: 'receivedAt' });
  });
});

describe('CUS-2 refusal', () => {
  test('CUS-2 refusing needs a reason; the reason is emailed to the owner in their language', async () => {
    const o = await paidOwner();
    await env.db.update(users).set({ locale: 'nl' }).where(eq(users.id, o.owner.id));
    const req = await requestCustomService(env.db, o.who, { need: 'Please translate our widget to Klingon.' }, o.actor);
    expect(await rejects(refuseRequest(env.db, req.id, '   ', STAFF))).toMatchObject({ key: 'customServices.errors.reasonRequired', field: 'reason' });
    const refused = await refuseRequest(env.db, req.id, 'We do not offer translations.', STAFF);
    expect(refused).toMatchObject({ status: 'refused', refusalReason: 'We do not offer translations.' });
    const mail = (await mailsTo(o.owner.email!)).find((m) => m.subject.includes('geweigerd'));
    expect(mail?.text).toContain('We do not offer translations.');
    expect(mail?.text).toContain('Onze reden');
    // CUS-5: a refused request is final.
    expect((await rejects(startReview(env.db, req.id, STAFF))).key).toMatch(/^customServices\.errors\.transition\./);
  });
});

describe('CUS-3 proposal', () => {
  test('CUS-3 a proposal needs review first and a positive price; the owner is emailed the terms and the IP clause with a link', async () => {
    const o = await paidOwner();
    const req = await requestCustomService(env.db, o.who, { need: 'We need an ERP connector for tickets.' }, o.actor);
    expect((await rejects(sendProposal(env.db, req.id, PROPOSAL, STAFF))).key).toBe('customServices.errors.proposalFrozen');
    await startReview(env.db, req.id, STAFF);
    expect(await rejects(sendProposal(env.db, req.id, { ...PROPOSAL, priceCents: 0 }, STAFF))).toMatchObject({ key: 'customServices.errors.price', field: 'price' });
    const sent = await sendProposal(env.db, req.id, PROPOSAL, STAFF);
    expect(sent).toMatchObject({ status: 'proposed', priceCents: 120000, expectedDelivery: '2026-12-20' });
    const mail = (await mailsTo(o.owner.email!)).find((m) => m.subject.startsWith('Our proposal'));
    expect(mail?.text).toContain('intellectual property');
    expect(mail?.text).toContain('€1,200.00');
    expect(mail?.text).toContain(`/account/custom-services/${req.id}`);
  });
});

describe('CUS-4 approval', () => {
  test('CUS-4 the owner approves by typing their full name (case and spacing ignored); a wrong name or another member is refused', async () => {
    const p = await proposed();
    const company = await companyOf(p.accountId);
    const digest = shownDigest(p.req.reference, company);
    const wrong = await rejects(approveInPortal(env.db, p.who, { requestId: p.req.id, typedName: 'Somebody Else', shownDigest: digest, locale: 'en' }, p.actor));
    expect(wrong).toMatchObject({ key: 'customServices.errors.nameMismatch', field: 'fullName' });
    const admin = await makeUser(env.db, p.accountId, { role: 'admin', fullName: 'Adam Admin' });
    expect((await rejects(approveInPortal(env.db, { accountId: p.accountId, userId: admin.id }, { requestId: p.req.id, typedName: 'Adam Admin', shownDigest: digest, locale: 'en' }, p.actor))).key).toBe('customServices.errors.ownerOnly');
    // Another account cannot reach the request at all.
    const other = await paidOwner();
    expect((await rejects(approveInPortal(env.db, other.who, { requestId: p.req.id, typedName: other.owner.fullName, shownDigest: digest, locale: 'en' }, other.actor))).key).toBe('customServices.errors.notFound');

    const agreement = await approveInPortal(env.db, p.who, { requestId: p.req.id, typedName: `  ${p.owner.fullName.toUpperCase()} `, shownDigest: digest, locale: 'en' }, p.actor);
    expect(agreement).toMatchObject({ approvalSource: 'portal', approvedByUserId: p.owner.id, priceCents: 120000, specification: PROPOSAL.specification });
    expect(textDigest(agreement.agreementText)).toBe(digest);
    expect(agreement.agreementText).toContain(agreement.ipClause);
    const [row] = await env.db.select().from(customServiceRequests).where(eq(customServiceRequests.id, p.req.id));
    expect(row.status).toBe('approved');
    // Emailed to both sides.
    expect((await mailsTo(p.owner.email!)).some((m) => m.subject === `Agreement ${p.req.reference} approved` && m.text.includes('€1,200.00'))).toBe(true);
    const staff = await env.db.select().from(users).where(eq(users.role, 'staff'));
    for (const s of staff) expect((await mailsTo(s.email!)).some((m) => m.subject.includes(p.req.reference) && m.text.includes(PROPOSAL.specification))).toBe(true);
  });

  test('CUS-4 approving a text other than the one shown (the proposal changed) is refused', async () => {
    const p = await proposed();
    const e = await rejects(approveInPortal(env.db, p.who, { requestId: p.req.id, typedName: p.owner.fullName, shownDigest: 'a'.repeat(64), locale: 'en' }, p.actor));
    expect(e.key).toBe('customServices.errors.proposalChanged');
  });

  test('CUS-4 staff record an emailed approval: the pasted email, its time and the approver are kept', async () => {
    const p = await proposed();
    const early = await rejects(recordEmailApproval(env.db, { requestId: p.req.id, approverName: 'Eva Billing', emailText: 'Yes, we approve.', receivedAt: new Date('2026-11-10T09:59:00Z'), staffUserId: staffId }, STAFF));
    expect(early).toMatchObject({ key: 'customServices.errors.approvalBeforeProposal', field: 'receivedAt' });
    setClock(new Date('2026-11-10T12:00:00Z'));
    const agreement = await recordEmailApproval(env.db, { requestId: p.req.id, approverName: 'Eva Billing', emailText: 'Yes, we approve the proposal CS.', receivedAt: new Date('2026-11-10T11:59:00Z'), staffUserId: staffId }, STAFF);
    expect(agreement).toMatchObject({ approvalSource: 'email', approverName: 'Eva Billing', approvalEmailText: 'Yes, we approve the proposal CS.', recordedBy: staffId, priceCents: 120000 });
    expect(agreement.approvalReceivedAt?.toISOString()).toBe('2026-11-10T11:59:00.000Z');
    expect((await mailsTo(p.owner.email!)).some((m) => m.subject === `Agreement ${p.req.reference} approved`)).toBe(true);
  });

  test('CUS-4 an approved agreement is frozen: no update exported, the proposal cannot be rewritten or withdrawn, and the database refuses UPDATE', async () => {
    const exported = Object.keys(service);
    expect(exported.filter((name) => /update|edit|change|amend/i.test(name))).toEqual([]);
    const p = await proposed();
    await approveInPortal(env.db, p.who, { requestId: p.req.id, typedName: p.owner.fullName, shownDigest: shownDigest(p.req.reference, await companyOf(p.accountId)), locale: 'en' }, p.actor);
    expect((await rejects(sendProposal(env.db, p.req.id, { ...PROPOSAL, priceCents: 1 }, STAFF))).key).toBe('customServices.errors.proposalFrozen');
    expect((await rejects(withdrawProposal(env.db, p.req.id, STAFF))).key).toMatch(/^customServices\.errors\.transition\./);
    const refused = await env.db
      .update(customServiceAgreements)
      .set({ priceCents: 1 })
      .where(eq(customServiceAgreements.requestId, p.req.id))
      .then(() => null, (err: Error) => `${err.message} ${String((err as { cause?: unknown }).cause ?? '')}`);
    expect(refused).toMatch(/frozen/);
    const [kept] = await env.db.select().from(customServiceAgreements).where(eq(customServiceAgreements.requestId, p.req.id));
    expect(kept.priceCents).toBe(120000);
  });

  test('CUS-5 a proposal can be withdrawn to review before approval, and then no longer approved', async () => {
    const p = await proposed();
    await withdrawProposal(env.db, p.req.id, STAFF);
    const e = await rejects(approveInPortal(env.db, p.who, { requestId: p.req.id, typedName: p.owner.fullName, shownDigest: 'b'.repeat(64), locale: 'en' }, p.actor));
    expect(e.key).toMatch(/^customServices\.errors\.transition\./);
  });
});

describe('CUS-5 delivery is invoiced at the agreed price', () => {
  async function approvedAndStarted() {
    const p = await proposed();
    await approveInPortal(env.db, p.who, { requestId: p.req.id, typedName: p.owner.fullName, shownDigest: shownDigest(p.req.reference, await companyOf(p.accountId)), locale: 'en' }, p.actor);
    return p;
  }

  test('CUS-5 delivering before work started is refused; delivered issues an invoice at the agreed net price with VAT and charges the card', async () => {
    const p = await approvedAndStarted();
    expect((await rejects(deliverCustomService(env.db, env.processor, p.req.id, STAFF))).key).toMatch(/^customServices\.errors\.transition\./);
    await startWork(env.db, p.req.id, STAFF);
    const { invoice, charge, request } = await deliverCustomService(env.db, env.processor, p.req.id, STAFF);
    expect(request).toMatchObject({ status: 'delivered', invoiceId: invoice.id });
    expect(invoice).toMatchObject({ reason: 'custom_service', kind: 'invoice', netCents: 120000 });
    expect(invoice.vatCents).toBe(Math.round((120000 * Number(invoice.vatRate)) / 100));
    expect(invoice.grossCents).toBe(invoice.netCents + invoice.vatCents);
    const lines = await env.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
    expect(lines).toHaveLength(1);
    expect(lines[0].description).toContain(p.req.reference);
    expect(charge?.status).toBe('succeeded');
    const paid = await env.db.select().from(charges).where(eq(charges.invoiceId, invoice.id));
    expect(paid.map((c) => [c.status, c.amountCents])).toEqual([['succeeded', invoice.grossCents]]);
    const subjects = (await mailsTo(p.owner.email!)).map((m) => m.subject);
    expect(subjects).toContain(`Your custom service ${p.req.reference} is delivered`);
    expect(subjects.some((s) => s.includes(invoice.number))).toBe(true);
    // Delivered is final.
    expect((await rejects(deliverCustomService(env.db, env.processor, p.req.id, STAFF))).key).toMatch(/^customServices\.errors\.transition\./);
  });

  test('CUS-5 an open renewal invoice in dunning does not hold the custom invoice back: it is charged directly and the dunning slot is untouched', async () => {
    const p = await approvedAndStarted();
    await startWork(env.db, p.req.id, STAFF);
    const [renewal] = await env.db.select().from(invoices).where(eq(invoices.accountId, p.accountId)).limit(1);
    await env.db.update(subscriptions).set({ status: 'past_due', dunningInvoiceId: renewal.id, failedAttempts: 1, nextRetryAt: new Date('2026-11-13T10:00:00Z') }).where(eq(subscriptions.accountId, p.accountId));
    const { invoice, charge } = await deliverCustomService(env.db, env.processor, p.req.id, STAFF);
    expect(charge?.status).toBe('succeeded');
    const [sub] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, p.accountId));
    expect(sub.dunningInvoiceId).toBe(renewal.id);
    expect(invoice.netCents).toBe(120000);
  });

  test('CUS-5 with no payment method the invoice is handed to the collection sweep (dunning)', async () => {
    const p = await approvedAndStarted();
    await startWork(env.db, p.req.id, STAFF);
    await env.db.execute(sql`update payment_methods set replaced_at = ${AT.toISOString()}::timestamptz where account_id = ${p.accountId}`);
    const { invoice, charge } = await deliverCustomService(env.db, env.processor, p.req.id, STAFF);
    expect(charge).toBeNull();
    const [sub] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, p.accountId));
    expect(sub.dunningInvoiceId).toBe(invoice.id);
    expect(sub.nextRetryAt!.getTime() - AT.getTime()).toBeLessThan(60_000); // due now
  });
});

describe('CUS-5 a custom invoice waiting behind an open renewal invoice', () => {
  test('CUS-5 with the collection slot taken and no method, the sweep hands the invoice over once the slot is free and the grace has passed', async () => {
    const p = await proposed();
    await approveInPortal(env.db, p.who, { requestId: p.req.id, typedName: p.owner.fullName, shownDigest: shownDigest(p.req.reference, await companyOf(p.accountId)), locale: 'en' }, p.actor);
    await startWork(env.db, p.req.id, STAFF);
    const [renewal] = await env.db.select().from(invoices).where(eq(invoices.accountId, p.accountId)).limit(1);
    await env.db.update(subscriptions).set({ status: 'past_due', dunningInvoiceId: renewal.id }).where(eq(subscriptions.accountId, p.accountId));
    await env.db.execute(sql`update payment_methods set replaced_at = ${AT.toISOString()}::timestamptz where account_id = ${p.accountId}`);
    const { invoice } = await deliverCustomService(env.db, env.processor, p.req.id, STAFF);
    const slot = async () => (await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, p.accountId)))[0];
    expect((await slot()).dunningInvoiceId).toBe(renewal.id);
    // The renewal is settled: the slot frees, but the grace period has not passed yet.
    await env.db.update(subscriptions).set({ status: 'active', dunningInvoiceId: null }).where(eq(subscriptions.accountId, p.accountId));
    expect(await collectWaitingDirectInvoices(env.db)).toBe(0);
    setClock(new Date(AT.getTime() + DIRECT_CHARGE_GRACE_MS + 60_000));
    expect(await collectWaitingDirectInvoices(env.db)).toBe(1);
    expect((await slot()).dunningInvoiceId).toBe(invoice.id);
    expect(await collectWaitingDirectInvoices(env.db)).toBe(0); // never twice
  });
});
