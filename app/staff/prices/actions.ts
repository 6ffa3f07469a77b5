'use server';
// PLAN-5: staff schedule and withdraw per-seat price changes.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { requestLocale } from '@/lib/i18n/server';
import { schedulePriceChangeSchema, withdrawPriceChangeSchema } from '@/lib/prices/schemas';
import { schedulePriceChange, withdrawPriceChange } from '@/lib/prices/service';

export const schedulePriceChangeAction = validatedAction({
  schema: schedulePriceChangeSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    const { recipients } = await schedulePriceChange(await getDb(), input, actorForUser(ctx.user, ctx.ip), now(), await requestLocale());
    revalidatePath('/staff/prices');
    return { message: msg('prices.staff.scheduled', { count: recipients }) };
  },
});

export const withdrawPriceChangeAction = validatedAction({
  schema: withdrawPriceChangeSchema,
  guard: requireStaff,
  run: async ({ changeId }, ctx) => {
    const { recipients } = await withdrawPriceChange(await getDb(), changeId, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/staff/prices');
    return { message: msg('prices.staff.withdrawn', { count: recipients }) };
  },
});
