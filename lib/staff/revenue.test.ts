import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { charges, plans, subscriptions, type PartySnapshot } from '@/db/schema';
import { issueDocuments } from '@/lib/invoices/issue';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { getRevenueOverview, monthlyRecurringCents, REVENUE_WEEKS, weekStarts } from './revenue';
import { makeAccount } from './test-factories';

const buyer: PartySnapshot = { name: 'Eva Buyer', company: 'Buyer s.r.o.', street: 'Hlavná 1', city: 'Košice', postalCode: '040 01', region: 'Košický kraj', country: 'SK', email: 'eva@buyer.test', companyId: '12345678', vatNumber: null };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

describe('revenue figures (pure)', () => {
  test('a yearly subscription counts as a twelfth of its price per month', () => {
    expect(monthlyRecurringCents({ interval: 'monthly', seats: 3, seatPriceMonthlyCents: 1500, seatPriceYearlyCents: 15000 })).toBe(4500);
    expect(monthlyRecurringCents({ interval: 'yearly', seats: 3, seatPriceMonthlyCents: 1500, seatPriceYearlyCents: 15000 })).toBe(3750);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 100_000 }), (seats, yearly) => {
        const mrr = monthlyRecurringCents({ interval: 'yearly', seats, seatPriceMonthlyCents: 0, seatPriceYearlyCents: yearly });
        expect(Math.abs(mrr * 12 - seats * yearly)).toBeLessThanOrEqual(6);
      }),
    );
  });

  test('weeks start on Monday at midnight in Bratislava, the current week last', () => {
    // Thursday 26 Nov 2026, 00:30 in Bratislava is still Wednesday in UTC.
    const bounds = weekStarts(new Date('2026-11-25T23:30:00Z'), 2);
    expect(bounds.map((b) => b.toISOString())).toEqual(['2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z']);
    // Across the end of summer time the weeks stay on local midnight.
    const autumn = weekStarts(new Date('2026-10-28T12:00:00Z'), 2);
    expect(autumn.map((b) => b.toISOString())).toEqual(['2026-10-18T22:00:00.000Z', '2026-10-25T23:00:00.000Z', '2026-11-01T23:00:00.000Z']);
    expect(weekStarts(new Date()).length).toBe(REVENUE_WEEKS + 1);
  });
});

describe('revenue overview', () => {
  test('MRR by plan, subscriptions by state, weekly signups and cancellations, and open debt', async () => {
    const at = new Date('2026-11-26T12:00:00Z');
    const [team] = await t.db.select().from(plans).where(eq(plans.code, 'team'));
    const [business] = await t.db.select().from(plans).where(eq(plans.code, 'business'));
    const sub = async (status: (typeof subscriptions.$inferInsert)['status'], plan = team, seats = 1, interval: 'monthly' | 'yearly' = 'monthly', account: Parameters<typeof makeAccount>[1] = {}) => {
      const a = await makeAccount(t.db, { status: 'active', createdAt: new Date('2026-01-01T00:00:00Z'), ...account });
      await t.db.insert(subscriptions).values({ accountId: a.id, planId: plan.id, seats, interval, status, createdAt: at, updatedAt: at });
      return a;
    };
    await sub('active', team, 3, 'monthly'); // 3 × 15.00 = 45.00
    await sub('active', team, 2, 'yearly'); // 2 × 150.00 / 12 = 25.00
    await sub('past_due', business, 1, 'monthly'); // 29.00, still expected
    await sub('trialing', business, 5); // no revenue yet
    await sub('suspended', team, 4, 'monthly', { status: 'suspended' }); // no revenue
    await sub('canceled', team, 9, 'monthly', { status: 'stopped', stoppedAt: new Date('2026-11-24T10:00:00Z') });
    // Signed up this week (Monday 23 Nov) and three weeks earlier.
    await makeAccount(t.db, { createdAt: new Date('2026-11-23T08:00:00Z') });
    await makeAccount(t.db, { createdAt: new Date('2026-11-02T08:00:00Z'), status: 'stopped', stoppedAt: new Date('2026-11-03T08:00:00Z') });

    // Debt: one unpaid invoice counts; a paid one, one cancelled by a credit note and the
    // replacement of a paid invoice do not.
    const debtor = await makeAccount(t.db, { status: 'active', createdAt: new Date('2025-06-01T00:00:00Z') });
    const line = (cents: number) => [{ description: 'Team, monthly', quantity: 1, unitPriceCents: cents }];
    const docs = await t.db.transaction((tx) =>
      issueDocuments(tx, [
        { accountId: debtor.id, kind: 'invoice', reason: 'renewal', buyer, lines: line(1000), issuedAt: at },
        { accountId: debtor.id, kind: 'invoice', reason: 'renewal', buyer, lines: line(2000), issuedAt: at },
        { accountId: debtor.id, kind: 'invoice', reason: 'renewal', buyer, lines: line(4000), issuedAt: at },
      ]),
    );
    const [open, paid, cancelled] = docs;
    await t.db.insert(charges).values({ accountId: debtor.id, invoiceId: paid.id, attempt: 1, idempotencyKey: `k-${paid.id}`, amountCents: paid.grossCents, status: 'succeeded', createdAt: at });
    await t.db.transaction((tx) =>
      issueDocuments(tx, [
        { accountId: debtor.id, kind: 'credit_note', reason: 'correction', buyer, lines: line(-4000), issuedAt: at, relatedInvoiceId: cancelled.id },
        { accountId: debtor.id, kind: 'invoice', reason: 'correction', buyer, lines: line(2000), issuedAt: at, relatedInvoiceId: paid.id },
      ]),
    );

    const r = await getRevenueOverview(t.db, at);
    expect(r.byPlan.find((p) => p.planCode === 'team')).toMatchObject({ subscriptions: 2, mrrCents: 7000 });
    expect(r.byPlan.find((p) => p.planCode === 'business')).toMatchObject({ subscriptions: 1, mrrCents: 2900 });
    expect(r.byPlan.find((p) => p.planCode === 'free')).toMatchObject({ subscriptions: 0, mrrCents: 0 });
    expect(r.totalMrrCents).toBe(9900);
    expect(r.subscriptions).toEqual({ active: 2, trialing: 1, pastDue: 1, suspended: 1, lifetime: 0 });
    expect(r.weeks).toHaveLength(REVENUE_WEEKS);
    const thisWeek = r.weeks[r.weeks.length - 1];
    expect(thisWeek.weekStart.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(thisWeek).toMatchObject({ signups: 1, cancellations: 1 });
    expect(r.weeks[r.weeks.length - 4]).toMatchObject({ signups: 1, cancellations: 1 });
    expect(r.weeks.reduce((s, w) => s + w.signups, 0)).toBe(2);
    expect(r.openDebt).toEqual({ invoices: 1, grossCents: open.grossCents });
  });
});
