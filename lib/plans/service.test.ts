import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { auditLog, charges, invoiceLines, invoices, outbox, plans, subscriptions } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { anchoredPeriodEnd, bratislavaDay, proratedUpgradeCents } from '@/lib/billing/periods';
import { collectWaitingDirectInvoices, DIRECT_CHARGE_GRACE_MS } from '@/lib/billing/direct-charge';
import type { ChargeRequest, PaymentProcessor } from '@/lib/billing/processor';
import { collectOpenInvoices, issueRenewalInvoices } from '@/lib/billing/renewals';
import { addPaymentMethod } from '@/lib/billing/subscriptions';
import { createTrialAccount, sandboxToken, useBillingTestDb, WORKING_CARD } from '@/lib/billing/test-helpers';
import { setClock } from '@/lib/clock';
import { parseMessageRef } from '@/lib/i18n/message-ref';
import { inviteUser } from '@/lib/team/service';
import { makeUser } from '@/lib/test-utils/factories';
import { cancelScheduledChange, changePlan, quotePlanChange } from './service';

const env = useBillingTestDb();
const SIGNUP = new Date('2026-03-01T09:00:00Z');
const PAID = new Date('2026-03-10T09:00:00Z');
const DECLINING = '4000000000000002';

/** An account that paid its first period (on `plan`, `seats`, `interval`) at PAID; then optionally switches to another card. */
async function payingAccount(opts: { plan?: string; seats?: number; interval: 'monthly' | 'yearly'; card?: string }) {
  setClock(PAID);
  const { account, owner } = await createTrialAccount(env.db, SIGNUP);
  const [plan] = await env.db.select().from(plans).where(eq(plans.code, opts.plan ?? 'team'));
  await env.db.update(subscriptions).set({ planId: plan.id, seats: opts.seats ?? 1, interval: opts.interval }).where(eq(subscriptions.accountId, account.id));
  const actor = { type: 'owner' as const, id: owner.id };
  const pay = async (n: string) => addPaymentMethod(env.db, env.processor, { accountId: account.id, token: await sandboxToken(env.processor, n), reference: 'ref', actor });
  await pay(WORKING_CARD);
  if (opts.card) await pay(opts.card);
  const [sub] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, account.id));
  return { accountId: account.id, owner, actor, sub };
}

async function planOf(code: string) {
  const [p] = await env.db.select().from(plans).where(eq(plans.code, code));
  return p;
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    const ref = parseMessageRef((err as DomainError).message);
    return { key: ref?.key, field: (err as DomainError).field, values: ref?.values };
  }
  throw new Error('expected a refusal');
}

const docsOf = (accountId: string) => env.db.select().from(invoices).where(eq(invoices.accountId, accountId)).orderBy(invoices.issuedAt);
const mailsTo = (to: string) => env.db.select().from(outbox).where(eq(outbox.to, to.toLowerCase()));
const auditOf = (accountId: string, action: string) => env.db.select().from(auditLog).where(and(eq(auditLog.accountId, accountId), eq(auditLog.action, action)));

