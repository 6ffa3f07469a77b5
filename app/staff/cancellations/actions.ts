'use server';
// CAN-2: staff record cancellations received by email and carry them out.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { accountAddress } from '@/lib/accounts/address';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { carryOutCancellation, recordEmailCancellation } from '@/lib/cancellation/email-cancellations';
import { carryOutCancellationSchema, recordCancellationSchema } from '@/lib/cancellation/schemas';
import { now } from '@/lib/clock';
import { formatDateTime } from '@/lib/i18n/format';
import { msg } from '@/lib/i18n/message-ref';
import { requestLocale } from '@/lib/i18n/server';

export const recordCancellationAction = validatedAction({
  schema: recordCancellationSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    const row = await recordEmailCancellation(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/staff/cancellations');
    return { message: msg('cancellations.recorded', { address: accountAddress(row.slug), due: formatDateTime(row.dueAt, await requestLocale()) }) };
  },
});

export const carryOutCancellationAction = validatedAction({
  schema: carryOutCancellationSchema,
  guard: requireStaff,
  run: async ({ cancellationId }, ctx) => {
    await carryOutCancellation(await getDb(), cancellationId, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/staff/cancellations');
    // The row (and its button's message) moves to the carried-out list: the page says it instead.
    redirect(`/staff/cancellations?done=${cancellationId}`);
  },
});
