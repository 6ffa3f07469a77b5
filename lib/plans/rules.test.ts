import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { proratedUpgradeCents } from '@/lib/billing/periods';
import { chargeNowCents, isDowngrade, lostFeatures, periodPriceCents, planChange, seatsOverBy, type PlanRef, type Terms } from './rules';

const plan = (code: string, sortOrder: number, monthly: number, features: string[]): PlanRef => ({ id: `id-${code}`, code, name: code[0].toUpperCase() + code.slice(1), sortOrder, seatPriceMonthlyCents: monthly, seatPriceYearlyCents: monthly * 10, features });
const TEAM = plan('team', 1, 1500, ['Unlimited tickets', 'Live chat', 'Knowledge base', 'Email support']);
const BUSINESS = plan('business', 2, 2900, ['Everything in Team', 'Automation rules', 'Reports', 'Call center', 'Priority support']);
const ALL = plan('all', 3, 3900, ['Everything in Business', 'Social channels', 'SLA', 'Custom roles']);
const PLANS = [TEAM, BUSINESS, ALL];
const terms = (p: PlanRef, seats: number, interval: 'monthly' | 'yearly'): Terms => ({ plan: p, seats, interval });

const START = new Date('2026-03-15T09:00:00Z');
const END = new Date('2027-03-15T09:00:00Z');

describe('PLAN-1 upgrades apply at once', () => {
  test('PLAN-1 a higher plan and more seats apply at once, nothing is scheduled', () => {
    const c = planChange(terms(TEAM, 2, 'yearly'), terms(BUSINESS, 4, 'yearly'), false);
    expect(c).toMatchObject({ kind: 'upgrade', changesNow: true, scheduled: null });
    expect(c.now).toEqual(terms(BUSINESS, 4, 'yearly'));
  });

  test('PLAN-1 a mixed change applies its upgrade now and schedules the rest', () => {
    const c = planChange(terms(TEAM, 5, 'monthly'), terms(BUSINESS, 3, 'monthly'), false);
    expect(c.kind).toBe('mixed');
    expect(c.now).toEqual(terms(BUSINESS, 5, 'monthly'));
    expect(c.scheduled).toEqual(terms(BUSINESS, 3, 'monthly'));
  });

  test('PLAN-1 in a trial the whole change applies at once, downgrades included', () => {
    const c = planChange(terms(BUSINESS, 3, 'monthly'), terms(TEAM, 1, 'yearly'), true);
    expect(c).toMatchObject({ kind: 'downgrade', changesNow: true, scheduled: null });
    expect(c.now).toEqual(terms(TEAM, 1, 'yearly'));
  });
});

describe('PLAN-2 prorated yearly upgrade', () => {
  test('PLAN-2 a yearly upgrade halfway through the period costs half the difference', () => {
    const at = new Date((START.getTime() + END.getTime()) / 2);
    const net = chargeNowCents({ current: terms(TEAM, 2, 'yearly'), immediate: terms(BUSINESS, 2, 'yearly'), trialing: false, periodStart: START, periodEnd: END, at });
    expect(net).toBe((2 * 29000 - 2 * 15000) / 2);
  });

  test('PLAN-2 the charged amount equals the formula rounded to the cent and is never negative', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(TEAM, BUSINESS, ALL),
        fc.constantFrom(TEAM, BUSINESS, ALL),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: END.getTime() - START.getTime() }),
        (from, to, s1, s2, offset) => {
          const at = new Date(START.getTime() + offset);
          const current = terms(from, s1, 'yearly');
          const change = planChange(current, terms(to, s2, 'yearly'), false);
          const net = chargeNowCents({ current, immediate: change.now, trialing: false, periodStart: START, periodEnd: END, at });
          const diff = periodPriceCents(change.now) - periodPriceCents(current);
          const exact = (diff * (END.getTime() - at.getTime())) / (END.getTime() - START.getTime());
          expect(net).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(net)).toBe(true);
          expect(Math.abs(net - exact)).toBeLessThanOrEqual(0.5);
          expect(net).toBe(proratedUpgradeCents({ oldPeriodPriceCents: periodPriceCents(current), newPeriodPriceCents: periodPriceCents(change.now), periodStart: START, periodEnd: END, at }));
        },
      ),
    );
  });

  test('PLAN-2 a pure downgrade charges nothing now', () => {
    const current = terms(BUSINESS, 3, 'yearly');
    const c = planChange(current, terms(TEAM, 2, 'yearly'), false);
    expect(c.changesNow).toBe(false);
    expect(chargeNowCents({ current, immediate: c.now, trialing: false, periodStart: START, periodEnd: END, at: START })).toBe(0);
  });
});

describe('PLAN-3 monthly periods', () => {
  test('PLAN-3 a monthly upgrade applies now and charges nothing in the current month', () => {
    const current = terms(TEAM, 1, 'monthly');
    const c = planChange(current, terms(ALL, 3, 'monthly'), false);
    expect(c.changesNow).toBe(true);
    expect(chargeNowCents({ current, immediate: c.now, trialing: false, periodStart: START, periodEnd: new Date('2026-04-15T09:00:00Z'), at: START })).toBe(0);
  });

  test('PLAN-3 monthly to yearly waits for the next renewal', () => {
    const c = planChange(terms(TEAM, 2, 'monthly'), terms(TEAM, 2, 'yearly'), false);
    expect(c).toMatchObject({ changesNow: false, scheduled: terms(TEAM, 2, 'yearly') });
  });
});

describe('PLAN-4 downgrades', () => {
  test('PLAN-4 a lower plan, fewer seats or monthly instead of yearly is a downgrade scheduled for the renewal', () => {
    for (const target of [terms(TEAM, 3, 'yearly'), terms(BUSINESS, 2, 'yearly'), terms(BUSINESS, 3, 'monthly')]) {
      const current = terms(BUSINESS, 3, 'yearly');
      expect(isDowngrade(current, target)).toBe(true);
      const c = planChange(current, target, false);
      expect(c).toMatchObject({ kind: 'downgrade', changesNow: false, scheduled: target });
      expect(c.now).toEqual(current);
    }
  });

  test('PLAN-4 the features lost are those of the plans given up, without "Everything in" references', () => {
    expect(lostFeatures(ALL, TEAM, PLANS)).toEqual(['Automation rules', 'Reports', 'Call center', 'Priority support', 'Social channels', 'SLA', 'Custom roles']);
    expect(lostFeatures(BUSINESS, TEAM, PLANS)).toEqual(['Automation rules', 'Reports', 'Call center', 'Priority support']);
    expect(lostFeatures(TEAM, ALL, PLANS)).toEqual([]);
  });

  test('PLAN-4 seat holders above the new count must go first', () => {
    expect(seatsOverBy(5, 3)).toBe(2);
    expect(seatsOverBy(2, 3)).toBe(0);
  });
});
