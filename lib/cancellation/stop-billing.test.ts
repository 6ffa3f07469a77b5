import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { billingProfiles, invoices, subscriptions } from '@/db/schema';
import { saveBillingDetails } from '@/lib/billing/profile';
import { collectOpenInvoices, issueRenewalInvoices } from '@/lib/billing/renewals';
import { SandboxProcessor } from '@/lib/billing/sandbox-processor';
import { billingDetailsSchema } from '@/lib/billing/schemas';
import { addPaymentMethod, currentPaymentMethod } from '@/lib/billing/subscriptions';
import { createTrialAccount, sandboxToken } from '@/lib/billing/test-helpers';
import { setClock } from '@/lib/clock';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { stopAccount } from './stop-account';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  setClock(null);
  await t.dispose();
});

describe('stopping a paying account', () => {
  test('CAN-1 no further charges after a stop; billing details go, invoices stay', async () => {
    const processor = new SandboxProcessor(async () => t.db);
    setClock(new Date('2027-08-01T09:00:00Z'));
    const { account, owner } = await createTrialAccount(t.db, new Date('2027-08-01T09:00:00Z'));
    const actor = { type: 'owner' as const, id: owner.id };
    await saveBillingDetails(t.db, account.id, billingDetailsSchema.parse({ name: 'Eva', street: 'Hlavná 1', city: 'Košice', postalCode: '04001', country: 'SK', invoiceEmail: 'eva@example.test' }), actor);
    await addPaymentMethod(t.db, processor, { accountId: account.id, token: await sandboxToken(processor, '4242424242424242'), reference: 'ref', actor });
    await stopAccount(t.db, { accountId: account.id, actorUserId: owner.id, confirmation: account.slug });
    setClock(new Date('2027-09-02T09:00:00Z'));
    await issueRenewalInvoices(t.db);
    await collectOpenInvoices(t.db, processor);
    expect(await t.db.select().from(invoices).where(eq(invoices.accountId, account.id))).toHaveLength(1);
    expect((await t.db.select().from(subscriptions).where(eq(subscriptions.accountId, account.id)))[0].status).toBe('canceled');
    expect(await currentPaymentMethod(t.db, account.id)).toBeNull();
    expect(await t.db.select().from(billingProfiles).where(eq(billingProfiles.accountId, account.id))).toHaveLength(0);
  });
});
