'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { requireStaff } from '@/lib/auth/guards';
import { requeueEmailByStaff } from '@/lib/staff/outbox';
import { requeueSchema } from '@/lib/staff/schemas';
import { msg } from '@/lib/i18n/message-ref';

export const requeueAction = validatedAction({
  schema: requeueSchema,
  guard: requireStaff,
  run: async ({ id }, ctx) => {
    await requeueEmailByStaff(await getDb(), { type: 'staff', id: ctx.user.id, ip: ctx.ip }, id);
    revalidatePath(`/staff/outbox/${id}`);
    return { message: msg('staff.outboxEmail.requeued') };
  },
});
