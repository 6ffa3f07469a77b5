// INV-6: the "Request correction" form names the invoice the owner saw as the latest; the
// account comes from the session.
import { z } from 'zod';

export const requestCorrectionSchema = z.object({
  invoiceId: z.string().uuid('Reload the page and try again.'),
});
