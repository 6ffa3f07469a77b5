// INV-7, INV-8 on the database: staff add credit, renewals are paid from it, a stop refunds the rest.
import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { auditLog, charges, invoices, outbox, prepaidCreditEntries, sandboxCharges, sandboxRefunds, subscriptions, users } from '@/db/schema';
import { accountAddress } from '@/lib/accounts/address';
import { collectOpenInvoices, issueRenewalInvoices } from '@/lib/billing/renewals';
import { createPaidAccount, useBillingTestDb } from '@/lib/billing/test-helpers';
import { ProcessorUnavailableError, type PaymentProcessor } from '@/lib/billing/processor';
import { injectSandboxFault } from '@/lib/billing/sandbox-processor';
import { carryOutCancellation, recordEmailCancellation } from '@/lib/cancellation/email-cancellations';
import { recordCancellationSchema } from '@/lib/cancellation/schemas';
import { stopAccount } from '@/lib/cancellation/stop-account';
import { setClock } from '@/lib/clock';
import { renderDocumentPdf } from '@/lib/invoices/pdf';
import { invoiceLinesOf } from '@/lib/invoices/issue';
import { listAccountDocuments } from '@/lib/invoices/queries';
import { makeUser } from '@/lib/test-utils/factories';
import { addPrepaidCredit, cancellationPreview, cancellationPreviews, creditBalance, creditSummary, refundKey, refundPendingCredit } from './service';

const t = useBillingTestDb();
const MONTHLY = 1845; // one seat of the default plan, €15.00 + 23 % Slovak VAT

/** Paid its first month on 10 Jan 2027 09:00 UTC: renews on the 10th of each month. */
const paidAccount = () => createPaidAccount(t, { signedUpAt: new Date('2027-01-05T09:00:00Z'), paidAt: new Date('2027-01-10T09:00:00Z') });

async function staff() {
  return makeUser(t.db, null, { role: 'staff' });
}

async function addCredit(accountId: string, amountCents: number) {
  const s = await staff();
  return addPrepaidCredit(t.db, {
    accountId,
    amountCents,
    reference: 'PO-2027-17',
    agreedOn: '2027-01-12',
    actor: { type: 'staff', id: s.id },
    staffUserId: s.id,
    at: new Date('2027-01-12T10:00:00Z'),
  });
}

const sweep = async () => {
  await issueRenewalInvoices(t.db);
  await collectOpenInvoices(t.db, t.processor);
};
const mailsTo = async (to: string) => (await t.db.select().from(outbox).where(eq(outbox.to, to))).map((m) => m.subject);
const renewalsOf = async (accountId: string) =>
  (await t.db.select().from(invoices).where(and(eq(invoices.accountId, accountId), eq(invoices.reason, 'renewal')))).sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
const cardChargesOf = async (invoiceId: string) => t.db.select().from(sandboxCharges).where(eq(sandboxCharges.idempotencyKey, `invoice:${invoiceId}:attempt:1`));

