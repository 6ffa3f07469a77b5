// The billing page's "Payment received" notice names an invoice only when ?paid= carries the id of
// a paid invoice of the signed-in account; its number comes from the database.
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { invoices } from '@/db/schema';
import { createPaidAccount, createTrialAccount, useBillingTestDb } from '@/lib/billing/test-helpers';
import { getPaidAccountInvoice } from './queries';

const env = useBillingTestDb();

describe('getPaidAccountInvoice', () => {
  test("finds the account's paid invoice by id, with its number and amount from the database", async () => {
    const { account } = await createPaidAccount(env, { signedUpAt: new Date('2026-03-01T09:00:00Z'), paidAt: new Date('2026-03-05T09:00:00Z') });
    const [inv] = await env.db.select().from(invoices).where(eq(invoices.accountId, account.id));
    const found = await getPaidAccountInvoice(env.db, account.id, inv.id);
    expect(found).toEqual({ id: inv.id, number: inv.number, grossCents: inv.grossCents });
    expect(found!.number).toMatch(/^INV-\d{4}-\d{6}$/);
  });

  test("another account's invoice id finds nothing", async () => {
    const { account: payer } = await createPaidAccount(env, { signedUpAt: new Date('2026-03-01T09:00:00Z'), paidAt: new Date('2026-03-05T09:00:00Z') });
    const { account: other } = await createTrialAccount(env.db, new Date('2026-03-01T09:00:00Z'));
    const [inv] = await env.db.select().from(invoices).where(eq(invoices.accountId, payer.id));
    expect(await getPaidAccountInvoice(env.db, other.id, inv.id)).toBeNull();
  });

  test('free text, an invoice number, a script and unknown ids find nothing', async () => {
    const { account } = await createPaidAccount(env, { signedUpAt: new Date('2026-03-01T09:00:00Z'), paidAt: new Date('2026-03-05T09:00:00Z') });
    const [inv] = await env.db.select().from(invoices).where(eq(invoices.accountId, account.id));
    for (const value of ['ANY TEXT', inv.number, '<script>Anything', '', '00000000-0000-4000-8000-000000000000', `${inv.id}'--`]) {
      expect(await getPaidAccountInvoice(env.db, account.id, value)).toBeNull();
    }
  });
});
