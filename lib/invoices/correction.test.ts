import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bratislavaDay } from '@/lib/billing/periods';
import { formatDate } from '@/lib/format';
import { correctionAllowed, correctionDeadline } from './correction';

/** A YYYY-MM-DD calendar day moved by `days`, independent of any time zone. */
function plusDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

describe('correction deadline', () => {
  test('INV-6 the deadline shown is the 15th Bratislava calendar day after the issue date, across daylight-saving changes', () => {
    // Issued 16 Oct 2026 at 00:30 Bratislava; summer time ends on 25 Oct inside the window.
    expect(formatDate(correctionDeadline(new Date('2026-10-15T22:30:00Z')))).toBe('31 Oct 2026');
    // Issued 28 Mar 2026 at 23:30 Bratislava; summer time starts on 29 Mar inside the window.
    expect(formatDate(correctionDeadline(new Date('2026-03-28T22:30:00Z')))).toBe('12 Apr 2026');
  });

  test('INV-6 the deadline day is exactly the last day on which a correction is allowed (property)', () => {
    // Issue instants around Bratislava midnight (21:00–24:00 UTC), where a day-length change matters.
    const firstDay = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 * 366 }), fc.integer({ min: 21 * 60, max: 24 * 60 - 1 }), (day, minute) => {
        const issued = new Date(firstDay + day * 86_400_000 + minute * 60_000);
        const deadline = correctionDeadline(issued);
        return bratislavaDay(deadline) === plusDays(bratislavaDay(issued), 15) && correctionAllowed(issued, deadline);
      }),
      { numRuns: 3000 },
    );
  });
});