describe('PLAN-1/PLAN-2 yearly upgrade', () => {
  test('PLAN-2 a yearly upgrade mid-period is invoiced and charged at once by the formula, and applies at once (PLAN-1)', async () => {
    const o = await payingAccount({ interval: 'yearly', seats: 2 });
    const at = new Date('2026-08-20T12:34:56Z');
    setClock(at);
    const input = { planCode: 'business', seats: 3, interval: 'yearly' as const };
    const quote = await quotePlanChange(env.db, o.accountId, input, at);
    const expected = proratedUpgradeCents({ oldPeriodPriceCents: 2 * 15000, newPeriodPriceCents: 3 * 29000, periodStart: o.sub.currentPeriodStart!, periodEnd: o.sub.currentPeriodEnd!, at });
    expect(expected).toBeGreaterThan(0);
    expect(quote.chargeNow?.netCents).toBe(expected);
    expect(quote.chargeNow?.treatment.kind).toBe('domestic');
    expect(quote.chargeNow!.grossCents).toBe(quote.chargeNow!.netCents + quote.chargeNow!.vatCents);
    expect(quote.nextRenewal.netCents).toBe(3 * 29000);
    expect(quote.nextRenewalAt).toEqual(o.sub.currentPeriodEnd);

    const out = await changePlan(env.db, env.processor, o.accountId, input, o.actor, at);
    expect(out.charge).toBe('paid');
    expect(out.invoice).toMatchObject({ reason: 'upgrade', netCents: expected, grossCents: quote.chargeNow!.grossCents });
    const [line] = await env.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, out.invoice!.id));
    expect(line.description).toContain('Business');
    const [charge] = await env.db.select().from(charges).where(eq(charges.invoiceId, out.invoice!.id));
    expect(charge).toMatchObject({ status: 'succeeded', amountCents: out.invoice!.grossCents });
    const [sub] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, o.accountId));
    expect(sub).toMatchObject({ planId: (await planOf('business')).id, seats: 3, interval: 'yearly', scheduledPlanId: null, dunningInvoiceId: null });
    expect(sub.currentPeriodEnd).toEqual(o.sub.currentPeriodEnd);
    const mails = await mailsTo(o.owner.email!);
    expect(mails.some((m) => m.subject.includes(out.invoice!.number))).toBe(true);
    expect(mails.some((m) => m.subject === 'Your Accountdesk plan was changed')).toBe(true);
    expect(await auditOf(o.accountId, 'plan.changed')).toHaveLength(1);

    // PLAN-2: the next renewal is at the new price.
    setClock(new Date(sub.currentPeriodEnd!.getTime() + 60_000));
    await issueRenewalInvoices(env.db);
    const renewal = (await docsOf(o.accountId)).find((d) => d.reason === 'renewal')!;
    expect(renewal.netCents).toBe(3 * 29000);
  });

  test('PLAN-2 a declined upgrade charge keeps the upgrade and sends the invoice to dunning', async () => {
    const o = await payingAccount({ interval: 'yearly', card: DECLINING });
    const at = new Date('2026-06-01T08:00:00Z');
    setClock(at);
    const out = await changePlan(env.db, env.processor, o.accountId, { planCode: 'all-in-one', seats: 1, interval: 'yearly' }, o.actor, at);
    expect(out.charge).toBe('declined');
    const [sub] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, o.accountId));
    expect(sub.planId).toBe((await planOf('all-in-one')).id);
    expect(sub.dunningInvoiceId).toBe(out.invoice!.id);
    expect(await auditOf(o.accountId, 'plan.upgrade_collection_queued')).toHaveLength(1);
    // Another change waits until the open invoice is paid.
    expect((await refusal(quotePlanChange(env.db, o.accountId, { planCode: 'all-in-one', seats: 2, interval: 'yearly' }, at))).key).toBe('plans.errors.openInvoice');
  });

  test('PLAN-2 an upgrade charge declined while another invoice held the collection slot joins collection once the slot is free, once', async () => {
    const o = await payingAccount({ interval: 'yearly', card: DECLINING });
    const at = new Date('2026-06-01T08:00:00Z');
    setClock(at);
    const [first] = await docsOf(o.accountId);
    // While the upgrade is being charged, another invoice takes the account's collection slot.
    const racing: PaymentProcessor = Object.assign(Object.create(env.processor) as PaymentProcessor, {
      charge: async (req: ChargeRequest) => {
        await env.db.update(subscriptions).set({ dunningInvoiceId: first.id }).where(eq(subscriptions.accountId, o.accountId));
        return env.processor.charge(req);
      },
    });
    const out = await changePlan(env.db, racing, o.accountId, { planCode: 'all-in-one', seats: 1, interval: 'yearly' }, o.actor, at);
    expect(out.charge).toBe('declined');
    const slot = async () => (await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, o.accountId)))[0].dunningInvoiceId;
    expect(await slot()).toBe(first.id);
    // The other invoice is settled; within the grace period the sweep still leaves the upgrade alone.
    await env.db.update(subscriptions).set({ dunningInvoiceId: null }).where(eq(subscriptions.accountId, o.accountId));
    expect(await collectWaitingDirectInvoices(env.db)).toBe(0);
    setClock(new Date(at.getTime() + DIRECT_CHARGE_GRACE_MS + 60_000));
    expect(await collectWaitingDirectInvoices(env.db)).toBe(1);
    expect(await slot()).toBe(out.invoice!.id);
    expect(await collectWaitingDirectInvoices(env.db)).toBe(0);
    const queued = (await auditOf(o.accountId, 'plan.upgrade_collection_queued')).sort((a, b) => a.at.getTime() - b.at.getTime());
    expect(queued.map((a) => (a.details as { handedOver: boolean }).handedOver)).toEqual([false, true]);
    // Collection now charges it under the same first key: the declining card is tried once more, not twice.
    await collectOpenInvoices(env.db, env.processor);
    const attempts = await env.db.select().from(charges).where(eq(charges.invoiceId, out.invoice!.id));
    expect(attempts.map((c) => c.attempt)).toEqual([1]);
  });

  test('PLAN-2 confirming a reviewed upgrade minutes later charges exactly the reviewed figure; a stale or future review time is not used', async () => {
    const o = await payingAccount({ interval: 'yearly' });
    const reviewedAt = new Date('2026-07-07T07:07:07Z');
    const input = { planCode: 'business', seats: 1, interval: 'yearly' as const };
    const quote = await quotePlanChange(env.db, o.accountId, input, reviewedAt);
    const confirmAt = new Date(reviewedAt.getTime() + 5 * 60_000);
    setClock(confirmAt);
    const out = await changePlan(env.db, env.processor, o.accountId, input, o.actor, confirmAt, { quotedAt: reviewedAt });
    expect(out.invoice!.netCents).toBe(quote.chargeNow!.netCents);
    expect(out.invoice!.grossCents).toBe(quote.chargeNow!.grossCents);

    const p = await payingAccount({ interval: 'yearly' });
    const late = new Date(reviewedAt.getTime() + 20 * 60_000);
    setClock(late);
    const again = await changePlan(env.db, env.processor, p.accountId, input, p.actor, late, { quotedAt: reviewedAt });
    const fresh = proratedUpgradeCents({ oldPeriodPriceCents: 15000, newPeriodPriceCents: 29000, periodStart: p.sub.currentPeriodStart!, periodEnd: p.sub.currentPeriodEnd!, at: late });
    expect(again.invoice!.netCents).toBe(fresh);
  });
});

