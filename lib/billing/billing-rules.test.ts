import { TZDate } from '@date-fns/tz';
import { addMonths, addYears } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { correctionAllowed } from '@/lib/invoices/correction';
import { documentYear, formatDocumentNumber } from '@/lib/invoices/numbering';
import { lineVat, mulDivRoundHalfUp, priceLines } from './money';
import { anchoredPeriodEnd, nextDunningAttempt, nextPeriodEnd, proratedUpgradeCents, trialDaysLeft, trialEndsAt } from './periods';

describe('money', () => {
  test('VAT per line is rounded half up, once', () => {
    expect(lineVat(3900, 23)).toBe(897);
    expect(lineVat(50, 21)).toBe(11); // 10.5 → 11
    expect(lineVat(10, 25.5)).toBe(3); // 2.55 → 3
    expect(lineVat(3900, 0)).toBe(0);
  });

  test('mulDivRoundHalfUp matches exact rational rounding (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 400_000_000 }), fc.integer({ min: 1, max: 400_000_000 }), (a, b, c) => {
        const exact = (BigInt(a) * BigInt(b) * 2n + BigInt(c)) / (2n * BigInt(c));
        return BigInt(mulDivRoundHalfUp(a, b, c)) === exact;
      }),
    );
  });

  test('invoice totals are the sums of their lines (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ description: fc.string(), quantity: fc.integer({ min: 1, max: 500 }), unitPriceCents: fc.integer({ min: 0, max: 1_000_000 }) }), { maxLength: 10 }),
        fc.constantFrom(0, 17, 19, 20, 21, 23, 25.5, 27),
        (lines, rate) => {
          const p = priceLines(lines, rate);
          return p.grossCents === p.netCents + p.vatCents && p.lines.every((l) => Number.isInteger(l.vatCents) && l.vatCents >= 0);
        },
      ),
    );
  });
});

