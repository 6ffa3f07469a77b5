// CAN-3 and ACC-10 staff forms. The account id comes from the page and is checked by the service.
import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';
import { CONTACT_CHANNELS, SUSPENSION_GROUNDS } from './rules';

const accountId = z.uuid(msg('standing.validation.account'));
const reason = z
  .string()
  .trim()
  .min(5, msg('standing.validation.reasonShort', { min: 5 }))
  .max(500, msg('standing.validation.tooLong', { max: 500 }));
const ground = z.enum(SUSPENSION_GROUNDS, msg('standing.validation.ground'));

export const contactAttemptSchema = z.object({
  accountId,
  channel: z.enum(CONTACT_CHANNELS, msg('standing.validation.channel')),
  ground,
  notes: z
    .string()
    .trim()
    .min(5, msg('standing.validation.notesShort', { min: 5 }))
    .max(1000, msg('standing.validation.tooLong', { max: 1000 })),
});
export type ContactAttemptInput = z.output<typeof contactAttemptSchema>;

export const suspendSchema = z.object({ accountId, ground, reason });
export type SuspendInput = z.output<typeof suspendSchema>;

export const reactivateSchema = z.object({ accountId, note: reason });
export type ReactivateInput = z.output<typeof reactivateSchema>;

export const terminateSchema = z.object({
  accountId,
  reason,
  confirmation: z.string().trim().min(1, msg('standing.validation.confirmation')),
});
export type TerminateInput = z.output<typeof terminateSchema>;

/** ACC-10: the reason staff open an account for, e.g. a support ticket reference. */
export const startAccessSchema = z.object({
  accountId,
  reason: z
    .string()
    .trim()
    .min(6, msg('standing.validation.accessReason', { min: 6 }))
    .max(300, msg('standing.validation.tooLong', { max: 300 })),
});
export type StartAccessInput = z.output<typeof startAccessSchema>;

/** ACC-10 "End access": the grant is the staff session's own; nothing comes from the form. */
export const endAccessSchema = z.object({});
