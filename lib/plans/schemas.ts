// PLAN-1..PLAN-4: the plan page's forms.
import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';
import { MAX_SEATS } from './rules';

export const planChangeSchema = z.object({
  plan: z.string().trim().min(1, msg('plans.validation.plan')).max(50, msg('plans.validation.plan')),
  seats: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, msg('plans.validation.seats', { max: MAX_SEATS }))
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_SEATS, msg('plans.validation.seats', { max: MAX_SEATS })),
  interval: z.enum(['monthly', 'yearly'], msg('plans.validation.interval')),
});
export type PlanChangeForm = z.output<typeof planChangeSchema>;

/** Confirming sends back the instant the review priced the change at (see changePlan). */
export const confirmPlanChangeSchema = planChangeSchema.extend({ quotedAt: z.iso.datetime().optional() });

export const cancelScheduledChangeSchema = z.object({});
