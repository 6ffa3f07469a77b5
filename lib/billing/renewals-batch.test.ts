// The renewal sweep works in batches, with several rounds in flight and charges made in bulk:
// these tests hold it to the same per-account outcome as one renewal at a time.
import { and, eq, inArray, like } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { auditLog, charges, invoices, outbox, paymentMethods, sandboxCharges } from '@/db/schema';
import { setClock } from '@/lib/clock';
import { chargeBatch, chargeKey, ProcessorUnavailableError, type ChargeRequest, type PaymentProcessor } from './processor';
import { collectOpenInvoices, issueRenewalInvoices } from './renewals';
import { saveBillingDetails } from './profile';
import { getSubscription } from './subscriptions';
import { createPaidAccount, sandboxToken, useBillingTestDb } from './test-helpers';

const t = useBillingTestDb();

/** An account that paid its first month on 10 Jan 2027 09:00 UTC (so it renews on 10 Feb), then optionally switched to `card`. */
const paidAccount = (card?: string) =>
  createPaidAccount(t, { card, signedUpAt: new Date('2027-01-05T09:00:00Z'), paidAt: new Date('2027-01-10T09:00:00Z') });

const renewalOf = async (accountId: string) => {
  const docs = await t.db.select().from(invoices).where(and(eq(invoices.accountId, accountId), eq(invoices.reason, 'renewal')));
  expect(docs).toHaveLength(1);
  return docs[0];
};
const chargesOf = (invoiceId: string) => t.db.select().from(charges).where(eq(charges.invoiceId, invoiceId));
const mailsTo = (to: string) => t.db.select().from(outbox).where(eq(outbox.to, to));
const subscriptionOf = async (accountId: string) => (await getSubscription(t.db, accountId))!.subscription;

/** INV-1 over the whole database: this year's invoice numbers are 1..n, each once. */
async function expectGaplessInvoiceNumbers() {
  const numbers = (await t.db.select({ number: invoices.number }).from(invoices).where(like(invoices.number, 'INV-2027-%'))).map((r) => Number(r.number.slice(-6)));
  expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
}