describe('PLAN-3 monthly periods', () => {
  test('PLAN-3 a monthly upgrade applies at once with no charge; the next invoice uses the new price', async () => {
    const o = await payingAccount({ interval: 'monthly' });
    const at = new Date('2026-03-25T10:00:00Z');
    setClock(at);
    const out = await changePlan(env.db, env.processor, o.accountId, { planCode: 'business', seats: 2, interval: 'monthly' }, o.actor, at);
    expect(out).toMatchObject({ charge: 'none', invoice: null });
    expect(out.quote.chargeNow).toBeNull();
    expect((await docsOf(o.accountId)).map((d) => d.reason)).toEqual(['first_period']);
    setClock(new Date(o.sub.currentPeriodEnd!.getTime() + 60_000));
    await issueRenewalInvoices(env.db);
    const renewal = (await docsOf(o.accountId)).find((d) => d.reason === 'renewal')!;
    expect(renewal.netCents).toBe(2 * 2900);
  });

  test('PLAN-3 monthly to yearly switches at the next renewal, for a whole year at the yearly price', async () => {
    const o = await payingAccount({ interval: 'monthly', seats: 2 });
    const at = new Date('2026-03-20T10:00:00Z');
    setClock(at);
    const out = await changePlan(env.db, env.processor, o.accountId, { planCode: 'team', seats: 2, interval: 'yearly' }, o.actor, at);
    expect(out.quote.changesNow).toBe(false);
    expect(out.quote.nextRenewal.netCents).toBe(2 * 15000);
    const renewAt = new Date(o.sub.currentPeriodEnd!.getTime() + 60_000);
    setClock(renewAt);
    await issueRenewalInvoices(env.db);
    const renewal = (await docsOf(o.accountId)).find((d) => d.reason === 'renewal')!;
    expect(renewal.netCents).toBe(2 * 15000);
    expect(renewal.periodStart).toEqual(o.sub.currentPeriodEnd);
    expect(renewal.periodEnd).toEqual(anchoredPeriodEnd(o.sub.currentPeriodEnd!, 'yearly', 1));
    expect(bratislavaDay(renewal.periodEnd!)).toBe('2027-04-10');
    const [sub] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, o.accountId));
    expect(sub).toMatchObject({ interval: 'yearly', scheduledPlanId: null, periodAnchor: o.sub.currentPeriodEnd });
  });
});

