// PAY-8: the owner's new payment method and the retry sweep never both charge the same open
// invoice: whoever holds the collection lease charges, the other waits.
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { charges, subscriptions } from '@/db/schema';
import { setClock } from '@/lib/clock';
import { collectOpenInvoices, CollectionInProgressError, issueRenewalInvoices } from './renewals';
import { SandboxProcessor } from './sandbox-processor';
import { addPaymentMethod, getSubscription } from './subscriptions';
import { createPaidAccount, sandboxToken, useBillingTestDb } from './test-helpers';

const t = useBillingTestDb();

/** An account whose renewal failed once: an open invoice, a retry due tomorrow. */
async function accountWithOpenInvoice() {
  const { account, actor } = await createPaidAccount(t, {
    card: '4000000000000002',
    signedUpAt: new Date('2027-03-05T09:00:00Z'),
    paidAt: new Date('2027-03-10T09:00:00Z'),
  });
  setClock(new Date('2027-04-10T09:00:05Z'));
  await issueRenewalInvoices(t.db);
  await collectOpenInvoices(t.db, t.processor);
  const sub = (await getSubscription(t.db, account.id))!.subscription;
  expect(sub.status).toBe('past_due');
  return { account, actor, invoiceId: sub.dunningInvoiceId! };
}

const succeededCharges = async (invoiceId: string) =>
  (await t.db.select().from(charges).where(eq(charges.invoiceId, invoiceId))).filter((c) => c.status === 'succeeded');

describe('settlement and sweep', () => {
  test('PAY-8 a new card is refused, charging nothing, while the sweep is collecting the open invoice', async () => {
    const { account, actor, invoiceId } = await accountWithOpenInvoice();
    // The sweep has claimed the invoice and is talking to the processor.
    await t.db.update(subscriptions).set({ collectionLeaseUntil: new Date('2027-04-10T09:10:00Z') }).where(eq(subscriptions.accountId, account.id));
    const token = await sandboxToken(t.processor, '4242424242424242');
    await expect(addPaymentMethod(t.db, t.processor, { accountId: account.id, token, reference: 'ref', actor })).rejects.toBeInstanceOf(CollectionInProgressError);
    expect(await succeededCharges(invoiceId)).toHaveLength(0);
    // Once the lease is over, the same card pays.
    setClock(new Date('2027-04-10T09:11:00Z'));
    const r = await addPaymentMethod(t.db, t.processor, { accountId: account.id, token, reference: 'ref', actor });
    expect(r.outcome).toBe('charged');
    expect(await succeededCharges(invoiceId)).toHaveLength(1);
  });

  test('PAY-8 the retry sweep leaves an invoice alone while the owner’s new card is paying it', async () => {
    const { account, actor, invoiceId } = await accountWithOpenInvoice();
    setClock(new Date('2027-04-11T10:00:00Z')); // the day-1 retry is due
    // The owner's settlement takes the lease; a sweep running at that moment must skip the invoice.
    let sweepDuringSettlement = -1;
    const slowProcessor = new SandboxProcessor(async () => t.db);
    const charge = slowProcessor.charge.bind(slowProcessor);
    slowProcessor.charge = async (req) => {
      sweepDuringSettlement = await collectOpenInvoices(t.db, t.processor);
      return charge(req);
    };
    const r = await addPaymentMethod(t.db, slowProcessor, { accountId: account.id, token: await sandboxToken(t.processor, '4242424242424242'), reference: 'ref', actor });
    expect(r.outcome).toBe('charged');
    expect(sweepDuringSettlement).toBe(0);
    expect(await succeededCharges(invoiceId)).toHaveLength(1);
    const sub = (await getSubscription(t.db, account.id))!.subscription;
    expect(sub).toMatchObject({ status: 'active', dunningInvoiceId: null, collectionLeaseUntil: null });
  });
});
