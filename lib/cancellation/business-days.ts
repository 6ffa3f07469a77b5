// CAN-2: a cancellation received by email is carried out within one Slovak business day: Monday
// to Friday, except the days of rest (dni pracovného pokoja) of Act No. 241/1993 Coll. on state
// holidays, days of rest and memorial days, as amended. Pure; dates are Bratislava calendar days.
//
// The table changes by law, so each change is listed with the years it applies to and its source:
// - 1 September (Constitution Day) stays a state holiday but is no day of rest from 2024
//   (consolidation amendment of 2023, in force 1 January 2024).
// - 17 November (Struggle for Freedom and Democracy Day) is no day of rest from 2025 on, and
//   8 May (Victory over Fascism) and 15 September (Our Lady of the Seven Sorrows) are none in 2026
//   (consolidation amendment in force 1 November 2025).
// Review this table when the law changes; the tests list every day of rest of 2026 and 2027.
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { bratislavaDay } from '@/lib/billing/periods';
import { TIME_ZONE } from '@/lib/clock';

interface RestDay {
  /** MM-DD */
  date: string;
  name: string;
  /** Years it is a day of rest in (inclusive); open ends are unbounded. */
  from?: number;
  until?: number;
  /** Single years it is not a day of rest in. */
  except?: number[];
}

export const SLOVAK_REST_DAYS: RestDay[] = [
  { date: '01-01', name: 'Day of the Establishment of the Slovak Republic' },
  { date: '01-06', name: 'Epiphany' },
  { date: '05-01', name: 'Labour Day' },
  { date: '05-08', name: 'Day of Victory over Fascism', except: [2026] },
  { date: '07-05', name: 'Saints Cyril and Methodius Day' },
  { date: '08-29', name: 'Slovak National Uprising anniversary' },
  { date: '09-01', name: 'Constitution Day', until: 2023 },
  { date: '09-15', name: 'Our Lady of the Seven Sorrows', except: [2026] },
  { date: '11-01', name: "All Saints' Day" },
  { date: '11-17', name: 'Struggle for Freedom and Democracy Day', until: 2024 },
  { date: '12-24', name: 'Christmas Eve' },
  { date: '12-25', name: 'Christmas Day' },
  { date: '12-26', name: "St Stephen's Day" },
];

/** Easter Sunday of `year` (Gregorian; the anonymous algorithm), as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** Every Slovak day of rest of `year` (besides Sundays), YYYY-MM-DD, in date order. */
export function slovakRestDays(year: number): string[] {
  const fixed = SLOVAK_REST_DAYS.filter((r) => (r.from ?? -Infinity) <= year && year <= (r.until ?? Infinity) && !r.except?.includes(year)).map(
    (r) => `${year}-${r.date}`,
  );
  const easter = easterSunday(year);
  return [...fixed, shiftDay(easter, -2), shiftDay(easter, 1)].sort();
}

/** Whether the Bratislava calendar day YYYY-MM-DD is a business day. */
export function isBusinessDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !slovakRestDays(y).includes(day);
}

function nextBusinessDay(day: string): string {
  let next = shiftDay(day, 1);
  while (!isBusinessDay(next)) next = shiftDay(next, 1);
  return next;
}

/**
 * CAN-2: when a cancellation received at `receivedAt` must be carried out. Received on a business
 * day: by the same time on the next business day. Received on a weekend or day of rest: by the end
 * of the first business day after it (one whole business day).
 */
export function cancellationDueAt(receivedAt: Date): Date {
  const t = new TZDate(receivedAt.getTime(), TIME_ZONE);
  const day = bratislavaDay(receivedAt);
  if (isBusinessDay(day)) {
    const [y, m, d] = nextBusinessDay(day).split('-').map(Number);
    return new Date(new TZDate(y, m - 1, d, t.getHours(), t.getMinutes(), t.getSeconds(), TIME_ZONE).getTime());
  }
  const [y, m, d] = nextBusinessDay(day).split('-').map(Number);
  return new Date(addDays(new TZDate(y, m - 1, d, TIME_ZONE), 1).getTime() - 1);
}