describe('trial and periods', () => {
  test('PAY-1 the trial lasts 14 Bratislava calendar days from signup', () => {
    // Signed up 25 Nov 2026 at 23:30 Bratislava (22:30 UTC): the trial ends at midnight starting 9 Dec.
    const end = trialEndsAt(new Date('2026-11-25T22:30:00Z'));
    expect(end.toISOString()).toBe('2026-12-08T23:00:00.000Z');
    expect(trialDaysLeft(end, new Date('2026-11-25T22:30:00Z'))).toBe(14);
    expect(trialDaysLeft(end, new Date('2026-12-08T12:00:00Z'))).toBe(1);
    expect(trialDaysLeft(end, end)).toBe(0);
  });

  test('PAY-1 the trial covers 14 Bratislava calendar days, the signup day first, across daylight-saving changes (property)', () => {
    const local = (d: Date) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bratislava', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), (d) => {
        const end = trialEndsAt(d);
        const signupDay = local(d).slice(0, 10);
        const expectedEndDay = new Date(Date.UTC(+signupDay.slice(0, 4), +signupDay.slice(5, 7) - 1, +signupDay.slice(8, 10) + 14)).toISOString().slice(0, 10);
        return local(end) === `${expectedEndDay}, 00:00` && trialDaysLeft(end, d) === 14;
      }),
      { numRuns: 500 },
    );
  });

  test('PAY-4 monthly and yearly periods follow the calendar', () => {
    expect(nextPeriodEnd(new Date('2026-01-31T10:00:00Z'), new Date('2026-01-31T10:00:00Z'), 'monthly').toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(nextPeriodEnd(new Date('2026-03-15T10:00:00Z'), new Date('2026-03-15T10:00:00Z'), 'yearly').toISOString()).toBe('2027-03-15T10:00:00.000Z');
  });

  test('PAY-4 a period ends at the same Bratislava time a calendar month or year later, as date-fns computes it, across DST (property)', () => {
    const reference = (start: Date, interval: 'monthly' | 'yearly') => {
      const z = new TZDate(start.getTime(), 'Europe/Bratislava');
      return new Date((interval === 'monthly' ? addMonths(z, 1) : addYears(z, 1)).getTime());
    };
    // Any instant, and instants in the small hours of the DST switch days and the month before them.
    const anyInstant = fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true });
    const nearSwitch = fc
      .record({
        year: fc.integer({ min: 2019, max: 2040 }),
        switchMonth: fc.constantFrom(2, 9), // March, October (0-based), last Sunday
        monthsBefore: fc.constantFrom(0, 1, 12),
        minutes: fc.integer({ min: -180, max: 240 }),
      })
      .map(({ year, switchMonth, monthsBefore, minutes }) => {
        const lastDay = new Date(Date.UTC(year, switchMonth + 1, 0));
        const lastSunday = lastDay.getUTCDate() - lastDay.getUTCDay();
        return new Date(Date.UTC(year, switchMonth - monthsBefore, lastSunday, 1, minutes));
      });
    fc.assert(
      fc.property(fc.oneof(anyInstant, nearSwitch), fc.constantFrom('monthly' as const, 'yearly' as const), (start, interval) => {
        expect(anchoredPeriodEnd(start, interval, 1).toISOString()).toBe(reference(start, interval).toISOString());
      }),
      { numRuns: 5000 },
    );
  });

  /** The chain of period ends the renewal sweep produces: each period starts where the last ended. */
  const renewalChain = (start: Date, interval: 'monthly' | 'yearly', periods: number) => {
    const ends: Date[] = [];
    let periodStart = start;
    for (let k = 1; k <= periods; k++) {
      periodStart = nextPeriodEnd(start, periodStart, interval);
      ends.push(periodStart);
    }
    return ends;
  };
  /** Bratislava wall clock, as the owner reads it on the invoice. */
  const wall = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bratislava', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);

  test('PAY-4 a monthly subscription started on 31 January renews on the last day of shorter months and returns to the 31st', () => {
    const start = new Date('2027-01-31T09:00:00Z'); // 10:00 in Bratislava
    expect(renewalChain(start, 'monthly', 6).map(wall)).toEqual([
      '2027-02-28, 10:00',
      '2027-03-31, 10:00',
      '2027-04-30, 10:00',
      '2027-05-31, 10:00',
      '2027-06-30, 10:00',
      '2027-07-31, 10:00',
    ]);
    expect(renewalChain(new Date('2028-01-31T09:00:00Z'), 'monthly', 2).map(wall)).toEqual(['2028-02-29, 10:00', '2028-03-31, 10:00']);
    expect(renewalChain(new Date('2027-01-30T09:00:00Z'), 'monthly', 2).map(wall)).toEqual(['2027-02-28, 10:00', '2027-03-30, 10:00']);
  });

  test('PAY-4 a yearly subscription started on 29 February renews on 28 February, and on 29 February in leap years', () => {
    const start = new Date('2028-02-29T09:00:00Z');
    expect(renewalChain(start, 'yearly', 4).map(wall)).toEqual(['2029-02-28, 10:00', '2030-02-28, 10:00', '2031-02-28, 10:00', '2032-02-29, 10:00']);
  });

  test('PAY-4 the k-th renewal is the start plus k months (or years), clamped, on the Bratislava wall clock, as date-fns computes it (property)', () => {
    const reference = (start: Date, interval: 'monthly' | 'yearly', k: number) => {
      const z = new TZDate(start.getTime(), 'Europe/Bratislava');
      return new Date((interval === 'monthly' ? addMonths(z, k) : addYears(z, k)).getTime()).toISOString();
    };
    // Any instant from 2024 to 2030, plus month ends (the clamped days), at any time of day.
    const anyInstant = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true });
    const monthEnd = fc
      .record({ year: fc.integer({ min: 2024, max: 2030 }), month: fc.integer({ min: 0, max: 11 }), back: fc.integer({ min: 0, max: 3 }), minute: fc.integer({ min: 0, max: 24 * 60 - 1 }) })
      .map(({ year, month, back, minute }) => new Date(Date.UTC(year, month + 1, -back, 0, minute)));
    fc.assert(
      fc.property(fc.oneof(anyInstant, monthEnd), fc.constantFrom('monthly' as const, 'yearly' as const), fc.integer({ min: 1, max: 36 }), (start, interval, periods) => {
        const chain = renewalChain(start, interval, periods);
        chain.forEach((end, i) => expect(end.toISOString()).toBe(reference(start, interval, i + 1)));
        expect(anchoredPeriodEnd(start, interval, periods).toISOString()).toBe(reference(start, interval, periods));
      }),
      { numRuns: 2000 },
    );
  });

  test('PAY-4 a period start off the anchor chain (a drifted 28th) lands back on the anchor day instead of a period of a few days', () => {
    const anchor = new Date('2027-01-31T09:00:00Z');
    expect(wall(nextPeriodEnd(anchor, new Date('2027-04-28T08:00:00Z'), 'monthly'))).toBe('2027-05-31, 10:00');
  });

  test('PAY-8 a failed renewal is retried on days 1, 3 and 5, then stops', () => {
    const first = new Date('2026-11-25T08:00:00Z');
    expect(nextDunningAttempt(first, 1)?.toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(nextDunningAttempt(first, 2)?.toISOString()).toBe('2026-11-28T08:00:00.000Z');
    expect(nextDunningAttempt(first, 3)?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(nextDunningAttempt(first, 4)).toBeNull();
  });

  test('PLAN-2 a yearly upgrade is charged for the remaining time, rounded to the cent', () => {
    const periodStart = new Date('2026-01-01T00:00:00Z');
    const end = new Date('2027-01-01T00:00:00Z');
    // Half a year left (182.5 of 365 days): (78000 − 39000) × 0.5 = 19500.
    const half = new Date(periodStart.getTime() + 182.5 * 86_400_000);
    expect(proratedUpgradeCents({ oldPeriodPriceCents: 39000, newPeriodPriceCents: 78000, periodStart, periodEnd: end, at: half })).toBe(19500);
    expect(proratedUpgradeCents({ oldPeriodPriceCents: 78000, newPeriodPriceCents: 39000, periodStart, periodEnd: end, at: half })).toBe(0);
  });

  test('PLAN-2 the prorated charge never exceeds the price difference and shrinks over time (property)', () => {
    const periodStart = new Date('2026-01-01T00:00:00Z');
    const end = new Date('2027-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 365 * 86_400_000 }), fc.integer({ min: 0, max: 365 * 86_400_000 }), (a, b, t1, t2) => {
        const [old, next] = [Math.min(a, b), Math.max(a, b)];
        const at1 = new Date(periodStart.getTime() + Math.min(t1, t2));
        const at2 = new Date(periodStart.getTime() + Math.max(t1, t2));
        const c1 = proratedUpgradeCents({ oldPeriodPriceCents: old, newPeriodPriceCents: next, periodStart, periodEnd: end, at: at1 });
        const c2 = proratedUpgradeCents({ oldPeriodPriceCents: old, newPeriodPriceCents: next, periodStart, periodEnd: end, at: at2 });
        return c1 >= 0 && c1 <= next - old && c2 <= c1;
      }),
    );
  });
});

describe('invoice numbers and corrections', () => {
  test('INV-1 numbers look like INV-2026-000001 and count per Bratislava calendar year', () => {
    expect(formatDocumentNumber('INV', 2026, 1)).toBe('INV-2026-000001');
    expect(formatDocumentNumber('CN', 2026, 42)).toBe('CN-2026-000042');
    expect(documentYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(() => formatDocumentNumber('INV', 2026, 0)).toThrow();
  });

  test('INV-6 a correction is allowed up to 15 Bratislava calendar days after the issue date', () => {
    const issued = new Date('2026-11-01T09:00:00Z');
    expect(correctionAllowed(issued, new Date('2026-11-16T22:00:00Z'))).toBe(true); // 16 Nov, 23:00 local
    expect(correctionAllowed(issued, new Date('2026-11-16T23:30:00Z'))).toBe(false); // already 17 Nov
  });
});
