import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { accounts, auditLog, paymentMethods, sandboxPaymentTokens } from '@/db/schema';
import { saveBillingDetails } from '@/lib/billing/profile';
import { collectOpenInvoices, issueRenewalInvoices } from '@/lib/billing/renewals';
import { billingDetailsSchema } from '@/lib/billing/schemas';
import { addPaymentMethod } from '@/lib/billing/subscriptions';
import { createPaidAccount, createTrialAccount, useBillingTestDb } from '@/lib/billing/test-helpers';
import { suspendEndedTrials } from '@/lib/billing/trials';
import { setClock } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { localeKit } from '@/lib/i18n/translator';
import { requestInvoiceCorrection } from '@/lib/invoices/corrections';
import { listAllDocuments } from '@/lib/invoices/queries';
import { extendTrialByStaff, retryChargeByStaff } from './billing-actions';
import { getAccountBilling } from './billing-queries';
import { paymentMethodLabel } from '@/lib/billing/payment-method-label';
import { documentRelation } from './display';
import { extendTrialSchema } from './schemas';
import { makeUser } from './test-factories';

const t = useBillingTestDb();

let staff: { type: 'staff'; id: string; ip: string };
beforeAll(async () => {
  const user = await makeUser(t.db, null, { role: 'staff', fullName: 'Support Person' });
  staff = { type: 'staff', id: user.id, ip: '192.0.2.10' };
});

/** A message (reference) as an English-reading staff member sees it. */
const en = (message: string) => localeKit('en').text(message);

const signup = new Date('2027-01-05T09:00:00Z');

/** An account that paid its first month on 10 Jan 2027 09:00 UTC (so it renews on 10 Feb), then optionally switched to `card`. */
const paidAccount = (card?: string) =>
  createPaidAccount(t, { card, signedUpAt: new Date('2027-01-05T09:00:00Z'), paidAt: new Date('2027-01-10T09:00:00Z') });

const auditOf = (accountId: string, action: string) =>
  t.db.select().from(auditLog).where(and(eq(auditLog.accountId, accountId), eq(auditLog.action, action)));

describe('staff billing view', () => {
  test('INV-5 staff billing view shows brand and last four but never the token', async () => {
    const { account } = await paidAccount();
    const [stored] = await t.db.select().from(paymentMethods).where(eq(paymentMethods.accountId, account.id));
    const billing = await getAccountBilling(t.db, account.id, new Date('2027-01-12T09:00:00Z'));

    expect(billing.paymentMethod).toMatchObject({ kind: 'card', brand: 'Visa', last4: '4242', expMonth: 12, expYear: 2035 });
    expect(paymentMethodLabel(billing.paymentMethod!)).toBe('Visa •••• 4242, expires 12/2035');
    expect(billing.paymentMethod).not.toHaveProperty('processorToken');
    expect(JSON.stringify(billing)).not.toContain(stored.processorToken);

    expect(billing.subscription).toMatchObject({ planName: expect.any(String), seats: 1, interval: 'monthly', status: 'active', trialDaysLeft: null });
    expect(billing.subscription!.currentPeriodStart?.toISOString().slice(0, 16)).toBe('2027-01-10T09:00');
    expect(billing.subscription!.nextRenewalAt?.toISOString().slice(0, 16)).toBe('2027-02-10T09:00');
    expect(billing.documents).toHaveLength(1);
    expect(billing.documents[0]).toMatchObject({ kind: 'invoice', status: 'paid', grossCents: 1845 });
    expect(billing.openDebt).toBeNull();
    expect(billing.canExtendTrial).toBe(false);
    expect(billing.canRetryCharge).toBe(false);
  });

  test('PAY-7 a PayPal method shows its address, never its billing-agreement token', async () => {
    setClock(new Date('2027-01-06T09:00:00Z'));
    const { account, owner } = await createTrialAccount(t.db, signup);
    const token = await t.processor.approvePaypal('payer@example.test', 'ref');
    await addPaymentMethod(t.db, t.processor, { accountId: account.id, token, reference: 'ref', actor: { type: 'owner', id: owner.id } });
    const billing = await getAccountBilling(t.db, account.id);
    expect(paymentMethodLabel(billing.paymentMethod!)).toBe('PayPal (payer@example.test)');
    expect(JSON.stringify(billing)).not.toContain(token);
  });

  test('PAY-1 a trial shows its end and the Bratislava days left; no payment method yet', async () => {
    const { account } = await createTrialAccount(t.db, signup);
    const billing = await getAccountBilling(t.db, account.id, new Date('2027-01-08T12:00:00Z'));
    expect(billing.subscription).toMatchObject({ status: 'trialing', currentPeriodStart: null, nextRenewalAt: null });
    // Signed up on 5 Jan: the trial ends at midnight after 18 Jan, Bratislava time.
    expect(billing.subscription!.trialEndsAt?.toISOString()).toBe('2027-01-18T23:00:00.000Z');
    expect(billing.subscription!.trialDaysLeft).toBe(11);
    expect(billing.paymentMethod).toBeNull();
    expect(billing.documents).toEqual([]);
    expect(billing.canExtendTrial).toBe(true);
  });
});

