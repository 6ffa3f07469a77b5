import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bannerWindows, scheduleRefusal, windowState } from './rules';

const w = (startsAt: string, endsAt: string, cancelledAt: string | null = null) => ({
  id: startsAt,
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  cancelledAt: cancelledAt ? new Date(cancelledAt) : null,
});

describe('OPS-1 planned maintenance', () => {
  const window = w('2026-12-10T22:00:00Z', '2026-12-11T01:00:00Z');

  test('OPS-1 the portal banner shows from 7 days before the start until the end', () => {
    expect(bannerWindows([window], new Date('2026-12-03T21:59:59Z'))).toEqual([]);
    expect(bannerWindows([window], new Date('2026-12-03T22:00:00Z'))).toEqual([window]);
    expect(bannerWindows([window], new Date('2026-12-11T00:59:59Z'))).toEqual([window]);
    expect(bannerWindows([window], new Date('2026-12-11T01:00:00Z'))).toEqual([]);
  });

  test('OPS-1 a called-off window shows no banner and is listed as called off', () => {
    const cancelled = w('2026-12-10T22:00:00Z', '2026-12-11T01:00:00Z', '2026-12-05T10:00:00Z');
    expect(bannerWindows([cancelled], new Date('2026-12-10T23:00:00Z'))).toEqual([]);
    expect(windowState(cancelled, new Date('2026-12-10T23:00:00Z'))).toBe('cancelled');
  });

  test('OPS-1 a window is planned, under way, then finished', () => {
    expect(windowState(window, new Date('2026-12-10T21:59:00Z'))).toBe('upcoming');
    expect(windowState(window, new Date('2026-12-10T22:00:00Z'))).toBe('in_progress');
    expect(windowState(window, new Date('2026-12-11T01:00:00Z'))).toBe('past');
  });

  test('OPS-1 the banner lists exactly the windows whose start is at most 7 days away and that have not ended, soonest first', () => {
    const day = 24 * 3600_000;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -20 * day, max: 20 * day }), fc.integer({ min: 60_000, max: 3 * day })), { maxLength: 8 }), (spans) => {
        const at = new Date('2026-06-01T12:00:00Z');
        const windows = spans.map(([offset, length], i) => ({ id: String(i), startsAt: new Date(at.getTime() + offset), endsAt: new Date(at.getTime() + offset + length), cancelledAt: null }));
        const shown = bannerWindows(windows, at);
        for (const x of windows) expect(shown.includes(x)).toBe(x.startsAt.getTime() - at.getTime() <= 7 * day && x.endsAt > at);
        for (let i = 1; i < shown.length; i++) expect(shown[i - 1].startsAt <= shown[i].startsAt).toBe(true);
      }),
    );
  });

  test('OPS-1 a window must end after it starts, end in the future and last at most 7 days', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    expect(scheduleRefusal(new Date('2026-12-10T22:00:00Z'), new Date('2026-12-10T21:00:00Z'), at)).toBe('ends_before_start');
    expect(scheduleRefusal(new Date('2026-11-10T22:00:00Z'), new Date('2026-11-10T23:00:00Z'), at)).toBe('in_the_past');
    expect(scheduleRefusal(new Date('2026-12-10T22:00:00Z'), new Date('2026-12-18T22:00:01Z'), at)).toBe('too_long');
    expect(scheduleRefusal(new Date('2026-12-10T22:00:00Z'), new Date('2026-12-11T01:00:00Z'), at)).toBeNull();
  });
});