describe('renewals in batches', () => {
  test('PAY-4 one batch with working, declined and missing payment methods gives each account its own invoice, charge, state and email', async () => {
    const good = await Promise.all([paidAccount(), paidAccount(), paidAccount()]);
    const declined = await paidAccount('4000000000000002');
    const poor = await paidAccount('4000000000009995');
    const without = await paidAccount();
    await t.db.update(paymentMethods).set({ replacedAt: new Date('2027-01-20T00:00:00Z') }).where(eq(paymentMethods.accountId, without.account.id));

    setClock(new Date('2027-02-10T09:30:00Z'));
    // Small batches and two workers, so the accounts are spread over several concurrent rounds.
    await issueRenewalInvoices(t.db, 4, 2);
    await collectOpenInvoices(t.db, t.processor, 4, 2);

    for (const { account, owner } of good) {
      const renewal = await renewalOf(account.id);
      expect((await chargesOf(renewal.id)).map((c) => [c.status, c.idempotencyKey])).toEqual([['succeeded', chargeKey(renewal.id, 1)]]);
      expect(await subscriptionOf(account.id)).toMatchObject({ status: 'active', dunningInvoiceId: null, failedAttempts: 0 });
      expect((await mailsTo(owner.email!)).map((m) => m.subject)).toContain(`Payment received: €18.45 for invoice ${renewal.number}`);
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.accountId, account.id), eq(auditLog.target, `invoice:${renewal.number}`)));
      expect(audit.map((a) => a.action)).toEqual(['billing.invoice_paid']);
    }
    for (const [{ account, owner }, code, says] of [
      [declined, 'card_declined', 'The card was declined by the bank.'],
      [poor, 'insufficient_funds', 'The card has insufficient funds.'],
    ] as const) {
      const renewal = await renewalOf(account.id);
      expect((await chargesOf(renewal.id)).map((c) => [c.status, c.failureCode])).toEqual([['failed', code]]);
      expect(await subscriptionOf(account.id)).toMatchObject({ status: 'past_due', dunningInvoiceId: renewal.id, failedAttempts: 1 });
      expect((await subscriptionOf(account.id)).nextRetryAt?.toISOString().slice(0, 16)).toBe('2027-02-11T09:30');
      const failed = (await mailsTo(owner.email!)).filter((m) => m.subject === `Payment failed for invoice ${renewal.number}`);
      expect(failed).toHaveLength(1);
      expect(failed[0].text).toContain(says);
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.accountId, account.id), eq(auditLog.target, `invoice:${renewal.number}`)));
      expect(audit.map((a) => [a.action, a.details])).toEqual([['billing.charge_failed', { attempt: 1, reason: code }]]);
    }
    const renewal = await renewalOf(without.account.id);
    expect(await chargesOf(renewal.id)).toEqual([]);
    expect(await subscriptionOf(without.account.id)).toMatchObject({ status: 'past_due', failedAttempts: 1 });
    const failed = (await mailsTo(without.owner.email!)).filter((m) => m.subject === `Payment failed for invoice ${renewal.number}`);
    expect(failed.map((m) => m.text.includes('There is no payment method on file.'))).toEqual([true]);
    await expectGaplessInvoiceNumbers();
  });

  test('PAY-6 a renewal paid in a batch is also announced to a different invoice email from the billing details', async () => {
    const { account, owner } = await paidAccount();
    const actor = { type: 'owner' as const, id: owner.id };
    await saveBillingDetails(
      t.db,
      account.id,
      { name: 'Jana Nováková', company: '', street: 'Vinohradská 1', city: 'Praha', postalCode: '120 00', region: '', country: 'CZ', invoiceEmail: 'Accounts@Example.test', companyId: '' },
      actor,
    );
    setClock(new Date('2027-02-10T09:45:00Z'));
    await issueRenewalInvoices(t.db, 4, 2);
    await collectOpenInvoices(t.db, t.processor, 4, 2);
    const renewal = await renewalOf(account.id);
    expect(renewal).toMatchObject({ vatKind: 'eu_consumer', vatRate: '21', grossCents: 1815 });
    expect((await mailsTo(owner.email!)).map((m) => m.subject)).toContain(`Payment received: €18.15 for invoice ${renewal.number}`);
    expect((await mailsTo('accounts@example.test')).map((m) => m.subject)).toEqual([`Invoice ${renewal.number} from Accountdesk (paid)`]);
  });

  test('PAY-4 two sweeps at once, each with several workers and small batches, invoice, charge and mail every account exactly once, numbered without gaps', async () => {
    const made = await Promise.all(Array.from({ length: 12 }, () => paidAccount()));
    setClock(new Date('2027-02-10T10:00:00Z'));
    const sweep = async () => {
      await issueRenewalInvoices(t.db, 3, 3);
      await collectOpenInvoices(t.db, t.processor, 3, 3);
    };
    await Promise.all([sweep(), sweep()]);
    for (const { account, owner } of made) {
      const renewal = await renewalOf(account.id);
      expect(await chargesOf(renewal.id)).toHaveLength(1);
      expect(await t.db.select().from(sandboxCharges).where(eq(sandboxCharges.idempotencyKey, chargeKey(renewal.id, 1)))).toHaveLength(1);
      expect((await mailsTo(owner.email!)).filter((m) => m.subject.includes(renewal.number))).toHaveLength(1);
      expect((await subscriptionOf(account.id)).status).toBe('active');
    }
    await expectGaplessInvoiceNumbers();
  });

  test('PAY-4 a charge whose answer is lost stays open and is repeated with the same key once its lease ends, never charged twice', async () => {
    const lost = await paidAccount();
    const other = await paidAccount();
    setClock(new Date('2027-02-10T11:00:00Z'));
    await issueRenewalInvoices(t.db);
    const lostInvoice = await renewalOf(lost.account.id);
    let dropped = false;
    // No chargeMany: the sweep makes single charges, a few at a time, as with a remote processor.
    const flaky: PaymentProcessor = {
      hostedPageUrl: (kind, opts) => t.processor.hostedPageUrl(kind, opts),
      retrievePaymentMethod: (token, reference) => t.processor.retrievePaymentMethod(token, reference),
      refund: (req) => t.processor.refund(req),
      charge: async (req) => {
        const result = await t.processor.charge(req);
        if (req.idempotencyKey === chargeKey(lostInvoice.id, 1) && !dropped) {
          dropped = true;
          throw new ProcessorUnavailableError();
        }
        return result;
      },
    };
    await collectOpenInvoices(t.db, flaky);
    expect((await subscriptionOf(other.account.id)).status).toBe('active');
    expect(await subscriptionOf(lost.account.id)).toMatchObject({ status: 'active', dunningInvoiceId: lostInvoice.id, failedAttempts: 0 });
    expect(await chargesOf(lostInvoice.id)).toEqual([]);

    setClock(new Date('2027-02-10T11:09:00Z')); // still leased
    await collectOpenInvoices(t.db, flaky);
    expect(await chargesOf(lostInvoice.id)).toEqual([]);

    setClock(new Date('2027-02-10T11:10:01Z'));
    await collectOpenInvoices(t.db, flaky);
    expect((await chargesOf(lostInvoice.id)).map((c) => [c.status, c.idempotencyKey])).toEqual([['succeeded', chargeKey(lostInvoice.id, 1)]]);
    expect(await t.db.select().from(sandboxCharges).where(eq(sandboxCharges.idempotencyKey, chargeKey(lostInvoice.id, 1)))).toHaveLength(1);
    expect((await mailsTo(lost.owner.email!)).filter((m) => m.subject.includes(lostInvoice.number))).toHaveLength(1);
    expect((await subscriptionOf(lost.account.id)).dunningInvoiceId).toBeNull();
  });
});

