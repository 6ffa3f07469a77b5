// PAY-3/PAY-4: what a period costs — seats × the plan's per-seat price for the interval.
import type { plans } from '@/db/schema';
import type { Line } from './money';
import type { Interval } from './periods';

type Plan = typeof plans.$inferSelect;

export function seatPriceCents(plan: Pick<Plan, 'seatPriceMonthlyCents' | 'seatPriceYearlyCents'>, interval: Interval): number {
  return interval === 'monthly' ? plan.seatPriceMonthlyCents : plan.seatPriceYearlyCents;
}

export function periodLines(plan: Pick<Plan, 'name' | 'seatPriceMonthlyCents' | 'seatPriceYearlyCents'>, seats: number, interval: Interval): Line[] {
  return [
    {
      description: `${plan.name} plan, ${interval === 'monthly' ? 'monthly' : 'yearly'} subscription, per seat`,
      quantity: seats,
      unitPriceCents: seatPriceCents(plan, interval),
    },
  ];
}