describe('INV-7 prepaid credit', () => {
  test('INV-7 staff add credit: the ledger has it, the action is audited and the owner is emailed', async () => {
    const { account, owner } = await paidAccount();
    await addCredit(account.id, 12 * MONTHLY);
    expect(await creditBalance(t.db, account.id)).toBe(12 * MONTHLY);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.accountId, account.id), eq(auditLog.action, 'billing.prepaid_credit_added')));
    expect(audit.actorType).toBe('staff');
    expect(audit.details).toMatchObject({ amountCents: 12 * MONTHLY, reference: 'PO-2027-17', agreedOn: '2027-01-12' });
    expect(await mailsTo(owner.email!)).toContain('Prepaid credit added to your account');
  });

  test('INV-7 at constant seats, credit of 12 × the monthly price pays 12 renewals without a card charge, then the card pays again', async () => {
    const { account, owner } = await paidAccount();
    await addCredit(account.id, 12 * MONTHLY);
    const summary = await creditSummary(t.db, account.id, new Date('2027-01-12T10:00:00Z'));
    expect(summary).toMatchObject({ balanceCents: 12 * MONTHLY, periodGrossCents: MONTHLY, periods: 12 });
    expect(summary!.endsAt!.toISOString().slice(0, 10)).toBe('2028-02-10');
    for (let m = 1; m <= 13; m++) {
      const at = new Date(Date.UTC(2027, m, 10, 9, 0, 5));
      setClock(at);
      await sweep();
    }
    const renewals = await renewalsOf(account.id);
    expect(renewals).toHaveLength(13);
    for (const inv of renewals.slice(0, 12)) {
      expect(await cardChargesOf(inv.id)).toHaveLength(0);
      expect((await t.db.select().from(charges).where(eq(charges.invoiceId, inv.id)))[0]).toMatchObject({ status: 'succeeded', paymentMethodId: null });
    }
    // The 13th renewal, after the credit ran out exactly on 10 Feb 2028, is charged to the card.
    expect(await cardChargesOf(renewals[12].id)).toHaveLength(1);
    expect(renewals[12].periodStart!.toISOString().slice(0, 10)).toBe('2028-02-10');
    expect(await creditBalance(t.db, account.id)).toBe(0);
    const docs = await listAccountDocuments(t.db, account.id);
    expect(docs.filter((d) => d.reason === 'renewal').every((d) => d.status === 'paid')).toBe(true);
    // The documents say how they were paid: the first 12 from credit, the 13th by the card.
    const byId = new Map(docs.map((d) => [d.id, d]));
    expect(renewals.map((r) => byId.get(r.id)!.paidFromCredit)).toEqual([...Array<boolean>(12).fill(true), false]);
    const pdfText: string[] = [];
    await renderDocumentPdf(byId.get(renewals[0].id)!, await invoiceLinesOf(t.db, renewals[0].id), { onText: (s) => pdfText.push(s) });
    expect(pdfText.join(' ')).toContain('paid from your prepaid credit');
    const subjects = await mailsTo(owner.email!);
    expect(subjects).toContain(`Invoice ${renewals[0].number} was paid from your prepaid credit`);
    expect(subjects.some((s) => s.includes(`for invoice ${renewals[0].number}`))).toBe(false);
    const sub = (await t.db.select().from(subscriptions).where(eq(subscriptions.accountId, account.id)))[0];
    expect(sub).toMatchObject({ status: 'active', dunningInvoiceId: null });
  });

  test('INV-7 credit agreed on a future day is refused next to the date, and nothing is booked', async () => {
    const { account } = await paidAccount();
    const s = await staff();
    const err = await addPrepaidCredit(t.db, {
      accountId: account.id,
      amountCents: 1000,
      reference: 'PO-1',
      agreedOn: '2027-01-13',
      actor: { type: 'staff', id: s.id },
      staffUserId: s.id,
      at: new Date('2027-01-12T10:00:00Z'),
    }).catch((e) => e);
    expect(err.field).toBe('agreedOn');
    expect(await creditSummary(t.db, account.id, new Date('2027-01-12T10:00:00Z'))).toBeNull();
  });

  test('INV-7 the projected end date moves when seats change', async () => {
    const { account } = await paidAccount();
    await addCredit(account.id, 12 * 2 * MONTHLY);
    const at = new Date('2027-01-12T10:00:00Z');
    const end = async () => (await creditSummary(t.db, account.id, at))!.endsAt!.toISOString().slice(0, 10);
    expect(await end()).toBe('2029-02-10'); // one seat: 24 months
    await t.db.update(subscriptions).set({ seats: 2 }).where(eq(subscriptions.accountId, account.id));
    expect(await end()).toBe('2028-02-10'); // two seats: 12 months
    await t.db.update(subscriptions).set({ seats: 3 }).where(eq(subscriptions.accountId, account.id));
    expect(await end()).toBe('2027-10-10'); // three seats: 8 months
  });

  test('INV-7 a balance smaller than the invoice pays nothing: the card is charged in full and the balance stays', async () => {
    const { account } = await paidAccount();
    await addCredit(account.id, MONTHLY + 1000);
    setClock(new Date('2027-02-10T09:00:05Z'));
    await sweep();
    setClock(new Date('2027-03-10T09:00:05Z'));
    await sweep();
    const [feb, mar] = await renewalsOf(account.id);
    expect(await cardChargesOf(feb.id)).toHaveLength(0);
    expect(await cardChargesOf(mar.id)).toHaveLength(1);
    expect((await cardChargesOf(mar.id))[0].amountCents).toBe(MONTHLY);
    expect(await creditBalance(t.db, account.id)).toBe(1000);
    expect(await creditSummary(t.db, account.id, new Date('2027-03-10T10:00:00Z'))).toMatchObject({ balanceCents: 1000, periods: 0, endsAt: null });
  });

  test('INV-7 an account without credit renews as before and shows no credit', async () => {
    const { account } = await paidAccount();
    expect(await creditSummary(t.db, account.id, new Date('2027-01-12T10:00:00Z'))).toBeNull();
    setClock(new Date('2027-02-10T09:00:05Z'));
    await sweep();
    const [feb] = await renewalsOf(account.id);
    expect(await cardChargesOf(feb.id)).toHaveLength(1);
  });
});

