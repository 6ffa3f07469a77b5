import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { seed } from '@/db/seed';
import { accounts, auditLog, invoiceLines, invoices, outbox, planPriceChanges, plans, subscriptions, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { issueRenewalInvoices } from '@/lib/billing/renewals';
import { createPaidAccount, createTrialAccount, useBillingTestDb } from '@/lib/billing/test-helpers';
import { setClock } from '@/lib/clock';
import { SWEEPS } from '@/lib/jobs';
import { parseMessageRef } from '@/lib/i18n/message-ref';
import { schedulePriceChangeSchema } from './schemas';
import { applyDuePriceChanges, listPlanPrices, schedulePriceChange, upcomingPriceForAccount, withdrawPriceChange } from './service';

const t = useBillingTestDb();
const staff = { type: 'staff' as const, id: null, ip: '192.0.2.5' };

const planId = async (code: string) => (await t.db.select().from(plans).where(eq(plans.code, code)))[0].id;
const planOf = async (code: string) => (await t.db.select().from(plans).where(eq(plans.code, code)))[0];
const form = async (code: string, over: Record<string, string> = {}) =>
  schedulePriceChangeSchema.parse({ planId: await planId(code), newMonthly: '17.00', newYearly: '170,00', effectiveDate: '2027-02-10', ...over });
const mailsTo = (to: string) => t.db.select().from(outbox).where(eq(outbox.to, to));
const renewalLine = async (accountId: string) => {
  const [doc] = await t.db.select().from(invoices).where(and(eq(invoices.accountId, accountId), eq(invoices.reason, 'renewal')));
  if (!doc) return null;
  const [line] = await t.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, doc.id));
  return { doc, line };
};
/** Paid its first month at `paidAt` on `plan`, so it renews a month later. */
const paying = async (paidAt: string, plan = 'team') => {
  const created = await createPaidAccount(t, { signedUpAt: new Date(new Date(paidAt).getTime() - 2 * 86400_000), paidAt: new Date(paidAt) });
  if (plan !== 'team') await t.db.update(subscriptions).set({ planId: await planId(plan) }).where(eq(subscriptions.accountId, created.account.id));
  return created;
};

