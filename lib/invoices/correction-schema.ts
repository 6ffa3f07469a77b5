// INV-6: the "Request correction" form names the invoice the owner saw as the latest; the
// account comes from the session.
import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';

export const requestCorrectionSchema = z.object({
  invoiceId: z.string().uuid(msg('account.validation.reloadAndRetry')),
});
