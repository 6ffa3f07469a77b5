'use server';
// PLAN-6: staff configure the enterprise-candidate thresholds.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { setThresholds } from '@/lib/usage/enterprise';
import { thresholdsSchema } from '@/lib/usage/schemas';

export const setThresholdsAction = validatedAction({
  schema: thresholdsSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    await setThresholds(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/staff/enterprise');
    return { message: msg('usage.staff.thresholds.saved') };
  },
});
