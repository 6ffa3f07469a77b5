import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';

export const stopAccountSchema = z.object({
  confirmation: z.string().trim().min(1, msg('account.validation.confirmationRequired')).max(200, msg('billing.validation.tooLong', { max: 200 })),
});
export type StopAccountInput = z.infer<typeof stopAccountSchema>;

/** CAN-2: staff record a cancellation that arrived by email. */
export const recordCancellationSchema = z.object({
  /** The account's address (`acme.accountdesk.app`) or just its name (`acme`). */
  account: z.string().trim().min(1, msg('cancellations.validation.account')).max(200, msg('cancellations.validation.account')),
  /** When the email arrived, typed on the Bratislava clock. */
  receivedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, msg('cancellations.validation.receivedAt')),
  /** Who wrote in, when not the owner (then the owner is emailed as the requester). */
  requesterEmail: z.union([z.literal(''), z.email(msg('cancellations.validation.requesterEmail')).max(254)]).optional(),
});
export type RecordCancellationInput = z.output<typeof recordCancellationSchema>;

export const carryOutCancellationSchema = z.object({ cancellationId: z.uuid() });
