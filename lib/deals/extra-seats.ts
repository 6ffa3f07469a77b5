// APS-6, APS-7: on a deal account the lifetime seats (owner + one more) are free; every user beyond
// them is billed at the plan's per-seat monthly price for the days it actually existed, monthly in
// arrears. Days are Bratislava calendar days: a user who exists for any part of a day uses that day.
import { TZDate } from '@date-fns/tz';
import { addMonths, getDaysInMonth } from 'date-fns';
import { bratislavaDay } from '@/lib/billing/periods';
import { mulDivRoundHalfUp } from '@/lib/billing/money';
import { TIME_ZONE } from '@/lib/clock';

/** One stretch of time a user held a seat: from `start` until `end` (null = still there). */
export interface SeatInterval {
  userId: string;
  start: Date;
  end: Date | null;
}

export interface ExtraSeatLine {
  userId: string;
  /** Bratislava days, YYYY-MM-DD, on which this user was an extra (billed) user. */
  days: string[];
  firstDay: string;
  lastDay: string;
  amountCents: number;
}

/** The Bratislava month `YYYY-MM` as its first instant and the first instant of the next month. */
export function monthBounds(month: string): { start: Date; end: Date; daysInMonth: number } {
  const [y, m] = month.split('-').map(Number);
  const start = new TZDate(y, m - 1, 1, TIME_ZONE);
  return { start: new Date(start.getTime()), end: new Date(addMonths(start, 1).getTime()), daysInMonth: getDaysInMonth(start) };
}

/** The Bratislava month before the one `now` falls in, as `YYYY-MM` (what the 1st-of-month sweep bills). */
export function previousMonth(now: Date): string {
  const d = new TZDate(now.getTime(), TIME_ZONE);
  const prev = addMonths(new TZDate(d.getFullYear(), d.getMonth(), 1, TIME_ZONE), -1);
  return `${prev.getFullYear()}-${String(prev.getMonth() + 1).padStart(2, '0')}`;
}

/** The Bratislava month `at` falls in, as `YYYY-MM`. */
export function monthOf(at: Date): string {
  return bratislavaDay(at).slice(0, 7);
}

/**
 * APS-7: the months an account still owes, oldest first: from the month after the last one
 * settled (or the month the account was created) up to and including `upTo`. A sweep that did not
 * run for a while therefore bills every missed month once, and never a month twice.
 */
export function monthsToSettle(lastSettled: string | null, createdAt: Date, upTo: string): string[] {
  const months: string[] = [];
  let month = lastSettled ? nextMonth(lastSettled) : monthOf(createdAt);
  while (month <= upTo) {
    months.push(month);
    month = nextMonth(month);
  }
  return months;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every Bratislava day of `month`, YYYY-MM-DD. */
function daysOf(month: string): string[] {
  const { daysInMonth } = monthBounds(month);
  return Array.from({ length: daysInMonth }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * APS-7: the extra users of one deal account for one month, one line per user.
 *
 * On each day the users who held a seat that day are ranked by when they first got it (the owner
 * first); the first `freeSeats` of them are free, the rest are extra on that day. A user's line is
 * `pricePerMonthCents × extra days ÷ days in the month`, rounded half-up to the cent once.
 */
export function extraSeatLines(input: {
  month: string;
  intervals: SeatInterval[];
  freeSeats: number;
  pricePerMonthCents: number;
}): ExtraSeatLine[] {
  const { start, end, daysInMonth } = monthBounds(input.month);
  const dayIndex = new Map(daysOf(input.month).map((d, i) => [d, i]));
  // Which days each user held a seat in the month, and when they first got one (for the ranking).
  const present = new Map<string, Set<number>>();
  const firstStart = new Map<string, number>();
  for (const iv of input.intervals) {
    const first = firstStart.get(iv.userId);
    if (first === undefined || iv.start.getTime() < first) firstStart.set(iv.userId, iv.start.getTime());
    if (iv.end && iv.end < iv.start) continue; // not a real interval
    if (iv.start >= end || (iv.end && iv.end < start)) continue;
    const from = iv.start < start ? 0 : dayIndex.get(bratislavaDay(iv.start))!;
    // A seat that ends exactly at midnight did not use the day that starts then.
    const lastInstant = iv.end === null ? null : new Date(Math.max(iv.start.getTime(), iv.end.getTime() - 1));
    const to = lastInstant === null || lastInstant >= end ? daysInMonth - 1 : lastInstant < start ? -1 : dayIndex.get(bratislavaDay(lastInstant))!;
    let set = present.get(iv.userId);
    if (!set) present.set(iv.userId, (set = new Set()));
    for (let i = from; i <= to; i++) set.add(i);
  }
  const ranked = [...present.keys()].sort((a, b) => firstStart.get(a)! - firstStart.get(b)! || a.localeCompare(b));
  const extraDays = new Map<string, number[]>();
  for (let day = 0; day < daysInMonth; day++) {
    const here = ranked.filter((u) => present.get(u)!.has(day));
    for (const u of here.slice(input.freeSeats)) {
      let list = extraDays.get(u);
      if (!list) extraDays.set(u, (list = []));
      list.push(day);
    }
  }
  const days = daysOf(input.month);
  return ranked
    .filter((u) => extraDays.has(u))
    .map((u) => {
      const list = extraDays.get(u)!;
      return {
        userId: u,
        days: list.map((i) => days[i]),
        firstDay: days[list[0]],
        lastDay: days[list[list.length - 1]],
        amountCents: mulDivRoundHalfUp(input.pricePerMonthCents, list.length, daysInMonth),
      };
    });
}
