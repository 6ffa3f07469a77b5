'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import type { Actor } from '@/lib/audit';
import { requireOwnerEvenIfSuspended, type MemberContext } from '@/lib/auth/guards';
import { beginPaymentSetup } from '@/lib/billing/payment-setup';
import { processor } from '@/lib/billing/processor-instance';
import { saveBillingDetails, saveVatNumber } from '@/lib/billing/profile';
import { billingDetailsSchema, paymentSetupSchema, vatNumberSchema } from '@/lib/billing/schemas';
import { now } from '@/lib/clock';

// PAY-2: paying must work on a suspended account, so these guards let a suspended owner through.
const ownerActor = (ctx: MemberContext): Actor => ({ type: 'owner', id: ctx.user.id, ip: ctx.ip });

/** Sends the owner to the processor's hosted card form or PayPal page (the browser follows `data.url`). */
export const startPaymentSetupAction = validatedAction({
  schema: paymentSetupSchema,
  guard: requireOwnerEvenIfSuspended,
  run: async (input, ctx) => {
    const url = await beginPaymentSetup(
      await getDb(),
      processor,
      { accountId: ctx.account.id, sessionId: ctx.sessionId, actor: ownerActor(ctx) },
      { method: input.method, planCode: input.plan, interval: input.interval },
      now(),
    );
    return { data: { url } };
  },
});

export const saveBillingDetailsAction = validatedAction({
  schema: billingDetailsSchema,
  guard: requireOwnerEvenIfSuspended,
  run: async (input, ctx) => {
    const result = await saveBillingDetails(await getDb(), ctx.account.id, input, ownerActor(ctx));
    revalidatePath('/account/billing');
    return result;
  },
});

export const saveVatNumberAction = validatedAction({
  schema: vatNumberSchema,
  guard: requireOwnerEvenIfSuspended,
  run: async (input, ctx) => {
    const result = await saveVatNumber(await getDb(), ctx.account.id, input.vatNumber, ownerActor(ctx));
    revalidatePath('/account/billing');
    return result;
  },
});
