// INV-7: the staff form that adds prepaid credit, shared by the client form and the server action.
// The amount is typed in euros and becomes cents; the agreement day is a calendar day.
import { z } from 'zod';
import { parseEuroCents } from '@/lib/custom-services/rules';
import { msg } from '@/lib/i18n/message-ref';

/** The most credit added in one entry (€100,000.00): a typo of a few zeros is caught, not booked. */
export const MAX_CREDIT_CENTS = 10_000_000;

export const addCreditSchema = z.object({
  accountId: z.uuid(msg('staff.validation.unknownAccount')),
  amount: z
    .string()
    .trim()
    .refine((v) => parseEuroCents(v) !== null, msg('credit.errors.amount'))
    .transform((v) => parseEuroCents(v)!)
    .refine((cents) => cents <= MAX_CREDIT_CENTS, msg('credit.errors.amountTooLarge')),
  reference: z.string().trim().min(2, msg('credit.errors.reference')).max(100, msg('staff.validation.tooLong', { max: 100 })),
  agreedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, msg('credit.errors.agreedOn')),
});
export type AddCreditInput = z.infer<typeof addCreditSchema>;
