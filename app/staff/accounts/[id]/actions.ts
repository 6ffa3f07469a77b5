'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { requireStaff } from '@/lib/auth/guards';
import { endUserSessionsByStaff } from '@/lib/auth/sign-out-everywhere';
import { endUserSessionsSchema } from '@/lib/auth/sign-out-everywhere-schema';
import { processor } from '@/lib/billing/processor-instance';
import { extendTrialByStaff, retryChargeByStaff } from '@/lib/staff/billing-actions';
import { extendTrialSchema, retryChargeSchema } from '@/lib/staff/schemas';
import { msg } from '@/lib/i18n/message-ref';

// Staff act on any account: the account id comes from the form and is checked by the service.
export const extendTrialAction = validatedAction({
  schema: extendTrialSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    const result = await extendTrialByStaff(await getDb(), input, { type: 'staff', id: ctx.user.id, ip: ctx.ip });
    revalidatePath(`/staff/accounts/${input.accountId}`);
    return result;
  },
});

export const retryChargeAction = validatedAction({
  schema: retryChargeSchema,
  guard: requireStaff,
  run: async ({ accountId }, ctx) => {
    const result = await retryChargeByStaff(await getDb(), processor, accountId, { type: 'staff', id: ctx.user.id, ip: ctx.ip });
    revalidatePath(`/staff/accounts/${accountId}`);
    return result;
  },
});

/** ACC-9: end every session of one user of this account, e.g. after a lost device is reported. */
export const endUserSessionsAction = validatedAction({
  schema: endUserSessionsSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    const r = await endUserSessionsByStaff(await getDb(), input, { type: 'staff', id: ctx.user.id, ip: ctx.ip });
    revalidatePath(`/staff/accounts/${input.accountId}`);
    return { message: r.fullName ? msg('staff.endSessions.ended', { count: r.revoked, name: r.fullName }) : msg('staff.endSessions.endedErased', { count: r.revoked }) };
  },
});
