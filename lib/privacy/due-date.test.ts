import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TIME_ZONE } from '@/lib/clock';
import { gdprDueDate, isOverdue } from './due-date';

/** A Bratislava wall-clock moment. */
const bt = (y: number, m: number, d: number, hh = 12, mm = 0) => new Date(new TZDate(y, m - 1, d, hh, mm, TIME_ZONE).getTime());
const local = (d: Date) => new TZDate(d.getTime(), TIME_ZONE);
const ymd = (d: Date) => {
  const l = local(d);
  return `${l.getFullYear()}-${String(l.getMonth() + 1).padStart(2, '0')}-${String(l.getDate()).padStart(2, '0')}`;
};

// Any moment in 2000..2100.
const moment = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
const extension = fc.integer({ min: 0, max: 2 });

describe('GDPR-5 due date', () => {
  test('GDPR-5 the due date of a request received on 31 January is 28 February (29 in a leap year)', () => {
    expect(ymd(gdprDueDate(bt(2026, 1, 31), 0))).toBe('2026-02-28');
    expect(ymd(gdprDueDate(bt(2028, 1, 31), 0))).toBe('2028-02-29');
  });

  test('GDPR-5 31 March plus one month of extension is due on 31 May; without it on 30 April', () => {
    expect(ymd(gdprDueDate(bt(2026, 3, 31), 0))).toBe('2026-04-30');
    expect(ymd(gdprDueDate(bt(2026, 3, 31), 1))).toBe('2026-05-31');
    expect(ymd(gdprDueDate(bt(2026, 3, 31), 2))).toBe('2026-06-30');
  });

  test('GDPR-5 a request received on 15 November is due at the end of 15 December, Bratislava time', () => {
    const due = gdprDueDate(bt(2026, 11, 15, 9, 30), 0);
    expect(due.toISOString()).toBe('2026-12-15T22:59:59.999Z');
  });

  test('GDPR-5 the received date is the Bratislava date: 23:30 UTC on 31 January is 1 February there', () => {
    expect(ymd(gdprDueDate(new Date('2026-01-31T23:30:00Z'), 0))).toBe('2026-03-01');
  });

  test('GDPR-5 an extension beyond two months or a part of a month is refused', () => {
    expect(() => gdprDueDate(bt(2026, 1, 1), 3)).toThrow(RangeError);
    expect(() => gdprDueDate(bt(2026, 1, 1), -1)).toThrow(RangeError);
    expect(() => gdprDueDate(bt(2026, 1, 1), 1.5)).toThrow(RangeError);
  });

  test('GDPR-5 property: later receipt or more extension never gives an earlier due date', () => {
    fc.assert(
      fc.property(moment, moment, extension, extension, (a, b, ea, eb) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        const [e1, e2] = ea <= eb ? [ea, eb] : [eb, ea];
        expect(gdprDueDate(x, e1).getTime()).toBeLessThanOrEqual(gdprDueDate(y, e2).getTime());
      }),
    );
  });

  test('GDPR-5 property: the due date is 28..31 calendar days after receipt, 89..92 with two months of extension', () => {
    fc.assert(
      fc.property(moment, (at) => {
        const one = differenceInCalendarDays(local(gdprDueDate(at, 0)), local(at));
        expect(one).toBeGreaterThanOrEqual(28);
        expect(one).toBeLessThanOrEqual(31);
        const three = differenceInCalendarDays(local(gdprDueDate(at, 2)), local(at));
        expect(three).toBeGreaterThanOrEqual(89);
        expect(three).toBeLessThanOrEqual(92);
        expect(gdprDueDate(at, 0).getTime()).toBeGreaterThan(at.getTime());
      }),
    );
  });

  test('GDPR-5 property: the day of the month is kept when the due month has it, else the month’s last day', () => {
    fc.assert(
      fc.property(moment, extension, (at, ext) => {
        const r = local(at);
        const d = local(gdprDueDate(at, ext));
        const monthsApart = (d.getFullYear() - r.getFullYear()) * 12 + d.getMonth() - r.getMonth();
        expect(monthsApart).toBe(1 + ext);
        const lastDay = new TZDate(d.getFullYear(), d.getMonth() + 1, 0, TIME_ZONE).getDate();
        expect(d.getDate()).toBe(Math.min(r.getDate(), lastDay));
      }),
    );
  });

  test('GDPR-5 property: DST-safe, the due moment is always 23:59:59.999 in Bratislava', () => {
    fc.assert(
      fc.property(moment, extension, (at, ext) => {
        const d = local(gdprDueDate(at, ext));
        expect([d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()]).toEqual([23, 59, 59, 999]);
        // One millisecond later is the next Bratislava day.
        expect(ymd(new Date(gdprDueDate(at, ext).getTime() + 1))).not.toBe(ymd(gdprDueDate(at, ext)));
      }),
    );
  });

  test('GDPR-5 a request is overdue only after its due moment and only while open', () => {
    const dueAt = gdprDueDate(bt(2026, 1, 10), 0);
    expect(isOverdue({ dueAt, status: 'in_progress' }, dueAt)).toBe(false);
    expect(isOverdue({ dueAt, status: 'in_progress' }, new Date(dueAt.getTime() + 1))).toBe(true);
    expect(isOverdue({ dueAt, status: 'received' }, new Date(dueAt.getTime() + 1))).toBe(true);
    expect(isOverdue({ dueAt, status: 'completed' }, new Date(dueAt.getTime() + 1))).toBe(false);
    expect(isOverdue({ dueAt, status: 'refused' }, new Date(dueAt.getTime() + 1))).toBe(false);
  });
});
