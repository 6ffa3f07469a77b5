// PAY-3/PAY-4: what a period costs — seats × the plan's per-seat price for the interval.
import type { plans } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { periodLineDescription } from '@/lib/invoices/line-text';
import type { Line } from './money';
import type { Interval } from './periods';

type Plan = typeof plans.$inferSelect;

export function seatPriceCents(plan: Pick<Plan, 'seatPriceMonthlyCents' | 'seatPriceYearlyCents'>, interval: Interval): number {
  return interval === 'monthly' ? plan.seatPriceMonthlyCents : plan.seatPriceYearlyCents;
}

/** The lines of one period's invoice; their descriptions are written in the document's language. */
export function periodLines(plan: Pick<Plan, 'name' | 'seatPriceMonthlyCents' | 'seatPriceYearlyCents'>, seats: number, interval: Interval, locale: Locale = 'en'): Line[] {
  return [
    {
      description: periodLineDescription(plan.name, interval, locale),
      quantity: seats,
      unitPriceCents: seatPriceCents(plan, interval),
    },
  ];
}
