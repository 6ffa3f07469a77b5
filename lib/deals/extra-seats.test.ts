import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extraSeatLines, monthBounds, monthsToSettle, previousMonth, type SeatInterval } from './extra-seats';

const PRICE = 3900;
const at = (iso: string) => new Date(iso);
const owner: SeatInterval = { userId: 'owner', start: at('2019-06-01T10:00:00Z'), end: null };
const second: SeatInterval = { userId: 'second', start: at('2019-06-02T10:00:00Z'), end: null };

describe('APS-7 extra users are billed per day in arrears', () => {
  test('APS-6 the owner plus one more user are free', () => {
    expect(extraSeatLines({ month: '2026-11', intervals: [owner, second], freeSeats: 2, pricePerMonthCents: PRICE })).toEqual([]);
  });

  test('APS-7 an extra user for the whole month costs the full €39', () => {
    const third = { userId: 'third', start: at('2026-10-15T08:00:00Z'), end: null };
    const [line] = extraSeatLines({ month: '2026-11', intervals: [owner, second, third], freeSeats: 2, pricePerMonthCents: PRICE });
    expect(line).toMatchObject({ userId: 'third', firstDay: '2026-11-01', lastDay: '2026-11-30', amountCents: 3900 });
    expect(line.days).toHaveLength(30);
  });

  test('APS-7 added and removed on the same day is one day', () => {
    const third = { userId: 'third', start: at('2026-11-10T08:00:00Z'), end: at('2026-11-10T09:00:00Z') };
    const [line] = extraSeatLines({ month: '2026-11', intervals: [owner, second, third], freeSeats: 2, pricePerMonthCents: PRICE });
    expect(line.days).toEqual(['2026-11-10']);
    expect(line.amountCents).toBe(130); // 3900 × 1 / 30
  });

  test('APS-7 days follow the Bratislava calendar: 23:30 UTC on 31 Oct is already 1 Nov', () => {
    const third = { userId: 'third', start: at('2026-10-31T23:30:00Z'), end: at('2026-11-01T10:00:00Z') };
    const [line] = extraSeatLines({ month: '2026-11', intervals: [owner, second, third], freeSeats: 2, pricePerMonthCents: PRICE });
    expect(line.days).toEqual(['2026-11-01']);
    expect(extraSeatLines({ month: '2026-10', intervals: [owner, second, third], freeSeats: 2, pricePerMonthCents: PRICE })).toEqual([]);
  });

  test('APS-7 a leap February has 29 days and a DST month counts calendar days, not 24-hour blocks', () => {
    const third = { userId: 'third', start: at('2023-01-01T00:00:00Z'), end: null };
    const feb = extraSeatLines({ month: '2028-02', intervals: [owner, second, third], freeSeats: 2, pricePerMonthCents: PRICE });
    expect(feb[0].days).toHaveLength(29);
    expect(feb[0].amountCents).toBe(3900);
    for (const month of ['2026-03', '2026-10']) {
      const [line] = extraSeatLines({ month, intervals: [owner, second, third], freeSeats: 2, pricePerMonthCents: PRICE });
      expect(line.days).toHaveLength(31);
      expect(line.amountCents).toBe(3900);
    }
    // Removed at the very start of 29 March 2026 (the DST night): it used 1–28 March.
    const removed = { userId: 'third', start: at('2026-02-01T00:00:00Z'), end: at('2026-03-28T23:00:00Z') };
    const [march] = extraSeatLines({ month: '2026-03', intervals: [owner, second, removed], freeSeats: 2, pricePerMonthCents: PRICE });
    expect(march.lastDay).toBe('2026-03-28');
    expect(march.amountCents).toBe(3523); // 3900 × 28 / 31 = 3522.58
  });

  test('APS-7 a user removed and re-added pays each day once', () => {
    const stints: SeatInterval[] = [
      { userId: 'third', start: at('2026-11-03T08:00:00Z'), end: at('2026-11-05T08:00:00Z') },
      { userId: 'third', start: at('2026-11-05T15:00:00Z'), end: at('2026-11-07T08:00:00Z') },
    ];
    const [line] = extraSeatLines({ month: '2026-11', intervals: [owner, second, ...stints], freeSeats: 2, pricePerMonthCents: PRICE });
    expect(line.days).toEqual(['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07']);
  });

  test('APS-7 when a free user leaves, the next user takes the free seat from that day', () => {
    const leaves = { userId: 'second', start: second.start, end: at('2026-11-11T09:00:00Z') };
    const third = { userId: 'third', start: at('2026-10-01T08:00:00Z'), end: null };
    const [line] = extraSeatLines({ month: '2026-11', intervals: [owner, leaves, third], freeSeats: 2, pricePerMonthCents: PRICE });
    expect(line).toMatchObject({ userId: 'third', firstDay: '2026-11-01', lastDay: '2026-11-11' });
  });

  test('APS-7 property: each day bills exactly the users above the free seats, each line rounds once', () => {
    const day = 86_400_000;
    const { start: monthStart, daysInMonth } = monthBounds('2026-10');
    const interval = fc.record({
      user: fc.integer({ min: 0, max: 5 }),
      from: fc.integer({ min: -40, max: 40 }),
      len: fc.integer({ min: 0, max: 40 }),
      open: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), fc.integer({ min: 1, max: 3 }), (raw, freeSeats) => {
        const intervals: SeatInterval[] = raw.map((r) => {
          const start = new Date(monthStart.getTime() + r.from * day + 3_600_000);
          return { userId: `u${r.user}`, start, end: r.open ? null : new Date(start.getTime() + r.len * day) };
        });
        const lines = extraSeatLines({ month: '2026-10', intervals, freeSeats, pricePerMonthCents: PRICE });
        for (const l of lines) {
          expect(new Set(l.days).size).toBe(l.days.length);
          expect(l.days.length).toBeLessThanOrEqual(daysInMonth);
          expect(l.amountCents).toBe(Math.floor((PRICE * l.days.length) / daysInMonth + 0.5));
        }
        // Per day: billed users = max(0, users present − free seats).
        const all = extraSeatLines({ month: '2026-10', intervals, freeSeats: 0, pricePerMonthCents: PRICE });
        const count = (ls: typeof lines, d: string) => ls.filter((l) => l.days.includes(d)).length;
        for (let i = 1; i <= daysInMonth; i++) {
          const d = `2026-10-${String(i).padStart(2, '0')}`;
          expect(count(lines, d)).toBe(Math.max(0, count(all, d) - freeSeats));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('APS-7 the sweep on the 1st bills the month before, on the Bratislava calendar', () => {
    expect(previousMonth(at('2026-12-01T00:30:00+01:00'))).toBe('2026-11');
    expect(previousMonth(at('2026-11-30T23:30:00Z'))).toBe('2026-11'); // already 1 Dec in Bratislava
    expect(previousMonth(at('2027-01-01T08:00:00Z'))).toBe('2026-12');
  });
});

test('APS-7 the months still owed run from the month after the last settled one (or the account’s first month) to the month billed', () => {
  expect(monthsToSettle('2026-09', new Date('2026-01-10T10:00:00Z'), '2026-11')).toEqual(['2026-10', '2026-11']);
  expect(monthsToSettle(null, new Date('2026-10-31T23:30:00Z'), '2026-11')).toEqual(['2026-11']); // 1 Nov in Bratislava
  expect(monthsToSettle('2026-11', new Date('2026-01-10T10:00:00Z'), '2026-11')).toEqual([]);
  expect(monthsToSettle('2025-11', new Date('2025-01-10T10:00:00Z'), '2026-02')).toEqual(['2025-12', '2026-01', '2026-02']);
});
