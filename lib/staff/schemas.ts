import { z } from 'zod';
import { MAX_TRIAL_EXTENSION_DAYS } from '@/lib/billing/periods';

/** "Send again" on one outbox email. */
export const requeueSchema = z.object({ id: z.uuid('Unknown email.') });
export type RequeueInput = z.infer<typeof requeueSchema>;

/** Staff act on any account, so the account id travels in the form; it is checked to exist. */
const accountId = z.uuid('Unknown account.');

/** PAY-2: staff give a trial more days, with the reason recorded in the audit log. */
export const extendTrialSchema = z.object({
  accountId,
  days: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, `Enter a whole number of days from 1 to ${MAX_TRIAL_EXTENSION_DAYS}.`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_TRIAL_EXTENSION_DAYS, `Enter a whole number of days from 1 to ${MAX_TRIAL_EXTENSION_DAYS}.`),
  reason: z.string().trim().min(3, 'Say why the trial is extended, e.g. the support ticket.').max(500, 'Use at most 500 characters.'),
});
export type ExtendTrialInput = z.infer<typeof extendTrialSchema>;

/** PAY-8: collect an account's open invoice now instead of waiting for the next retry. */
export const retryChargeSchema = z.object({ accountId });