describe('PLAN-5 price changes', () => {
  test('PLAN-5 an effective date less than 30 days after the announcement is refused at the field, naming the earliest allowed date', async () => {
    const at = new Date('2027-01-11T10:00:00Z');
    for (const [locale, shown] of [['en', '10 Feb 2027'], ['nl', '10 feb 2027']] as const) {
      const err = await schedulePriceChange(t.db, await form('team', { effectiveDate: '2027-02-09' }), staff, at, locale).catch((e) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect(err.field).toBe('effectiveDate');
      const ref = parseMessageRef(err.message)!;
      expect(ref.key).toBe('prices.errors.tooSoon');
      expect(ref.values).toEqual({ earliest: shown });
    }
    expect(await t.db.select().from(planPriceChanges)).toHaveLength(0);
  });

  test('PLAN-5 announcing emails each affected owner once, in their language, with old price, new price and date; the renewal before the date keeps the old price, the one on/after it gets the new one', async () => {
    setClock(new Date('2027-01-08T09:00:00Z'));
    // Renews 8 Feb (before the change), 10 Feb (after it), in Dutch; a trial; a lifetime deal (for its extra users); a stopped one and another plan are not told.
    const early = await paying('2027-01-08T09:00:00Z');
    const late = await paying('2027-01-10T09:00:00Z');
    const dutch = await paying('2027-01-10T09:00:00Z');
    await t.db.update(users).set({ locale: 'nl' }).where(eq(users.id, dutch.owner.id));
    const trial = await createTrialAccount(t.db, new Date('2027-01-10T09:00:00Z'));
    const stopped = await createTrialAccount(t.db, new Date('2027-01-10T09:00:00Z'));
    await t.db.update(accounts).set({ status: 'stopped' }).where(eq(accounts.id, stopped.account.id));
    await t.db.update(subscriptions).set({ status: 'canceled' }).where(eq(subscriptions.accountId, stopped.account.id));
    const lifetime = await createTrialAccount(t.db, new Date('2027-01-10T09:00:00Z'));
    await t.db.update(subscriptions).set({ status: 'lifetime', lifetime: true }).where(eq(subscriptions.accountId, lifetime.account.id));
    const business = await paying('2027-01-10T09:00:00Z', 'business');

    const at = new Date('2027-01-11T10:00:00Z');
    setClock(at);
    const { change, recipients } = await schedulePriceChange(t.db, await form('team'), staff, at);
    expect(change.effectiveAt.toISOString()).toBe('2027-02-09T23:00:00.000Z');
    expect([change.oldMonthlyCents, change.oldYearlyCents, change.newMonthlyCents, change.newYearlyCents]).toEqual([1500, 15000, 1700, 17000]);
    expect(recipients).toBe(5);
    const subject = (to: string) => mailsTo(to).then((ms) => ms.filter((m) => /Team/.test(m.subject)));
    for (const o of [early, late, trial]) {
      const ms = await subject(o.owner.email!);
      expect(ms).toHaveLength(1);
      expect(ms[0].subject).toBe('New price for the Team plan from 10 Feb 2027');
      expect(ms[0].text).toContain('changes to €17.00 per month and €170.00 per year (it is €15.00 per month and €150.00 per year now)');
    }
    const nl = await subject(dutch.owner.email!);
    expect(nl).toHaveLength(1);
    expect(nl[0].subject).toBe('Nieuwe prijs voor het abonnement Team vanaf 10 feb 2027');
    expect(nl[0].text).toMatch(/€\s17,00 per maand en €\s170,00 per jaar \(nu is dat €\s15,00 per maand/);
    for (const o of [stopped, business]) expect(await subject(o.owner.email!)).toHaveLength(0);
    const deal = await subject(lifetime.owner.email!);
    expect(deal).toHaveLength(1);
    expect(deal[0].text).toContain("Users beyond them are billed at the plan's monthly per-seat price, which is €17.00 from 10 Feb 2027.");
    expect(await upcomingPriceForAccount(t.db, lifetime.account.id, at)).toMatchObject({ lifetime: true, currentCents: 1500, newCents: 1700 });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'price_change.scheduled'))).map((a) => a.target)).toEqual(['plan:team']);

    // The owner sees it coming; a second change for the same plan waits until this one is done.
    expect(await upcomingPriceForAccount(t.db, late.account.id, at)).toMatchObject({ planName: 'Team', interval: 'monthly', currentCents: 1500, newCents: 1700 });
    expect(await upcomingPriceForAccount(t.db, business.account.id, at)).toBeNull();
    const again = await schedulePriceChange(t.db, await form('team', { effectiveDate: '2027-03-01' }), staff, at).catch((e) => e);
    expect(parseMessageRef(again.message)?.key).toBe('prices.errors.alreadyScheduled');

    // 8 Feb: the early account renews at the old price; nothing is applied yet.
    setClock(new Date('2027-02-08T09:00:05Z'));
    expect(await applyDuePriceChanges(t.db)).toBe(0);
    await issueRenewalInvoices(t.db);
    expect((await renewalLine(early.account.id))!.line.unitPriceCents).toBe(1500);
    // 10 Feb: the sweep writes the new prices into the plan; the late accounts renew at them.
    setClock(new Date('2027-02-10T09:00:05Z'));
    expect(await applyDuePriceChanges(t.db)).toBe(1);
    expect(await applyDuePriceChanges(t.db)).toBe(0);
    expect(await planOf('team')).toMatchObject({ seatPriceMonthlyCents: 1700, seatPriceYearlyCents: 17000 });
    await issueRenewalInvoices(t.db);
    for (const o of [late, dutch]) {
      const r = (await renewalLine(o.account.id))!;
      expect(r.line.unitPriceCents).toBe(1700);
      expect(r.doc.grossCents).toBe(2091);
    }
    expect((await renewalLine(early.account.id))!.line.unitPriceCents).toBe(1500);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'price_change.applied'))).toHaveLength(1);
    expect(await upcomingPriceForAccount(t.db, late.account.id, new Date('2027-02-10T09:00:05Z'))).toBeNull();
    const listed = await listPlanPrices(t.db);
    expect(listed.plans.find((p) => p.plan.code === 'team')?.scheduled).toBeNull();
    expect(listed.history[0]).toMatchObject({ planName: 'Team', newMonthlyCents: 1700 });
  });

  test('PLAN-5 a renewal whose period starts on/after the effective date is never priced at the old price, even when the apply sweep has not run; one that started before keeps the old price even when invoiced late', async () => {
    setClock(new Date('2027-03-01T08:00:00Z'));
    const after = await paying('2027-03-01T08:00:00Z', 'business');
    const before = await paying('2027-02-27T08:00:00Z', 'business');
    const at = new Date('2027-03-01T09:00:00Z');
    await schedulePriceChange(t.db, await form('business', { newMonthly: '31', newYearly: '310', effectiveDate: '2027-03-31' }), staff, at);
    // The 27 Mar renewal (before the change) is only invoiced on 2 Apr, after the change took effect.
    setClock(new Date('2027-04-02T08:00:05Z'));
    await issueRenewalInvoices(t.db);
    expect((await renewalLine(before.account.id))!.line.unitPriceCents).toBe(2900);
    expect((await renewalLine(after.account.id))!.line.unitPriceCents).toBe(3100);
    expect((await planOf('business')).seatPriceMonthlyCents).toBe(2900);
    expect(await applyDuePriceChanges(t.db)).toBe(1);
  });

  test('PLAN-5 the price-change sweep runs before the renewal sweep', () => {
    const order = Object.keys(SWEEPS);
    expect(order.indexOf('apply-price-changes')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('apply-price-changes')).toBeLessThan(order.indexOf('issue-renewal-invoices'));
  });

  test('PLAN-5 a scheduled change is withdrawn before it takes effect: owners are told, renewals keep the old price, it cannot be withdrawn twice', async () => {
    setClock(new Date('2027-05-01T08:00:00Z'));
    const owner = await paying('2027-05-01T08:00:00Z', 'all-in-one');
    const at = new Date('2027-05-02T08:00:00Z');
    const { change } = await schedulePriceChange(t.db, await form('all-in-one', { newMonthly: '45', newYearly: '450', effectiveDate: '2027-06-01' }), staff, at);
    const { recipients } = await withdrawPriceChange(t.db, change.id, staff, new Date('2027-05-03T08:00:00Z'));
    expect(recipients).toBe(1);
    const mails = (await mailsTo(owner.owner.email!)).filter((m) => /All-inclusive/.test(m.subject)).sort((a, b) => a.subject.localeCompare(b.subject));
    expect(mails.map((m) => m.subject)).toEqual(['New price for the All-inclusive plan from 1 Jun 2027', 'The announced price change for the All-inclusive plan is withdrawn']);
    expect(mails[1].text).toContain('keeps its current price of €39.00 per seat per month');
    await expect(withdrawPriceChange(t.db, change.id, staff, new Date('2027-05-03T09:00:00Z'))).rejects.toBeInstanceOf(DomainError);
    expect(await upcomingPriceForAccount(t.db, owner.account.id, new Date('2027-05-04T08:00:00Z'))).toBeNull();
    setClock(new Date('2027-06-01T08:00:05Z'));
    expect(await applyDuePriceChanges(t.db)).toBe(0);
    await issueRenewalInvoices(t.db);
    expect((await renewalLine(owner.account.id))!.line.unitPriceCents).toBe(3900);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'price_change.withdrawn'))).toHaveLength(1);
  });

  test('PLAN-5 a change that already took effect cannot be withdrawn', async () => {
    const [applied] = await t.db.select().from(planPriceChanges).where(eq(planPriceChanges.planId, await planId('team')));
    await expect(withdrawPriceChange(t.db, applied.id, staff, new Date('2027-06-01T08:00:00Z'))).rejects.toBeInstanceOf(DomainError);
  });

  test('PLAN-5 the seed that runs on every start never overwrites prices a change has applied', async () => {
    expect((await planOf('team')).seatPriceMonthlyCents).toBe(1700);
    await seed(t.db);
    expect(await planOf('team')).toMatchObject({ seatPriceMonthlyCents: 1700, seatPriceYearlyCents: 17000 });
  });

  test('PLAN-5 the free plan has no price to change', async () => {
    const err = await schedulePriceChange(t.db, await form('free', { effectiveDate: '2027-12-01' }), staff, new Date('2027-06-01T08:00:00Z')).catch((e) => e);
    expect(parseMessageRef(err.message)?.key).toBe('prices.errors.notPaidPlan');
  });
});
