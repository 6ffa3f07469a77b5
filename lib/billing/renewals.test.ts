import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { accounts, charges, invoices, outbox, sandboxCharges, subscriptions } from '@/db/schema';
import { setClock } from '@/lib/clock';
import { collectOpenInvoices, issueRenewalInvoices } from './renewals';
import { addPaymentMethod, getSubscription } from './subscriptions';
import { createPaidAccount, createTrialAccount, sandboxToken, useBillingTestDb } from './test-helpers';
import { sendTrialReminders, suspendEndedTrials } from './trials';

const t = useBillingTestDb();

/** An account that paid its first month on 10 Jan 2027 09:00 UTC (so it renews on 10 Feb), then optionally switched to `card`. */
const paidAccount = (card?: string) =>
  createPaidAccount(t, { card, signedUpAt: new Date('2027-01-05T09:00:00Z'), paidAt: new Date('2027-01-10T09:00:00Z') });

const sweepAll = async () => {
  await issueRenewalInvoices(t.db);
  await collectOpenInvoices(t.db, t.processor);
};
const invoicesOf = (accountId: string) => t.db.select().from(invoices).where(eq(invoices.accountId, accountId));
const mailsTo = async (to: string) => (await t.db.select().from(outbox).where(eq(outbox.to, to))).map((m) => m.subject);

describe('renewals', () => {
  test('PAY-4 at the end of a period the next one is invoiced in advance and charged', async () => {
    const { account, owner } = await paidAccount();
    setClock(new Date('2027-02-10T09:00:05Z'));
    await sweepAll();
    const docs = await invoicesOf(account.id);
    expect(docs).toHaveLength(2);
    const renewal = docs.find((d) => d.reason === 'renewal')!;
    expect(renewal.periodStart?.toISOString().slice(0, 16)).toBe('2027-02-10T09:00');
    expect(renewal.periodEnd?.toISOString().slice(0, 16)).toBe('2027-03-10T09:00');
    const sub = (await getSubscription(t.db, account.id))!.subscription;
    expect(sub.status).toBe('active');
    expect(sub.dunningInvoiceId).toBeNull();
    expect(sub.currentPeriodEnd?.toISOString().slice(0, 10)).toBe('2027-03-10');
    expect((await t.db.select().from(charges).where(eq(charges.invoiceId, renewal.id)))[0].status).toBe('succeeded');
    expect(await mailsTo(owner.email!)).toContain(`Payment received: €18.45 for invoice ${renewal.number}`);
    // Running the sweeps again does nothing more.
    await sweepAll();
    expect(await invoicesOf(account.id)).toHaveLength(2);
  });

  test('PAY-4 a subscription paid on 31 January renews on 28 February, 31 March and 30 April (the anchor day comes back)', async () => {
    // 31 Jan 2027 10:00 in Bratislava; the summer periods end at 10:00 CEST (08:00 UTC).
    const { account } = await createPaidAccount(t, { signedUpAt: new Date('2027-01-20T09:00:00Z'), paidAt: new Date('2027-01-31T09:00:00Z') });
    const sub = async () => (await getSubscription(t.db, account.id))!.subscription;
    expect((await sub()).periodAnchor?.toISOString().slice(0, 16)).toBe('2027-01-31T09:00');
    expect((await sub()).currentPeriodEnd?.toISOString().slice(0, 16)).toBe('2027-02-28T09:00');
    const ends: string[] = [];
    for (const at of ['2027-02-28T09:00:05Z', '2027-03-31T08:00:05Z', '2027-04-30T08:00:05Z']) {
      setClock(new Date(at));
      await sweepAll();
      await sweepAll();
      ends.push((await sub()).currentPeriodEnd!.toISOString().slice(0, 16));
    }
    expect(ends).toEqual(['2027-03-31T08:00', '2027-04-30T08:00', '2027-05-31T08:00']);
    const renewals = (await invoicesOf(account.id)).filter((d) => d.reason === 'renewal').sort((a, b) => a.periodStart!.getTime() - b.periodStart!.getTime());
    expect(renewals.map((d) => [d.periodStart!.toISOString().slice(0, 10), d.periodEnd!.toISOString().slice(0, 10)])).toEqual([
      ['2027-02-28', '2027-03-31'],
      ['2027-03-31', '2027-04-30'],
      ['2027-04-30', '2027-05-31'],
    ]);
    expect((await sub()).status).toBe('active');
  });

  test('PAY-4 the period_anchor migration anchors an existing subscription at its first paid period, so a drifted 28th returns to the month end', async () => {
    // A subscription paid on 31 Jan from before the anchor was kept: no anchor, and its periods
    // chained from the previous end (31 Jan → 28 Feb → 28 Mar).
    const { account } = await createPaidAccount(t, { signedUpAt: new Date('2027-01-20T09:00:00Z'), paidAt: new Date('2027-01-31T09:00:00Z') });
    await t.db
      .update(subscriptions)
      .set({ periodAnchor: null, currentPeriodStart: new Date('2027-02-28T09:00:00Z'), currentPeriodEnd: new Date('2027-03-28T08:00:00Z') })
      .where(eq(subscriptions.accountId, account.id));
    // Found by name, not number: the migration may be renumbered when branches merge.
    const dir = path.resolve(import.meta.dirname, '../../drizzle');
    const migration = readFileSync(path.join(dir, readdirSync(dir).find((f) => f.endsWith('_period_anchor.sql'))!), 'utf8');
    const backfill = migration.split('--> statement-breakpoint')[1];
    await t.db.execute(sql.raw(backfill));
    const sub = async () => (await getSubscription(t.db, account.id))!.subscription;
    expect((await sub()).periodAnchor?.toISOString().slice(0, 16)).toBe('2027-01-31T09:00');
    setClock(new Date('2027-03-28T08:00:05Z'));
    await sweepAll();
    expect((await sub()).currentPeriodEnd?.toISOString().slice(0, 16)).toBe('2027-04-30T08:00');
  });

  test('PAY-4 two sweeps running at once never invoice, charge or mail twice', async () => {
    const made = await Promise.all([paidAccount(), paidAccount(), paidAccount()]);
    setClock(new Date('2027-02-11T09:00:00Z'));
    await Promise.all([sweepAll(), sweepAll()]);
    for (const { account, owner } of made) {
      const renewals = (await invoicesOf(account.id)).filter((d) => d.reason === 'renewal');
      expect(renewals).toHaveLength(1);
      expect(await t.db.select().from(sandboxCharges).where(eq(sandboxCharges.idempotencyKey, `invoice:${renewals[0].id}:attempt:1`))).toHaveLength(1);
      expect((await mailsTo(owner.email!)).filter((s) => s.includes(renewals[0].number))).toHaveLength(1);
    }
  });
});

