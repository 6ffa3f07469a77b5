import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { charges, invoices, outbox, paymentMethods, sandboxCharges, subscriptions } from '@/db/schema';
import { setClock } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { localeKit } from '@/lib/i18n/translator';
import { injectSandboxFault } from './sandbox-processor';
import { addPaymentMethod, getSubscription } from './subscriptions';
import { createTrialAccount, sandboxToken, useBillingTestDb } from './test-helpers';

const t = useBillingTestDb();

const signup = new Date('2026-11-25T09:00:00Z');

describe('subscriptions', () => {
  test('PAY-1 a new account is trialing for 14 days', async () => {
    const { account } = await createTrialAccount(t.db, signup);
    const sub = await getSubscription(t.db, account.id);
    expect(sub?.subscription.status).toBe('trialing');
    expect(sub?.subscription.trialEndsAt?.toISOString()).toBe('2026-12-08T23:00:00.000Z');
  });

  test('PAY-3 adding a card during the trial charges the first period at once and ends the trial', async () => {
    const { account, owner } = await createTrialAccount(t.db, signup);
    setClock(new Date('2026-11-27T10:00:00Z'));
    const token = await sandboxToken(t.processor, '4242 4242 4242 4242');
    const r = await addPaymentMethod(t.db, t.processor, { accountId: account.id, token, reference: 'ref', actor: { type: 'owner', id: owner.id } });
    expect(r.outcome).toBe('charged');
    if (r.outcome !== 'charged') return;
    // Team plan, 1 seat, monthly: €15.00 + 23 % Slovak VAT (no billing details yet) = €18.45.
    expect(r.invoice.grossCents).toBe(1845);
    expect(r.invoice.number).toMatch(/^INV-2026-\d{6}$/);
    const sub = (await getSubscription(t.db, account.id))!.subscription;
    expect(sub.status).toBe('active');
    // The app clock keeps running after it is set, so compare to the second.
    expect(sub.currentPeriodStart?.toISOString().slice(0, 19)).toBe('2026-11-27T10:00:00');
    expect(sub.currentPeriodEnd?.toISOString().slice(0, 19)).toBe('2026-12-27T10:00:00');
    const [charge] = await t.db.select().from(charges).where(eq(charges.invoiceId, r.invoice.id));
    expect(charge).toMatchObject({ status: 'succeeded', amountCents: 1845 });
  });

  test('PAY-6 a successful charge emails the amount, invoice number, card brand and last four', async () => {
    const { account, owner } = await createTrialAccount(t.db, signup);
    const token = await sandboxToken(t.processor, '4242424242424242');
    const r = await addPaymentMethod(t.db, t.processor, { accountId: account.id, token, reference: 'ref', actor: { type: 'owner', id: owner.id } });
    if (r.outcome !== 'charged') throw new Error('expected a charge');
    const mails = await t.db.select().from(outbox).where(eq(outbox.to, owner.email!));
    const mail = mails.find((m) => m.subject.startsWith('Payment received'))!;
    expect(mail.text).toContain('€18.45');
    expect(mail.text).toContain(r.invoice.number);
    expect(mail.text).toContain('Visa ending in 4242');
  });

  test('PAY-3 a declined card stores nothing: no method, no invoice, still trialing', async () => {
    const { account, owner } = await createTrialAccount(t.db, signup);
    const token = await sandboxToken(t.processor, '4000 0000 0000 0002');
    await expect(
      addPaymentMethod(t.db, t.processor, { accountId: account.id, token, reference: 'ref', actor: { type: 'owner', id: owner.id } }),
    ).rejects.toThrow(/declined/);
    expect(await t.db.select().from(paymentMethods).where(eq(paymentMethods.accountId, account.id))).toHaveLength(0);
    expect(await t.db.select().from(invoices).where(eq(invoices.accountId, account.id))).toHaveLength(0);
    expect((await getSubscription(t.db, account.id))!.subscription.status).toBe('trialing');
  });

  test('PAY-5 a t.processor timeout after charging, then a repeated return, still makes exactly one charge', async () => {
    const { account, owner } = await createTrialAccount(t.db, signup);
    const token = await sandboxToken(t.processor, '4242424242424242');
    injectSandboxFault('timeout');
    const input = { accountId: account.id, token, reference: 'ref', actor: { type: 'owner' as const, id: owner.id } };
    const first = await addPaymentMethod(t.db, t.processor, input);
    const again = await addPaymentMethod(t.db, t.processor, input);
    expect(first.outcome).toBe('charged');
    expect(again.outcome).toBe('charged');
    if (first.outcome === 'charged' && again.outcome === 'charged') expect(again.invoice.id).toBe(first.invoice.id);
    expect(await t.db.select().from(sandboxCharges).where(eq(sandboxCharges.token, token))).toHaveLength(1);
    expect(await t.db.select().from(invoices).where(eq(invoices.accountId, account.id))).toHaveLength(1);
  });

  test('PAY-5 a token issued for another reference is refused', async () => {
    const { account, owner } = await createTrialAccount(t.db, signup);
    const token = await sandboxToken(t.processor, '4242424242424242', 'someone-else');
    await expect(
      addPaymentMethod(t.db, t.processor, { accountId: account.id, token, reference: 'ref', actor: { type: 'owner', id: owner.id } }),
    ).rejects.toThrow(msg('billing.errors.methodUnconfirmed'));
    expect(localeKit('en').text(msg('billing.errors.methodUnconfirmed'))).toMatch(/could not be confirmed/);
  });

  test('PAY-5 replacing the card on an active subscription charges nothing', async () => {
    const { account, owner } = await createTrialAccount(t.db, signup);
    const actor = { type: 'owner' as const, id: owner.id };
    await addPaymentMethod(t.db, t.processor, { accountId: account.id, token: await sandboxToken(t.processor, '4242424242424242'), reference: 'ref', actor });
    const r = await addPaymentMethod(t.db, t.processor, { accountId: account.id, token: await sandboxToken(t.processor, '5555555555554444'), reference: 'ref', actor });
    expect(r.outcome).toBe('saved');
    expect(r.paymentMethod).toMatchObject({ brand: 'Mastercard', last4: '4444' });
    expect(await t.db.select().from(invoices).where(eq(invoices.accountId, account.id))).toHaveLength(1);
    const methods = await t.db.select().from(paymentMethods).where(eq(paymentMethods.accountId, account.id));
    expect(methods.filter((m) => m.replacedAt === null)).toHaveLength(1);
    expect((await t.db.select().from(subscriptions).where(eq(subscriptions.accountId, account.id)))[0].status).toBe('active');
  });
});

describe('concurrency', () => {
  test('PAY-3 two simultaneous returns from the t.processor make one charge and one invoice', async () => {
    const { account, owner } = await createTrialAccount(t.db, signup);
    const token = await sandboxToken(t.processor, '4242424242424242');
    const input = { accountId: account.id, token, reference: 'ref', actor: { type: 'owner' as const, id: owner.id } };
    const [a, b] = await Promise.all([addPaymentMethod(t.db, t.processor, input), addPaymentMethod(t.db, t.processor, input)]);
    expect(a.outcome).toBe('charged');
    expect(b.outcome).toBe('charged');
    expect(await t.db.select().from(invoices).where(eq(invoices.accountId, account.id))).toHaveLength(1);
    expect(await t.db.select().from(sandboxCharges).where(eq(sandboxCharges.token, token))).toHaveLength(1);
  });
});
