'use server';
// GDPR-5: staff actions on one privacy request. The request id comes from the form; every service
// locks the request and checks that it is in the queue and that the step is allowed.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireStaff, type UserContext } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { advanceSchema, assignSchema, completeSchema, decisionSchema, noteSchema } from '@/lib/privacy/request-schemas';
import { addNote, advanceRequest, assignRequest, completeRequest, extendDeadline, refuseRequest, type StaffActor } from '@/lib/privacy/staff';

const staffActor = (ctx: UserContext) => actorForUser(ctx.user, ctx.ip) as StaffActor;
const refresh = (id: string) => {
  revalidatePath(`/staff/gdpr/${id}`);
  revalidatePath('/staff/gdpr');
};

export const assignAction = validatedAction({
  schema: assignSchema,
  guard: requireStaff,
  run: async ({ requestId, assigneeId }, ctx) => {
    await assignRequest(await getDb(), { requestId, assigneeId: assigneeId || null }, staffActor(ctx), now());
    refresh(requestId);
    return { message: msg('gdpr.staff.detail.assign.done') };
  },
});

export const noteAction = validatedAction({
  schema: noteSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    await addNote(await getDb(), input, staffActor(ctx), now());
    refresh(input.requestId);
    return { message: msg('gdpr.staff.detail.notes.done') };
  },
});

export const advanceAction = validatedAction({
  schema: advanceSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    await advanceRequest(await getDb(), input, staffActor(ctx), now());
    refresh(input.requestId);
    return { message: msg('gdpr.staff.detail.status.done') };
  },
});

/** "Extend deadline" or "Refuse", with the reason the requester is told. */
export const decisionAction = validatedAction({
  schema: decisionSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    const db = await getDb();
    if (input.intent === 'extend') {
      await extendDeadline(db, input, staffActor(ctx), now());
      refresh(input.requestId);
      return { message: msg('gdpr.staff.detail.extend.done') };
    }
    await refuseRequest(db, input, staffActor(ctx), now());
    refresh(input.requestId);
    return { message: msg('gdpr.staff.detail.refuse.done') };
  },
});

export const completeAction = validatedAction({
  schema: completeSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    await completeRequest(await getDb(), input, staffActor(ctx), now());
    refresh(input.requestId);
    return { message: msg('gdpr.staff.detail.complete.done') };
  },
});
