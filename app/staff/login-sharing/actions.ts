'use server';
// ACC-8: staff add the monthly surcharge for a shared login (the owner is emailed), dismiss a flag,
// or end a running surcharge. Each is audited.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { endSurchargeSchema, flagDecisionSchema } from '@/lib/login-sharing/schemas';
import { addSharingSurcharge, dismissSharingFlag, endSharingSurcharge } from '@/lib/login-sharing/service';

export const addSurchargeAction = validatedAction({
  schema: flagDecisionSchema,
  guard: requireStaff,
  run: async ({ flagId }, ctx) => {
    await addSharingSurcharge(await getDb(), flagId, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/staff/login-sharing');
    return { message: msg('loginSharing.staff.added') };
  },
});

export const dismissFlagAction = validatedAction({
  schema: flagDecisionSchema,
  guard: requireStaff,
  run: async ({ flagId }, ctx) => {
    await dismissSharingFlag(await getDb(), flagId, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/staff/login-sharing');
    return { message: msg('loginSharing.staff.dismissed') };
  },
});

export const endSurchargeAction = validatedAction({
  schema: endSurchargeSchema,
  guard: requireStaff,
  run: async ({ surchargeId }, ctx) => {
    await endSharingSurcharge(await getDb(), surchargeId, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/staff/login-sharing');
    return { message: msg('loginSharing.staff.ended') };
  },
});
