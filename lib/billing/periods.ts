// PAY-1, PAY-4, PAY-8, PLAN-2: trial and billing-period arithmetic on the Bratislava calendar.
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addYears, differenceInCalendarDays, format, startOfDay } from 'date-fns';
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

/** PAY-4: the end of a billing period that starts at `start` (same time of day, Bratislava). */
export function periodEnd(start: Date, interval: Interval): Date {
  const z = inZone(start);
  return new Date((interval === 'monthly' ? addMonths(z, 1) : addYears(z, 1)).getTime());
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
