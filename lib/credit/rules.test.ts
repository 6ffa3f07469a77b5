import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anchoredPeriodEnd } from '@/lib/billing/periods';
import { cancellationFeePercent, cancellationFigures, grossOf, invoicesPaidFromCredit, netForGross, projectedCreditEnd, splitRemainder } from './rules';

const anchor = new Date('2027-01-10T09:00:00Z');
const day = (d: Date | null) => d?.toISOString().slice(0, 10);

describe('INV-7 prepaid credit rules', () => {
  test('INV-7 at constant seats, credit of 12 × the monthly price lasts 12 months', () => {
    const monthly = 1845;
    const r = projectedCreditEnd({ balanceCents: 12 * monthly, periodGrossCents: monthly, nextRenewalAt: new Date('2027-02-10T09:00:00Z'), anchor, interval: 'monthly' });
    expect(r.periods).toBe(12);
    expect(day(r.endsAt)).toBe('2028-02-10');
  });

  test('INV-7 at constant seats, 12 × the monthly price always covers exactly 12 renewals ending 12 anchored months after the next renewal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 1, max: 36 }), fc.integer({ min: 0, max: 60 }), (monthly, months, k) => {
        const nextRenewalAt = anchoredPeriodEnd(anchor, 'monthly', k + 1);
        const r = projectedCreditEnd({ balanceCents: months * monthly, periodGrossCents: monthly, nextRenewalAt, anchor, interval: 'monthly' });
        expect(r.periods).toBe(months);
        expect(r.endsAt?.getTime()).toBe(anchoredPeriodEnd(anchor, 'monthly', k + 1 + months).getTime());
      }),
    );
  });

  test('INV-7 the projected end date moves when seats change: more seats bring it forward, fewer push it out', () => {
    const nextRenewalAt = new Date('2027-02-10T09:00:00Z');
    const at = (seats: number) => projectedCreditEnd({ balanceCents: 12 * 2 * 1845, periodGrossCents: seats * 1845, nextRenewalAt, anchor, interval: 'monthly' });
    expect(day(at(2).endsAt)).toBe('2028-02-10');
    expect(day(at(3).endsAt)).toBe('2027-10-10');
    expect(day(at(1).endsAt)).toBe('2029-02-10');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 10_000_00 }), (a, b, balance) => {
        fc.pre(a < b);
        const ea = projectedCreditEnd({ balanceCents: balance, periodGrossCents: a * 1845, nextRenewalAt, anchor, interval: 'monthly' });
        const eb = projectedCreditEnd({ balanceCents: balance, periodGrossCents: b * 1845, nextRenewalAt, anchor, interval: 'monthly' });
        expect(eb.periods).toBeLessThanOrEqual(ea.periods);
        if (eb.endsAt) expect(eb.endsAt.getTime()).toBeLessThanOrEqual(ea.endsAt!.getTime());
      }),
    );
  });

  test('INV-7 a balance below one renewal invoice covers none (no end date)', () => {
    expect(projectedCreditEnd({ balanceCents: 1844, periodGrossCents: 1845, nextRenewalAt: anchor, anchor, interval: 'monthly' })).toEqual({ periods: 0, endsAt: null });
    expect(projectedCreditEnd({ balanceCents: 0, periodGrossCents: 1845, nextRenewalAt: anchor, anchor, interval: 'monthly' })).toEqual({ periods: 0, endsAt: null });
  });

  test('INV-7 credit pays only whole invoices: a partial balance leaves the invoice to the payment method and keeps the balance', () => {
    const invoices = [
      { id: 'a', accountId: 'A', grossCents: 1845 },
      { id: 'b', accountId: 'B', grossCents: 1845 },
      { id: 'c', accountId: 'C', grossCents: 3690 },
    ];
    const paid = invoicesPaidFromCredit(invoices, new Map([['A', 1845], ['B', 1000], ['C', 5000]]));
    expect(paid.map((p) => p.id)).toEqual(['a', 'c']);
  });
});

describe('INV-8 cancellation refund rules', () => {
  test('INV-8 the refund is the remainder × 50 % by default, rounded half up, and refund + fee = remainder', () => {
    expect(cancellationFeePercent({})).toBe(50);
    expect(splitRemainder(10_001, 50)).toEqual({ refundCents: 5001, feeCents: 5000 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 100 }), (remainder, fee) => {
        const s = splitRemainder(remainder, fee);
        expect(s.refundCents + s.feeCents).toBe(remainder);
        expect(Math.abs(s.refundCents * 100 - remainder * (100 - fee))).toBeLessThanOrEqual(50);
      }),
    );
  });

  test('INV-8 the cancellation fee is configurable (PREPAID_CREDIT_CANCELLATION_FEE_PERCENT) and a bad value is refused', () => {
    expect(cancellationFeePercent({ PREPAID_CREDIT_CANCELLATION_FEE_PERCENT: '30' })).toBe(30);
    expect(cancellationFeePercent({ PREPAID_CREDIT_CANCELLATION_FEE_PERCENT: '0' })).toBe(0);
    expect(() => cancellationFeePercent({ PREPAID_CREDIT_CANCELLATION_FEE_PERCENT: '120' })).toThrow(RangeError);
    expect(() => cancellationFeePercent({ PREPAID_CREDIT_CANCELLATION_FEE_PERCENT: 'half' })).toThrow(RangeError);
    expect(splitRemainder(20_000, 30)).toEqual({ refundCents: 14_000, feeCents: 6_000 });
  });

  test('INV-8 the credit note refunds at most the split, to the cent when the VAT rate allows it, and the figures add up', () => {
    expect(cancellationFigures(11_070, 50, 23)).toEqual({ remainderCents: 11_070, refundCents: 5535, feeCents: 5535, refundNetCents: 4500 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom(0, 19, 20, 21, 23, 25.5, 27), (remainder, fee, rate) => {
        const f = cancellationFigures(remainder, fee, rate);
        const split = splitRemainder(remainder, fee);
        expect(f.refundCents + f.feeCents).toBe(remainder);
        expect(f.refundCents).toBeLessThanOrEqual(split.refundCents);
        expect(split.refundCents - f.refundCents).toBeLessThanOrEqual(1);
        expect(grossOf(f.refundNetCents, rate)).toBe(f.refundCents);
        expect(netForGross(f.refundCents, rate)).toBe(f.refundNetCents);
      }),
    );
  });
});