describe('dunning', () => {
  test('PAY-8 a failed renewal is retried on days 1, 3 and 5, then the account is suspended and the owner emailed', async () => {
    const { account, owner } = await paidAccount('4000000000000002');
    const sub = async () => (await getSubscription(t.db, account.id))!.subscription;
    setClock(new Date('2027-02-10T10:00:00Z'));
    await sweepAll();
    expect((await sub()).status).toBe('past_due');
    expect((await sub()).nextRetryAt?.toISOString().slice(0, 10)).toBe('2027-02-11');
    // Nothing happens before the retry day.
    setClock(new Date('2027-02-11T09:00:00Z'));
    await sweepAll();
    expect((await sub()).failedAttempts).toBe(1);
    // A minute after each retry is due: the app clock keeps running after setClock, and a sweep on a loaded machine takes seconds.
    for (const [day, attempts, next] of [['2027-02-11T10:01:00Z', 2, '2027-02-13'], ['2027-02-13T10:01:00Z', 3, '2027-02-15']] as const) {
      setClock(new Date(day));
      await sweepAll();
      expect((await sub()).failedAttempts).toBe(attempts);
      expect((await sub()).nextRetryAt?.toISOString().slice(0, 10)).toBe(next);
    }
    setClock(new Date('2027-02-15T10:01:00Z'));
    await sweepAll();
    expect((await sub()).status).toBe('suspended');
    expect((await t.db.select().from(accounts).where(eq(accounts.id, account.id)))[0].status).toBe('suspended');
    const subjects = await mailsTo(owner.email!);
    expect(subjects.filter((s) => s.startsWith('Payment failed'))).toHaveLength(3);
    expect(subjects).toContain('Your Accountdesk account is suspended');
    const renewal = (await invoicesOf(account.id)).find((d) => d.reason === 'renewal')!;
    expect(await t.db.select().from(charges).where(eq(charges.invoiceId, renewal.id))).toHaveLength(4);
  });

  test('PAY-8 a working payment method settles the debt and reactivates the account', async () => {
    const { account, owner } = await paidAccount('4000000000009995');
    // The app clock keeps running after setClock: a minute of slack, so a slow sweep (a loaded machine) still finds each retry due.
    for (const day of ['2027-02-10T10:00:00Z', '2027-02-11T10:01:00Z', '2027-02-13T10:01:00Z', '2027-02-15T10:01:00Z']) {
      setClock(new Date(day));
      await sweepAll();
    }
    expect((await getSubscription(t.db, account.id))!.subscription.status).toBe('suspended');
    setClock(new Date('2027-02-16T10:00:00Z'));
    const actor = { type: 'owner' as const, id: owner.id };
    await expect(addPaymentMethod(t.db, t.processor, { accountId: account.id, token: await sandboxToken(t.processor, '4000000000000002'), reference: 'ref', actor })).rejects.toThrow(/declined/);
    const r = await addPaymentMethod(t.db, t.processor, { accountId: account.id, token: await sandboxToken(t.processor, '4242424242424242'), reference: 'ref', actor });
    expect(r.outcome).toBe('charged');
    const sub = (await getSubscription(t.db, account.id))!.subscription;
    expect(sub).toMatchObject({ status: 'active', dunningInvoiceId: null, failedAttempts: 0 });
    expect((await t.db.select().from(accounts).where(eq(accounts.id, account.id)))[0].status).toBe('active');
    // No new invoice: the open one was paid.
    expect(await invoicesOf(account.id)).toHaveLength(2);
  });
});

