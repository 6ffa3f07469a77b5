import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bratislavaDay } from '@/lib/billing/periods';
import { addCalendarDays, earliestEffectiveDate, effectiveDateRefusal, effectiveInstant, isCalendarDay, pricesInForce } from './rules';

const DAY_MS = 24 * 3600_000;

describe('PLAN-5 notice period', () => {
  test('PLAN-5 the earliest effective date is the Bratislava day 30 days after the announcement (day 30 counts)', () => {
    // 26 Nov 2026 18:33 in Bratislava.
    expect(earliestEffectiveDate(new Date('2026-11-26T17:33:00Z'))).toBe('2026-12-26');
    // 23:30 UTC on 26 Nov is already 27 Nov in Bratislava.
    expect(earliestEffectiveDate(new Date('2026-11-26T23:30:00Z'))).toBe('2026-12-27');
    // Across the end of February and a leap day.
    expect(earliestEffectiveDate(new Date('2028-02-01T10:00:00Z'))).toBe('2028-03-02');
    expect(effectiveDateRefusal('2026-12-25', new Date('2026-11-26T17:33:00Z'))).toEqual({ earliest: '2026-12-26' });
    expect(effectiveDateRefusal('2026-12-26', new Date('2026-11-26T17:33:00Z'))).toBeNull();
  });

  test('PLAN-5 a change takes effect at 00:00 Bratislava time on its day (winter and summer time)', () => {
    expect(effectiveInstant('2027-01-05').toISOString()).toBe('2027-01-04T23:00:00.000Z');
    expect(effectiveInstant('2027-07-05').toISOString()).toBe('2027-07-04T22:00:00.000Z');
  });

  test('PLAN-5 boundary: day 30 after the announcement is accepted, day 29 refused with day 30 named, at any hour of any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2031, 11, 31) }), (ms) => {
        const at = new Date(ms);
        const announced = bratislavaDay(at);
        const day30 = addCalendarDays(announced, 30);
        const day29 = addCalendarDays(announced, 29);
        expect(effectiveDateRefusal(day30, at)).toBeNull();
        expect(effectiveDateRefusal(addCalendarDays(announced, 31 + (ms % 400)), at)).toBeNull();
        expect(effectiveDateRefusal(day29, at)).toEqual({ earliest: day30 });
        // The new price never starts before 29 whole days have passed (the announcement's own day is day 0).
        expect(effectiveInstant(day30).getTime() - at.getTime()).toBeGreaterThan(29 * DAY_MS - 2 * 3600_000);
        expect(bratislavaDay(effectiveInstant(day30))).toBe(day30);
      }),
    );
  });

  test('PLAN-5 only real calendar days are effective dates', () => {
    expect(isCalendarDay('2027-02-28')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('27-02-2027')).toBe(false);
  });
});

describe('PLAN-5 the price in force', () => {
  const change = (effective: string, old: number, neu: number, withdrawn = false) => ({
    effectiveAt: new Date(effective),
    oldMonthlyCents: old,
    oldYearlyCents: old * 10,
    newMonthlyCents: neu,
    newYearlyCents: neu * 10,
    withdrawnAt: withdrawn ? new Date('2027-01-01T00:00:00Z') : null,
  });
  const current = { monthlyCents: 1500, yearlyCents: 15000 };

  test('PLAN-5 a period starting on or after the effective instant gets the new price, one starting before it the old', () => {
    const c = change('2027-01-04T23:00:00Z', 1500, 1700);
    expect(pricesInForce(current, [c], new Date('2027-01-04T22:59:59Z'))).toEqual({ monthlyCents: 1500, yearlyCents: 15000 });
    expect(pricesInForce(current, [c], new Date('2027-01-04T23:00:00Z'))).toEqual({ monthlyCents: 1700, yearlyCents: 17000 });
    // Applied already (the plan holds the new price): a period that started before still gets the old one.
    expect(pricesInForce({ monthlyCents: 1700, yearlyCents: 17000 }, [c], new Date('2027-01-01T09:00:00Z'))).toEqual({ monthlyCents: 1500, yearlyCents: 15000 });
  });

  test('PLAN-5 a withdrawn change never prices anything; successive changes each hold from their own date', () => {
    expect(pricesInForce(current, [change('2027-01-04T23:00:00Z', 1500, 1700, true)], new Date('2027-03-01T00:00:00Z'))).toEqual(current);
    const changes = [change('2027-06-01T00:00:00Z', 1700, 1900), change('2027-01-04T23:00:00Z', 1500, 1700)];
    expect(pricesInForce({ monthlyCents: 1900, yearlyCents: 19000 }, changes, new Date('2027-03-01T00:00:00Z')).monthlyCents).toBe(1700);
    expect(pricesInForce({ monthlyCents: 1900, yearlyCents: 19000 }, changes, new Date('2027-06-01T00:00:00Z')).monthlyCents).toBe(1900);
    expect(pricesInForce({ monthlyCents: 1900, yearlyCents: 19000 }, changes, new Date('2026-12-01T00:00:00Z')).monthlyCents).toBe(1500);
  });
});
