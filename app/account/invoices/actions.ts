'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { msg } from '@/lib/i18n/message-ref';
import { requireOwnerEvenIfSuspended } from '@/lib/auth/guards';
import { requestCorrectionSchema } from '@/lib/invoices/correction-schema';
import { requestInvoiceCorrection } from '@/lib/invoices/corrections';

// INV-6: the account is the session's owner's; the form names only the invoice the owner saw as
// the latest, and the service refuses if that is no longer so. Invoices stay open to the owner
// of a suspended account (PAY-2), so a correction does too.
export const requestCorrectionAction = validatedAction({
  schema: requestCorrectionSchema,
  guard: requireOwnerEvenIfSuspended,
  run: async (input, ctx) => {
    const { creditNote, replacement } = await requestInvoiceCorrection(
      await getDb(),
      ctx.account.id,
      { type: 'owner', id: ctx.user.id, ip: ctx.ip },
      { invoiceId: input.invoiceId },
    );
    revalidatePath('/account/invoices');
    return {
      message: msg('account.invoices.corrected', { creditNote: creditNote.number, replacement: replacement.number, email: replacement.buyer.email }),
    };
  },
});