describe('trial end', () => {
  test('PAY-2 the owner is reminded 3 days before the trial ends, once', async () => {
    const { owner } = await createTrialAccount(t.db, new Date('2027-05-01T08:00:00Z'));
    setClock(new Date('2027-05-11T08:00:00Z')); // trial ends 15 May 00:00 Bratislava
    await sendTrialReminders(t.db);
    expect(await mailsTo(owner.email!)).toEqual([]);
    setClock(new Date('2027-05-12T08:00:00Z'));
    await sendTrialReminders(t.db);
    await sendTrialReminders(t.db);
    expect((await mailsTo(owner.email!)).filter((s) => s.startsWith('Your free trial ends on 15 May 2027'))).toHaveLength(1);
  });

  test('PAY-2 a trial that ends without a payment method suspends the account; a card reactivates it', async () => {
    const { account, owner } = await createTrialAccount(t.db, new Date('2027-06-01T08:00:00Z'));
    setClock(new Date('2027-06-14T21:00:00Z')); // 23:00 on 14 Jun in Bratislava: still the last trial day
    await suspendEndedTrials(t.db);
    expect((await getSubscription(t.db, account.id))!.subscription.status).toBe('trialing');
    setClock(new Date('2027-06-14T22:00:01Z')); // midnight in Bratislava
    await suspendEndedTrials(t.db);
    expect((await getSubscription(t.db, account.id))!.subscription.status).toBe('suspended');
    expect((await t.db.select().from(accounts).where(eq(accounts.id, account.id)))[0].status).toBe('suspended');
    expect(await mailsTo(owner.email!)).toContain('Your trial has ended and your account is suspended');
    const r = await addPaymentMethod(t.db, t.processor, { accountId: account.id, token: await sandboxToken(t.processor, '4242424242424242'), reference: 'ref', actor: { type: 'owner', id: owner.id } });
    expect(r.outcome).toBe('charged');
    expect((await t.db.select().from(accounts).where(eq(accounts.id, account.id)))[0].status).toBe('active');
    expect((await t.db.select().from(subscriptions).where(eq(subscriptions.accountId, account.id)))[0].status).toBe('active');
  });
});
