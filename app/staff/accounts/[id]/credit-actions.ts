'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { addPrepaidCredit } from '@/lib/credit/service';
import { addCreditSchema } from '@/lib/credit/schemas';
import { msg } from '@/lib/i18n/message-ref';

// INV-7: staff add prepaid credit to any account: the account id comes from the form and is
// checked by the service.
export const addCreditAction = validatedAction({
  schema: addCreditSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    await addPrepaidCredit(await getDb(), {
      accountId: input.accountId,
      amountCents: input.amount,
      reference: input.reference,
      agreedOn: input.agreedOn,
      actor: { type: 'staff', id: ctx.user.id, ip: ctx.ip },
      staffUserId: ctx.user.id,
      at: now(),
    });
    revalidatePath(`/staff/accounts/${input.accountId}`);
    return { message: msg('credit.staff.added') };
  },
});
