import { z } from 'zod';
import { MAX_TRIAL_EXTENSION_DAYS } from '@/lib/billing/periods';
import { msg } from '@/lib/i18n/message-ref';

const daysRange = msg('staff.validation.daysRange', { max: MAX_TRIAL_EXTENSION_DAYS });

/** "Send again" on one outbox email. */
export const requeueSchema = z.object({ id: z.uuid(msg('staff.validation.unknownEmail')) });
export type RequeueInput = z.infer<typeof requeueSchema>;

/** Staff act on any account, so the account id travels in the form; it is checked to exist. */
const accountId = z.uuid(msg('staff.validation.unknownAccount'));

/** PAY-2: staff give a trial more days, with the reason recorded in the audit log. */
export const extendTrialSchema = z.object({
  accountId,
  days: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, daysRange)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_TRIAL_EXTENSION_DAYS, daysRange),
  reason: z.string().trim().min(3, msg('staff.validation.reasonRequired')).max(500, msg('staff.validation.tooLong', { max: 500 })),
});
export type ExtendTrialInput = z.infer<typeof extendTrialSchema>;

/** PAY-8: collect an account's open invoice now instead of waiting for the next retry. */
export const retryChargeSchema = z.object({ accountId });
