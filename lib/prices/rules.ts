// PLAN-5: price changes. Pure rules; `at` is always passed in.
//
// Notice period (decision): counted in Bratislava calendar days. The announcement's own day is
// day 0 and day 30 counts, so a change announced at any hour of 26 Nov 2026 may take effect from
// 26 Dec 2026 at the earliest. A change takes effect at 00:00 Bratislava time on its effective day.
import { bratislavaDateTime } from '@/lib/clock';
import { bratislavaDay } from '@/lib/billing/periods';

export const NOTICE_DAYS = 30;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addCalendarDays(day: string, days: number): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** Whether `day` is a real calendar day written as YYYY-MM-DD. */
export function isCalendarDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === day;
}

/** PLAN-5: the first Bratislava day a change announced at `announcedAt` may take effect. */
export function earliestEffectiveDate(announcedAt: Date): string {
  return addCalendarDays(bratislavaDay(announcedAt), NOTICE_DAYS);
}

/** The instant a change takes effect: 00:00 Bratislava time on its effective day. */
export function effectiveInstant(day: string): Date {
  return bratislavaDateTime(`${day}T00:00`);
}

/** Null when `day` may be the effective date of a change announced at `announcedAt`, else the earliest allowed day. */
export function effectiveDateRefusal(day: string, announcedAt: Date): { earliest: string } | null {
  const earliest = earliestEffectiveDate(announcedAt);
  return day < earliest ? { earliest } : null;
}

export interface SeatPrices {
  monthlyCents: number;
  yearlyCents: number;
}

export interface PriceChangeLike {
  effectiveAt: Date;
  oldMonthlyCents: number;
  oldYearlyCents: number;
  newMonthlyCents: number;
  newYearlyCents: number;
  withdrawnAt: Date | null;
}

/**
 * PLAN-5: the per-seat prices in force at `at` for a plan whose prices are `current` now and that
 * has `changes`. A change counts from its effective instant whether or not the sweep has written it
 * into the plan yet, and an applied change does not reach back to periods that started before it:
 * the latest change in effect at `at` gives its new prices; before the first change, its old ones.
 */
export function pricesInForce(current: SeatPrices, changes: PriceChangeLike[], at: Date): SeatPrices {
  const live = changes.filter((c) => !c.withdrawnAt).sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  let inForce: SeatPrices | null = null;
  for (const c of live) {
    if (c.effectiveAt <= at) inForce = { monthlyCents: c.newMonthlyCents, yearlyCents: c.newYearlyCents };
    else {
      inForce ??= { monthlyCents: c.oldMonthlyCents, yearlyCents: c.oldYearlyCents };
      break;
    }
  }
  return inForce ?? current;
}
