// PAY-1, PAY-4, PAY-8, PLAN-2: trial and billing-period arithmetic on the Bratislava calendar.
import { TZDate, tzOffset } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, startOfDay } from 'date-fns';
import { TIME_ZONE } from '@/lib/clock';
import { mulDivRoundHalfUp } from './money';

export const TRIAL_DAYS = 14;
/** The most days staff may add to a trial in one extension. */
export const MAX_TRIAL_EXTENSION_DAYS = 60;
export type Interval = 'monthly' | 'yearly';

const inZone = (d: Date) => new TZDate(d.getTime(), TIME_ZONE);

/** The Bratislava calendar day of an instant, YYYY-MM-DD. */
export function bratislavaDay(d: Date): string {
  return format(inZone(d), 'yyyy-MM-dd');
}

/**
 * PAY-1: the trial lasts 14 calendar days from signup and ends at midnight (Bratislava) at the
 * end of the 14th day, so a signup at any hour gets 14 whole days.
 */
export function trialEndsAt(signedUpAt: Date): Date {
  return new Date(startOfDay(addDays(inZone(signedUpAt), TRIAL_DAYS)).getTime());
}

/** Whole days left in the trial, counted on the Bratislava calendar (0 on the last day after it ended). */
export function trialDaysLeft(endsAt: Date, now: Date): number {
  if (now >= endsAt) return 0;
  return differenceInCalendarDays(inZone(endsAt), inZone(now));
}

const zoneOffsetMs = (t: number) => tzOffset(TIME_ZONE, new Date(t)) * 60_000;

const MONTHS: Record<Interval, number> = { monthly: 1, yearly: 12 };

/** The Bratislava wall clock of an instant, as a Date whose UTC fields read that wall time. */
const wallClock = (d: Date) => new Date(d.getTime() + zoneOffsetMs(d.getTime()));

/**
 * PAY-4: the end of the `k`-th billing period of a subscription anchored at `anchor` (the start
 * of its first paid period): `anchor` plus k calendar months (or years) on the Bratislava wall
 * clock, at the anchor's time of day, on the month's last day when that month is shorter. Each
 * period is counted from the anchor, never from the previous end, so the anchor day comes back:
 * 31 Jan → 28 Feb → 31 Mar → 30 Apr, and 29 Feb (yearly) → 28 Feb → … → 29 Feb.
 * Computed with plain UTC arithmetic and two offset look-ups, because the renewal sweep works
 * this out for every subscription it renews; a property test holds it equal to date-fns'
 * addMonths/addYears on a TZDate, DST changes included.
 */
export function anchoredPeriodEnd(anchor: Date, interval: Interval, k: number): Date {
  const wall = wallClock(anchor);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + k * MONTHS[interval];
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = Date.UTC(year, month, Math.min(wall.getUTCDate(), lastDay), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds());
  // The offset at the target instant: guessed from the wall time, then corrected once across a DST change.
  return new Date(target - zoneOffsetMs(target - zoneOffsetMs(target)));
}

/**
 * PAY-4: the one rule for where a period that starts at `periodStart` ends, for a subscription
 * anchored at `anchor`: the next anchored boundary in a later calendar month (or year) than the
 * start. For the first period (`periodStart` = `anchor`) that is one month or year later; for a
 * renewal (`periodStart` = the previous end = the k-th boundary) it is boundary k + 1. A start
 * that is off the anchor's chain (data from before the anchor was kept) gets one longer period
 * that lands back on the anchor day, never a period of a few days.
 */
export function nextPeriodEnd(anchor: Date, periodStart: Date, interval: Interval): Date {
  const a = wallClock(anchor);
  const s = wallClock(periodStart);
  const months = (s.getUTCFullYear() - a.getUTCFullYear()) * 12 + (s.getUTCMonth() - a.getUTCMonth());
  const elapsed = Math.max(0, Math.floor(months / MONTHS[interval]));
  return anchoredPeriodEnd(anchor, interval, elapsed + 1);
}

/** PAY-8: a failed renewal is retried this many days after the first failure. */
export const DUNNING_RETRY_DAYS = [1, 3, 5] as const;

/** When the next retry is due after `failures` failed attempts, or null when dunning is over. */
export function nextDunningAttempt(firstFailureAt: Date, failures: number): Date | null {
  const day = DUNNING_RETRY_DAYS[failures - 1];
  if (day === undefined) return null;
  return new Date(addDays(inZone(firstFailureAt), day).getTime());
}

/**
 * PLAN-2: prorated upgrade charge on a yearly period:
 * (new period price − old period price) × remaining time / period length, rounded to the cent.
 * Time is measured in milliseconds; a downgrade or a change after the period end costs nothing.
 */
export function proratedUpgradeCents(input: {
  oldPeriodPriceCents: number;
  newPeriodPriceCents: number;
  periodStart: Date;
  periodEnd: Date;
  at: Date;
}): number {
  const diff = input.newPeriodPriceCents - input.oldPeriodPriceCents;
  const length = input.periodEnd.getTime() - input.periodStart.getTime();
  const remaining = Math.max(0, Math.min(length, input.periodEnd.getTime() - input.at.getTime()));
  if (diff <= 0 || remaining === 0) return 0;
  return mulDivRoundHalfUp(diff, remaining, length);
}