describe('PLAN-4 downgrades', () => {
  test('PLAN-4 a downgrade is scheduled, applied by the renewal sweep, with no refund or credit', async () => {
    const o = await payingAccount({ plan: 'business', seats: 3, interval: 'monthly' });
    const at = new Date('2026-03-28T10:00:00Z');
    setClock(at);
    const quote = await quotePlanChange(env.db, o.accountId, { planCode: 'team', seats: 2, interval: 'monthly' }, at);
    expect(quote).toMatchObject({ kind: 'downgrade', changesNow: false, chargeNow: null, seatsFrom: 3, overBy: 0 });
    expect(quote.lostFeatures).toEqual(['Automation rules', 'Reports', 'Call center', 'Priority support']);
    await changePlan(env.db, env.processor, o.accountId, { planCode: 'team', seats: 2, interval: 'monthly' }, o.actor, at);
    let [sub] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, o.accountId));
    expect(sub).toMatchObject({ planId: (await planOf('business')).id, seats: 3, scheduledPlanId: (await planOf('team')).id, scheduledSeats: 2, scheduledInterval: 'monthly' });
    expect((await mailsTo(o.owner.email!)).some((m) => m.subject === 'Your Accountdesk plan change is scheduled')).toBe(true);

    setClock(new Date(o.sub.currentPeriodEnd!.getTime() + 60_000));
    await issueRenewalInvoices(env.db);
    await collectOpenInvoices(env.db, env.processor);
    [sub] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, o.accountId));
    expect(sub).toMatchObject({ planId: (await planOf('team')).id, seats: 2, scheduledPlanId: null, changeScheduledAt: null });
    const docs = await docsOf(o.accountId);
    expect(docs.find((d) => d.reason === 'renewal')!.netCents).toBe(2 * 1500);
    expect(docs.filter((d) => d.kind === 'credit_note')).toEqual([]);
    expect(await auditOf(o.accountId, 'plan.scheduled_change_applied')).toHaveLength(1);
  });

  test('PLAN-4 the owner can cancel a scheduled downgrade until the renewal', async () => {
    const o = await payingAccount({ plan: 'business', seats: 2, interval: 'yearly' });
    const at = new Date('2026-09-01T10:00:00Z');
    setClock(at);
    await changePlan(env.db, env.processor, o.accountId, { planCode: 'business', seats: 2, interval: 'monthly' }, o.actor, at);
    await cancelScheduledChange(env.db, o.accountId, o.actor, at);
    expect((await refusal(cancelScheduledChange(env.db, o.accountId, o.actor, at))).key).toBe('plans.errors.nothingScheduled');
    setClock(new Date(o.sub.currentPeriodEnd!.getTime() + 60_000));
    await issueRenewalInvoices(env.db);
    const renewal = (await docsOf(o.accountId)).find((d) => d.reason === 'renewal')!;
    expect(renewal.netCents).toBe(2 * 29000);
    expect(await auditOf(o.accountId, 'plan.scheduled_change_canceled')).toHaveLength(1);
  });

  test('PLAN-4 users above the new seat count block the downgrade and are named', async () => {
    const o = await payingAccount({ seats: 3, interval: 'monthly' });
    await makeUser(env.db, o.accountId, { role: 'agent', fullName: 'Adam Agent' });
    await makeUser(env.db, o.accountId, { role: 'admin', fullName: 'Beata Admin' });
    const at = new Date('2026-03-20T10:00:00Z');
    setClock(at);
    const input = { planCode: 'team', seats: 1, interval: 'monthly' as const };
    const quote = await quotePlanChange(env.db, o.accountId, input, at);
    expect(quote.overBy).toBe(2);
    expect(quote.removable.map((p) => p.name).sort()).toEqual(['Adam Agent', 'Beata Admin']);
    const r = await refusal(changePlan(env.db, env.processor, o.accountId, input, o.actor, at));
    expect(r).toMatchObject({ key: 'plans.errors.tooManyUsers', field: 'seats' });
    const [sub] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, o.accountId));
    expect(sub.scheduledPlanId).toBeNull();
  });

  test('PLAN-4 no one is invited beyond the seats scheduled for the renewal', async () => {
    const o = await payingAccount({ seats: 3, interval: 'monthly' });
    const at = new Date('2026-03-20T10:00:00Z');
    setClock(at);
    await changePlan(env.db, env.processor, o.accountId, { planCode: 'team', seats: 1, interval: 'monthly' }, o.actor, at);
    const actor = { accountId: o.accountId, userId: o.owner.id, role: 'owner' as const, ip: null };
    expect((await refusal(inviteUser(env.db, actor, { email: `late-${Date.now()}@example.test`, role: 'agent' }, at, 'en'))).key).toBe('team.errors.noSeats');
  });
});