describe('INV-8 refund of unused credit at cancellation', () => {
  const stop = async (account: { id: string; slug: string }, owner: { id: string }, processor?: PaymentProcessor) =>
    stopAccount(t.db, { accountId: account.id, actorUserId: owner.id, confirmation: accountAddress(account.slug) }, {}, processor);

  test('INV-8 Stop account with credit: 50 % of the remainder is refunded by a credit note and one processor refund, the rest is kept as the fee', async () => {
    const { account, owner } = await paidAccount();
    await addCredit(account.id, 12 * MONTHLY);
    setClock(new Date('2027-02-10T09:00:05Z'));
    await sweep();
    const remainder = 11 * MONTHLY; // 20 295
    setClock(new Date('2027-02-15T10:00:00Z'));
    expect(await cancellationPreview(t.db, account.id, new Date('2027-02-15T10:00:00Z'))).toEqual({ feePercent: 50, remainderCents: remainder, refundCents: 10_148, feeCents: 10_147 });
    await stop(account, owner, t.processor);
    const [note] = await t.db.select().from(invoices).where(and(eq(invoices.accountId, account.id), eq(invoices.kind, 'credit_note')));
    expect(note.number).toMatch(/^CN-2027-\d{6}$/);
    expect(note.grossCents).toBe(10_148);
    // Issued before the erasure: the buyer is the customer, not an erased placeholder.
    expect(note.buyer.company).toBe(account.companyName);
    const entries = await t.db.select().from(prepaidCreditEntries).where(eq(prepaidCreditEntries.accountId, account.id));
    expect(entries.find((e) => e.kind === 'refunded')).toMatchObject({ amountCents: -10_148, invoiceId: note.id, refundStatus: 'refunded' });
    expect(entries.find((e) => e.kind === 'forfeited')).toMatchObject({ amountCents: -10_147 });
    expect(await creditBalance(t.db, account.id)).toBe(0);
    const refunds = await t.db.select().from(sandboxRefunds).where(eq(sandboxRefunds.idempotencyKey, refundKey(note.id)));
    expect(refunds).toHaveLength(1);
    expect(refunds[0].amountCents).toBe(10_148);
    expect(await mailsTo(owner.email!)).toContain('Refund of your unused prepaid credit');
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.accountId, account.id), eq(auditLog.action, 'billing.prepaid_credit_refunded')));
    expect(audit.details).toMatchObject({ remainderCents: remainder, refundCents: 10_148, feeCents: 10_147, feePercent: 50 });
  });

  test('INV-8 the fee is configurable: at 30 % the customer gets 70 % of the remainder back', async () => {
    const before = process.env.PREPAID_CREDIT_CANCELLATION_FEE_PERCENT;
    process.env.PREPAID_CREDIT_CANCELLATION_FEE_PERCENT = '30';
    try {
      const { account, owner } = await paidAccount();
      await addCredit(account.id, 10 * MONTHLY); // 18 450: 70 % = 12 915 = 10 500 net + 2 415 VAT
      await stop(account, owner, t.processor);
      const [note] = await t.db.select().from(invoices).where(and(eq(invoices.accountId, account.id), eq(invoices.kind, 'credit_note')));
      expect(note.grossCents).toBe(12_915);
      const forfeited = (await t.db.select().from(prepaidCreditEntries).where(and(eq(prepaidCreditEntries.accountId, account.id), eq(prepaidCreditEntries.kind, 'forfeited'))))[0];
      expect(forfeited.amountCents).toBe(-5535);
    } finally {
      if (before === undefined) delete process.env.PREPAID_CREDIT_CANCELLATION_FEE_PERCENT;
      else process.env.PREPAID_CREDIT_CANCELLATION_FEE_PERCENT = before;
    }
  });

  test('INV-8 the processor refund is made once even when its answer is lost and the refund is retried', async () => {
    const { account, owner } = await paidAccount();
    await addCredit(account.id, 2 * MONTHLY);
    // The refund goes through but the answer is lost: the entry stays pending.
    injectSandboxFault('timeout');
    await stop(account, owner, t.processor);
    const pending = async () =>
      (await t.db.select().from(prepaidCreditEntries).where(and(eq(prepaidCreditEntries.accountId, account.id), eq(prepaidCreditEntries.kind, 'refunded'))))[0];
    expect((await pending()).refundStatus).toBe('pending');
    // The processor is down for the next try: still pending.
    injectSandboxFault('fail');
    expect(await refundPendingCredit(t.db, t.processor, account.id)).toBe(0);
    // The sweep retries with the same key, twice: one refund at the processor.
    expect(await refundPendingCredit(t.db, t.processor, account.id)).toBe(1);
    expect(await refundPendingCredit(t.db, t.processor, account.id)).toBe(0);
    const entry = await pending();
    expect(entry.refundStatus).toBe('refunded');
    expect(await t.db.select().from(sandboxRefunds).where(eq(sandboxRefunds.idempotencyKey, refundKey(entry.invoiceId!)))).toHaveLength(1);
    // A processor that answers twice to the same key still made one refund.
    let calls = 0;
    const counting: PaymentProcessor = {
      hostedPageUrl: (kind, opts) => t.processor.hostedPageUrl(kind, opts),
      retrievePaymentMethod: (token, reference) => t.processor.retrievePaymentMethod(token, reference),
      charge: (req) => t.processor.charge(req),
      refund: async (req) => {
        calls++;
        if (calls === 1) throw new ProcessorUnavailableError();
        return t.processor.refund(req);
      },
    };
    await t.db.update(prepaidCreditEntries).set({ refundStatus: 'pending' }).where(eq(prepaidCreditEntries.id, entry.id));
    await refundPendingCredit(t.db, counting, account.id);
    await refundPendingCredit(t.db, counting, account.id);
    expect(calls).toBe(2);
    expect(await t.db.select().from(sandboxRefunds).where(eq(sandboxRefunds.idempotencyKey, refundKey(entry.invoiceId!)))).toHaveLength(1);
  });

  test('INV-8 a cancellation received by email: staff see the figures before carrying it out, and carrying it out refunds the same way', async () => {
    const { account, owner } = await paidAccount();
    await addCredit(account.id, 4 * MONTHLY); // 7 380: 3 690 back, 3 690 kept
    const s = await staff();
    const actor = { type: 'staff' as const, id: s.id };
    const at = new Date('2027-01-20T10:00:00Z');
    setClock(at);
    const row = await recordEmailCancellation(
      t.db,
      recordCancellationSchema.parse({ account: account.slug, receivedAt: '2027-01-20T09:00', requesterEmail: '' }),
      actor,
      at,
    );
    expect((await cancellationPreviews(t.db, [account.id], at)).get(account.id)).toEqual({ feePercent: 50, remainderCents: 7380, refundCents: 3690, feeCents: 3690 });
    await carryOutCancellation(t.db, row.id, actor, new Date('2027-01-22T10:00:00Z'));
    const [note] = await t.db.select().from(invoices).where(and(eq(invoices.accountId, account.id), eq(invoices.kind, 'credit_note')));
    expect(note.grossCents).toBe(3690);
    expect(await mailsTo(owner.email!)).toContain('Refund of your unused prepaid credit');
    // The refund itself is paid out by the sweep, once.
    expect(await refundPendingCredit(t.db, t.processor)).toBeGreaterThanOrEqual(1);
    expect(await refundPendingCredit(t.db, t.processor, account.id)).toBe(0);
    expect(await t.db.select().from(sandboxRefunds).where(eq(sandboxRefunds.idempotencyKey, refundKey(note.id)))).toHaveLength(1);
  });

  test('INV-8 without credit, stopping issues no credit note and no refund', async () => {
    const { account, owner } = await paidAccount();
    await stop(account, owner, t.processor);
    expect(await t.db.select().from(invoices).where(and(eq(invoices.accountId, account.id), eq(invoices.kind, 'credit_note')))).toHaveLength(0);
    expect(await t.db.select().from(prepaidCreditEntries).where(eq(prepaidCreditEntries.accountId, account.id))).toHaveLength(0);
    const [erased] = await t.db.select().from(users).where(eq(users.id, owner.id));
    expect(erased.email).toBeNull();
  });
});
