// PLAN-5: the staff form. Prices are typed in euros per seat (monthly and yearly) and become cents;
// the effective date is a Bratislava calendar day.
import { z } from 'zod';
import { parseEuroCents } from '@/lib/custom-services/rules';
import { msg } from '@/lib/i18n/message-ref';
import { isCalendarDay } from './rules';

const euros = (key: string) =>
  z
    .string()
    .trim()
    .refine((v) => parseEuroCents(v) !== null, msg(`prices.validation.${key}`))
    .transform((v) => parseEuroCents(v)!);

export const schedulePriceChangeSchema = z.object({
  planId: z.uuid(msg('prices.validation.plan')),
  newMonthly: euros('newMonthly'),
  newYearly: euros('newYearly'),
  effectiveDate: z.string().refine(isCalendarDay, msg('prices.validation.effectiveDate')),
});
export type SchedulePriceChangeInput = z.output<typeof schedulePriceChangeSchema>;

export const withdrawPriceChangeSchema = z.object({ changeId: z.uuid() });