describe('PLAN-1 seats and other states', () => {
  test('PLAN-1 an invitation refused at the seat limit succeeds after raising seats', async () => {
    const o = await payingAccount({ seats: 1, interval: 'monthly' });
    const at = new Date('2026-03-20T10:00:00Z');
    setClock(at);
    const actor = { accountId: o.accountId, userId: o.owner.id, role: 'owner' as const, ip: null };
    const email = `new-${Date.now()}@example.test`;
    expect((await refusal(inviteUser(env.db, actor, { email, role: 'agent' }, at, 'en'))).key).toBe('team.errors.noSeats');
    await changePlan(env.db, env.processor, o.accountId, { planCode: 'team', seats: 2, interval: 'monthly' }, o.actor, at);
    await expect(inviteUser(env.db, actor, { email, role: 'agent' }, at, 'en')).resolves.toMatchObject({ extra: false });
  });

  test('PLAN-1 in a trial the change applies at once without charge and the first payment uses it', async () => {
    setClock(SIGNUP);
    const { account, owner } = await createTrialAccount(env.db, SIGNUP);
    const actor = { type: 'owner' as const, id: owner.id };
    const at = new Date('2026-03-05T10:00:00Z');
    setClock(at);
    const out = await changePlan(env.db, env.processor, account.id, { planCode: 'business', seats: 2, interval: 'yearly' }, actor, at);
    expect(out).toMatchObject({ charge: 'none', invoice: null });
    expect(out.quote.nextRenewal.netCents).toBe(2 * 29000);
    await addPaymentMethod(env.db, env.processor, { accountId: account.id, token: await sandboxToken(env.processor, WORKING_CARD), reference: 'ref', actor });
    const [first] = await docsOf(account.id);
    expect(first).toMatchObject({ reason: 'first_period', netCents: 2 * 29000 });
  });

  test('PLAN-1 a lifetime deal cannot change its plan', async () => {
    const o = await payingAccount({ interval: 'monthly' });
    await env.db.update(subscriptions).set({ status: 'lifetime', lifetime: true }).where(eq(subscriptions.accountId, o.accountId));
    expect((await refusal(quotePlanChange(env.db, o.accountId, { planCode: 'business', seats: 2, interval: 'monthly' }, PAID))).key).toBe('plans.errors.lifetime');
  });

  test('PLAN-1 choosing the current terms changes nothing', async () => {
    const o = await payingAccount({ interval: 'monthly' });
    expect((await refusal(quotePlanChange(env.db, o.accountId, { planCode: 'team', seats: 1, interval: 'monthly' }, PAID))).key).toBe('plans.errors.sameAsCurrent');
  });
});