describe('staff trial extension', () => {
  test('PAY-2 staff extend a running trial; the reason and the staff member are in the audit log', async () => {
    const { account } = await createTrialAccount(t.db, signup);
    setClock(new Date('2027-01-08T12:00:00Z'));
    const input = extendTrialSchema.parse({ accountId: account.id, days: '7', reason: 'Ticket #4711: evaluation delayed' });
    const r = await extendTrialByStaff(t.db, input, staff);
    expect(en(r.message)).toBe('Trial extended to 26 Jan 2027.');
    const billing = await getAccountBilling(t.db, account.id, new Date('2027-01-08T12:00:00Z'));
    expect(billing.subscription!.trialEndsAt?.toISOString()).toBe('2027-01-25T23:00:00.000Z');
    expect(billing.subscription!.trialDaysLeft).toBe(18);
    const [entry] = await auditOf(account.id, 'billing.trial_extended');
    expect(entry).toMatchObject({ actorType: 'staff', actorId: staff.id, ip: '192.0.2.10' });
    expect(entry.details).toMatchObject({ days: 7, reason: 'Ticket #4711: evaluation delayed' });
  });

  test('PAY-2 extending a trial that ended unpaid reactivates the suspended account', async () => {
    const { account } = await createTrialAccount(t.db, signup);
    setClock(new Date('2027-01-20T09:00:00Z'));
    await suspendEndedTrials(t.db);
    const suspended = await getAccountBilling(t.db, account.id);
    expect(suspended.subscription?.status).toBe('suspended');
    expect(suspended.canExtendTrial).toBe(true);
    await extendTrialByStaff(t.db, { accountId: account.id, days: 3, reason: 'Card on its way' }, staff);
    const after = await getAccountBilling(t.db, account.id);
    expect(after.subscription?.status).toBe('trialing');
    expect(after.subscription!.trialDaysLeft).toBe(3);
    expect((await t.db.select().from(accounts).where(eq(accounts.id, account.id)))[0].status).toBe('active');
  });

  test('PAY-2 a paid subscription, an unknown account or an out-of-range number of days is refused', async () => {
    const { account } = await paidAccount();
    await expect(extendTrialByStaff(t.db, { accountId: account.id, days: 7, reason: 'Goodwill' }, staff)).rejects.toThrow(msg('staff.billing.errors.notATrial'));
    await expect(extendTrialByStaff(t.db, { accountId: '00000000-0000-4000-8000-000000000000', days: 7, reason: 'Goodwill' }, staff)).rejects.toThrow(
      msg('staff.billing.errors.accountMissing'),
    );
    expect(en(msg('staff.billing.errors.accountMissing'))).toBe('This account does not exist.');
    for (const days of ['0', '61', '2.5', 'seven', '']) expect(extendTrialSchema.safeParse({ accountId: account.id, days, reason: 'Goodwill' }).success, days).toBe(false);
    expect(extendTrialSchema.safeParse({ accountId: 'not-a-uuid', days: '7', reason: 'Goodwill' }).success).toBe(false);
    expect(await auditOf(account.id, 'billing.trial_extended')).toHaveLength(0);
  });
});

