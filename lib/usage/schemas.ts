// PLAN-6 and PLAN-7: the forms (staff limits, thresholds, marking enterprise, tokens) and the
// body of POST /api/usage.
import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';

/** The largest figure any form or report accepts (fits a Postgres integer). */
export const MAX_FIGURE = 1_000_000_000;

const accountId = z.uuid(msg('usage.validation.unknownAccount'));

/** An optional whole number typed into a form: empty = not set (null). */
const optionalLimit = z
  .string()
  .trim()
  .regex(/^\d{0,10}$/, msg('usage.validation.wholeNumber'))
  .transform((s) => (s === '' ? null : Number(s)))
  .refine((n) => n === null || n <= MAX_FIGURE, msg('usage.validation.tooLarge', { max: MAX_FIGURE }));

/** PLAN-7: staff set an account's own limits; an empty field means the plan's limit applies. */
export const setLimitsSchema = z.object({
  accountId,
  maxUsers: optionalLimit,
  maxTicketsPerMonth: optionalLimit,
  maxStorageGb: optionalLimit,
});
export type SetLimitsInput = z.output<typeof setLimitsSchema>;

const threshold = z
  .string()
  .trim()
  .regex(/^\d{1,10}$/, msg('usage.validation.thresholdNumber'))
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_FIGURE, msg('usage.validation.thresholdRange', { max: MAX_FIGURE }));

/** PLAN-6: the enterprise-candidate thresholds staff configure. */
export const thresholdsSchema = z.object({ minEndUsers: threshold, minTicketsPerAgent: threshold });
export type ThresholdsInput = z.output<typeof thresholdsSchema>;

/** PLAN-6: staff mark an account as enterprise, noting the custom price and terms agreed. */
export const markEnterpriseSchema = z.object({
  accountId,
  agreedTerms: z
    .string()
    .trim()
    .min(3, msg('usage.validation.agreedTermsRequired'))
    .max(1000, msg('usage.validation.tooLong', { max: 1000 })),
});
export type MarkEnterpriseInput = z.output<typeof markEnterpriseSchema>;

/** PLAN-6: the owner creates or replaces the account's usage token (no fields: the account is the session's). */
export const createTokenSchema = z.object({});
/** PLAN-6: staff replace an account's usage token. */
export const staffRotateTokenSchema = z.object({ accountId });

// The API body is read by programs, so its messages are plain English (the API's language).
const count = (name: string) =>
  z
    .number({ error: `${name} must be a number.` })
    .int(`${name} must be a whole number.`)
    .min(0, `${name} cannot be negative.`)
    .max(MAX_FIGURE, `${name} is too large.`);

/** PLAN-6: POST /api/usage. `period` defaults to the current month (Bratislava time). */
export const usageReportSchema = z.strictObject(
  {
    endUsers: count('endUsers'),
    ticketsThisMonth: count('ticketsThisMonth'),
    agents: count('agents').optional(),
    storageMb: count('storageMb').optional(),
    period: z
      .string({ error: 'period must be a month like 2026-11.' })
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period must be a month like 2026-11.')
      .optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown field: ${issue.keys.join(', ')}.` : 'The body must be a JSON object.') },
);
export type UsageReportInput = z.output<typeof usageReportSchema>;
