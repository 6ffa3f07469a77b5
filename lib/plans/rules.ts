// PLAN-1..PLAN-4: what a change of plan, seats or billing period does, as pure rules.
//
// A change is split in two parts:
// - what goes up (a higher plan, more seats) applies at once (PLAN-1); on a yearly period the
//   difference is charged at once, prorated to the remaining time (PLAN-2); on a monthly period
//   nothing is charged now and the next invoice uses the new price (PLAN-3);
// - what goes down (a lower plan, fewer seats, yearly → monthly) and a switch from monthly to
//   yearly wait for the next renewal (PLAN-3, PLAN-4), with no refund or credit.
// A trial has paid nothing yet: the whole change applies at once, without charge.
import { proratedUpgradeCents, type Interval } from '@/lib/billing/periods';
import { seatPriceCents } from '@/lib/billing/pricing';

export const MAX_SEATS = 1000;

export interface PlanRef {
  id: string;
  code: string;
  name: string;
  sortOrder: number;
  seatPriceMonthlyCents: number;
  seatPriceYearlyCents: number;
  features: string[];
}

export interface Terms {
  plan: PlanRef;
  seats: number;
  interval: Interval;
}

export type ChangeKind = 'none' | 'upgrade' | 'downgrade' | 'mixed';

export interface ChangePlanOut {
  kind: ChangeKind;
  /** The terms in force right after confirming. */
  now: Terms;
  /** The terms the next renewal switches to, or null when nothing waits for it. */
  scheduled: Terms | null;
  /** Whether anything applies at once. */
  changesNow: boolean;
}

export const periodPriceCents = (t: Terms): number => t.seats * seatPriceCents(t.plan, t.interval);

const sameTerms = (a: Terms, b: Terms) => a.plan.id === b.plan.id && a.seats === b.seats && a.interval === b.interval;

/**
 * Splits a change into what applies now and what waits for the renewal. `trialing`: everything
 * applies now. Otherwise the higher of the two plans and the larger seat count apply now, on the
 * current period; the rest (the target itself) is scheduled when it differs from that.
 */
export function planChange(current: Terms, target: Terms, trialing: boolean): ChangePlanOut {
  if (sameTerms(current, target)) return { kind: 'none', now: current, scheduled: null, changesNow: false };
  const up = isUpgrade(current, target);
  const down = isDowngrade(current, target);
  const kind: ChangeKind = up && down ? 'mixed' : down ? 'downgrade' : 'upgrade';
  if (trialing) return { kind, now: target, scheduled: null, changesNow: true };
  const immediate: Terms = {
    plan: target.plan.sortOrder > current.plan.sortOrder ? target.plan : current.plan,
    seats: Math.max(current.seats, target.seats),
    interval: current.interval,
  };
  const changesNow = !sameTerms(current, immediate);
  const scheduled = sameTerms(immediate, target) ? null : target;
  return { kind, now: immediate, scheduled, changesNow };
}

/** A higher plan or more seats. */
export function isUpgrade(current: Terms, target: Terms): boolean {
  return target.plan.sortOrder > current.plan.sortOrder || target.seats > current.seats;
}

/** PLAN-4: a lower plan, fewer seats, or monthly instead of yearly. */
export function isDowngrade(current: Terms, target: Terms): boolean {
  return target.plan.sortOrder < current.plan.sortOrder || target.seats < current.seats || (current.interval === 'yearly' && target.interval === 'monthly');
}

/**
 * PLAN-2: what is charged now, net, for the part that applies at once: on a yearly period the
 * prorated difference of the period prices; on a monthly period or in a trial nothing (PLAN-3).
 */
export function chargeNowCents(input: { current: Terms; immediate: Terms; trialing: boolean; periodStart: Date | null; periodEnd: Date | null; at: Date }): number {
  const { current, immediate } = input;
  if (input.trialing || current.interval !== 'yearly' || !input.periodStart || !input.periodEnd) return 0;
  return proratedUpgradeCents({
    oldPeriodPriceCents: periodPriceCents(current),
    newPeriodPriceCents: periodPriceCents(immediate),
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    at: input.at,
  });
}

/** Plan features that name another plan ("Everything in Team") stand for that plan's list. */
const namesAPlan = (feature: string, plans: PlanRef[]) => plans.some((p) => feature.toLowerCase() === `everything in ${p.name.toLowerCase()}`);

/**
 * PLAN-4: the features a move from `from` to `to` loses — those of every plan above `to` up to
 * `from` (plans build on the ones below them), without the "Everything in …" references.
 */
export function lostFeatures(from: PlanRef, to: PlanRef, plans: PlanRef[]): string[] {
  if (to.sortOrder >= from.sortOrder) return [];
  const keep = new Set(to.features);
  const lost: string[] = [];
  for (const p of [...plans].sort((a, b) => a.sortOrder - b.sortOrder)) {
    if (p.sortOrder <= to.sortOrder || p.sortOrder > from.sortOrder) continue;
    for (const f of p.features) if (!keep.has(f) && !namesAPlan(f, plans) && !lost.includes(f)) lost.push(f);
  }
  return lost;
}

/** PLAN-4: how many seat holders must go before the account fits `seats`. */
export function seatsOverBy(seatsTaken: number, seats: number): number {
  return Math.max(0, seatsTaken - seats);
}