describe('charging in bulk', () => {
  const request = (idempotencyKey: string, token: string): ChargeRequest => ({ token, amountCents: 1000, currency: 'EUR', idempotencyKey, description: 'test' });

  test('PAY-5 the sandbox charges a batch once per key: a repeated key, in the batch or later, answers with the original charge', async () => {
    setClock(new Date('2027-03-01T09:00:00Z'));
    const ok = await sandboxToken(t.processor, '4242424242424242');
    const bad = await sandboxToken(t.processor, '4000000000000002');
    const [a, b, aAgain] = await t.processor.chargeMany([request('bulk:a', ok), request('bulk:b', bad), request('bulk:a', ok)]);
    expect(a.status).toBe('succeeded');
    expect(b).toMatchObject({ status: 'failed', code: 'card_declined', message: 'The card was declined by the bank.' });
    expect(aAgain).toEqual(a);
    const [[aLater, c], cSingle] = await Promise.all([t.processor.chargeMany([request('bulk:a', ok), request('bulk:c', ok)]), t.processor.charge(request('bulk:c', ok))]);
    expect(aLater).toEqual(a);
    expect(c).toEqual(cSingle);
    expect(await t.db.select().from(sandboxCharges).where(inArray(sandboxCharges.idempotencyKey, ['bulk:a', 'bulk:b', 'bulk:c']))).toHaveLength(3);
  });

  test('PAY-4 without a batch API, charges go one by one with at most the limit in flight, answered in request order, a lost answer marked unknown', async () => {
    let inFlight = 0;
    let most = 0;
    const remote: PaymentProcessor = {
      hostedPageUrl: () => '',
      retrievePaymentMethod: async () => null,
      refund: async () => {
        throw new Error('no refunds in this test');
      },
      charge: async (req) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2 + (req.idempotencyKey.length % 3)));
        inFlight--;
        if (req.idempotencyKey === 'k7') throw new ProcessorUnavailableError();
        return { status: 'succeeded', chargeId: `ch_${req.idempotencyKey}` };
      },
    };
    const reqs = Array.from({ length: 20 }, (_, i) => request(`k${i}`, 'tok'));
    const results = await chargeBatch(remote, reqs, 4);
    expect(most).toBe(4);
    expect(results).toEqual(reqs.map((r) => (r.idempotencyKey === 'k7' ? { status: 'unknown' } : { status: 'succeeded', chargeId: `ch_${r.idempotencyKey}` })));
  });
});
