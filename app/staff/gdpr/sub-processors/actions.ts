'use server';
// GDPR-1: staff keep the sub-processor list that /privacy shows. Staff only; every change is
// audited by the service.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { editSubProcessorSchema, removeSubProcessorSchema, subProcessorSchema } from '@/lib/privacy/sub-processor-schemas';
import { createSubProcessor, removeSubProcessor, updateSubProcessor } from '@/lib/privacy/sub-processors';

const LIST = '/staff/gdpr/sub-processors';

function refresh() {
  revalidatePath(LIST);
  revalidatePath('/privacy');
}

export const createSubProcessorAction = validatedAction({
  schema: subProcessorSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    await createSubProcessor(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    refresh();
    return { message: msg('privacy.subProcessors.created') };
  },
});

export const updateSubProcessorAction = validatedAction({
  schema: editSubProcessorSchema,
  guard: requireStaff,
  run: async ({ subProcessorId, ...input }, ctx) => {
    await updateSubProcessor(await getDb(), subProcessorId, input, actorForUser(ctx.user, ctx.ip), now());
    refresh();
    redirect(LIST); // back to the list, where the saved values show
  },
});

export const removeSubProcessorAction = validatedAction({
  schema: removeSubProcessorSchema,
  guard: requireStaff,
  run: async ({ subProcessorId }, ctx) => {
    const { name } = await removeSubProcessor(await getDb(), subProcessorId, actorForUser(ctx.user, ctx.ip));
    refresh();
    return { message: msg('privacy.subProcessors.removed', { name }) };
  },
});