describe('staff open debt', () => {
  test('PAY-8 the open renewal shows amount, failed attempts, next retry; a staff retry collects it once the card works', async () => {
    const { account } = await paidAccount('4000000000009995');
    setClock(new Date('2027-02-10T10:00:00Z'));
    await issueRenewalInvoices(t.db);
    await collectOpenInvoices(t.db, t.processor);

    const owing = await getAccountBilling(t.db, account.id);
    expect(owing.subscription?.status).toBe('past_due');
    expect(owing.openDebt).toMatchObject({ amountCents: 1845, failedAttempts: 1, lastFailureMessage: expect.stringMatching(/funds/i) });
    expect(owing.openDebt!.number).toMatch(/^INV-2027-\d{6}$/);
    // First failure on 10 Feb → retry on day 1.
    expect(owing.openDebt!.nextRetryAt?.toISOString().slice(0, 10)).toBe('2027-02-11');
    expect(owing.canRetryCharge).toBe(true);
    expect(owing.documents.find((d) => d.id === owing.openDebt!.invoiceId)?.status).toBe('open');

    // Still no funds: the retry fails again and counts as the next attempt.
    const again = await retryChargeByStaff(t.db, t.processor, account.id, staff);
    expect(en(again.message)).toMatch(/failed again/);
    expect((await getAccountBilling(t.db, account.id)).openDebt?.failedAttempts).toBe(2);

    // The customer topped up the card: the next staff retry pays the invoice.
    const [current] = await t.db.select().from(paymentMethods).where(and(eq(paymentMethods.accountId, account.id), isNull(paymentMethods.replacedAt)));
    await t.db.update(sandboxPaymentTokens).set({ behaviour: 'succeed' }).where(eq(sandboxPaymentTokens.token, current.processorToken));
    const paid = await retryChargeByStaff(t.db, t.processor, account.id, staff);
    expect(en(paid.message)).toBe('The open invoice is paid.');
    const after = await getAccountBilling(t.db, account.id);
    expect(after.openDebt).toBeNull();
    expect(after.subscription?.status).toBe('active');
    expect(after.canRetryCharge).toBe(false);
    expect(after.documents.every((d) => d.status === 'paid')).toBe(true);
    expect(await auditOf(account.id, 'billing.retry_requested')).toHaveLength(2);
    await expect(retryChargeByStaff(t.db, t.processor, account.id, staff)).rejects.toThrow(msg('staff.billing.errors.noOpenInvoice'));
  });
});

describe('staff documents', () => {
  const details = billingDetailsSchema.parse({
    name: 'Klaus Berger', company: 'Berger GmbH', street: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115',
    region: 'Berlin', country: 'DE', invoiceEmail: 'rechnung@berger.test', companyId: 'HRB 12345',
  });

  test('INV-6 staff see a correction per account: the credit note and the replacement name the corrected invoice', async () => {
    const { account, actor } = await paidAccount();
    await saveBillingDetails(t.db, account.id, details, actor);
    const { creditNote, replacement } = await requestInvoiceCorrection(t.db, account.id, actor);
    const { documents } = await getAccountBilling(t.db, account.id);
    const original = documents.find((d) => d.reason === 'first_period')!;
    expect(documents).toHaveLength(3);
    expect(original.status).toBe('cancelled');
    const cn = documents.find((d) => d.id === creditNote.id)!;
    expect(cn).toMatchObject({ kind: 'credit_note', status: 'credit_note', relatedNumber: original.number });
    expect(documentRelation(cn)).toBe(`Correction of ${original.number}`);
    expect(documentRelation(documents.find((d) => d.id === replacement.id)!)).toBe(`Correction of ${original.number}`);
    expect(documentRelation(original)).toBeNull();
  });

  test("INV-5 staff list every account's documents, searched by number or account address, page by page", async () => {
    const a = await paidAccount();
    const b = await paidAccount();
    const [docA] = (await getAccountBilling(t.db, a.account.id)).documents;
    const [docB] = (await getAccountBilling(t.db, b.account.id)).documents;

    const all = await listAllDocuments(t.db);
    expect(all.rows.map((r) => r.id)).toEqual(expect.arrayContaining([docA.id, docB.id]));
    expect(all.rows.find((r) => r.id === docA.id)).toMatchObject({ accountSlug: a.account.slug, status: 'paid' });

    const byNumber = await listAllDocuments(t.db, { q: docB.number.toLowerCase() });
    expect(byNumber.rows.map((r) => r.id)).toEqual([docB.id]);
    for (const q of [a.account.slug.toUpperCase(), `${a.account.slug}.accountdesk.app`]) {
      expect((await listAllDocuments(t.db, { q })).rows.map((r) => r.id), q).toEqual([docA.id]);
    }
    expect((await listAllDocuments(t.db, { q: '%' })).rows).toEqual([]);

    const first = await listAllDocuments(t.db, { pageSize: 1 });
    const second = await listAllDocuments(t.db, { pageSize: 1, page: 2 });
    expect(first.rows).toHaveLength(1);
    expect(first.hasNext).toBe(true);
    expect(second.rows).toHaveLength(1);
    expect(second.rows[0].id).not.toBe(first.rows[0].id);
  });
});
