import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';

export const stopAccountSchema = z.object({
  confirmation: z.string().trim().min(1, msg('account.validation.confirmationRequired')).max(200, msg('billing.validation.tooLong', { max: 200 })),
});
export type StopAccountInput = z.infer<typeof stopAccountSchema>;
