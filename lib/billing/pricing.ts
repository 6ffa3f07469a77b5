// PAY-3/PAY-4: what a period costs — seats × the plan's per-seat price for the interval.
import type { plans } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/translator';
import type { Line } from './money';
import type { Interval } from './periods';

type Plan = typeof plans.$inferSelect;

export function seatPriceCents(plan: Pick<Plan, 'seatPriceMonthlyCents' | 'seatPriceYearlyCents'>, interval: Interval): number {
  return interval === 'monthly' ? plan.seatPriceMonthlyCents : plan.seatPriceYearlyCents;
}

/** The invoice line for a period; its description is in the document's language (English unless told). */
export function periodLines(
  plan: Pick<Plan, 'name' | 'seatPriceMonthlyCents' | 'seatPriceYearlyCents'>,
  seats: number,
  interval: Interval,
  locale: Locale = 'en',
): Line[] {
  return [
    {
      description: translatorFor(locale)(interval === 'monthly' ? 'billing.lines.seatsMonthly' : 'billing.lines.seatsYearly', { plan: plan.name }),
      quantity: seats,
      unitPriceCents: seatPriceCents(plan, interval),
    },
  ];
}
