'use server';
// CAN-3 (contact attempts, suspension, reactivation, termination) and ACC-10 (Access account).
// Staff act on any account: the account id comes from the form and is checked by the service.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { accountAddress } from '@/lib/accounts/address';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { endStaffAccess, startStaffAccess } from '@/lib/standing/access';
import { contactAttemptSchema, endAccessSchema, reactivateSchema, startAccessSchema, suspendSchema, terminateSchema } from '@/lib/standing/schemas';
import { reactivateByStaff, recordContactAttempt, suspendByStaff, terminateByStaff } from '@/lib/standing/service';

const page = (accountId: string) => `/staff/accounts/${accountId}`;

export const recordContactAttemptAction = validatedAction({
  schema: contactAttemptSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    await recordContactAttempt(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath(page(input.accountId));
    return { message: msg('standing.staff.contact.done') };
  },
});

export const suspendAccountAction = validatedAction({
  schema: suspendSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    await suspendByStaff(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath(page(input.accountId));
    return { message: msg('standing.staff.suspend.done') };
  },
});

export const reactivateAccountAction = validatedAction({
  schema: reactivateSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    await reactivateByStaff(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath(page(input.accountId));
    return { message: msg('standing.staff.reactivate.done') };
  },
});

export const terminateAccountAction = validatedAction({
  schema: terminateSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    const { slug } = await terminateByStaff(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath(page(input.accountId));
    return { message: msg('standing.staff.terminate.done', { address: accountAddress(slug) }) };
  },
});

/** ACC-10: opens the customer's portal for this staff session, then goes there. */
export const startStaffAccessAction = validatedAction({
  schema: startAccessSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    await startStaffAccess(await getDb(), { ...input, sessionId: ctx.sessionId }, actorForUser(ctx.user, ctx.ip), now());
    redirect('/account');
  },
});

/** ACC-10 "End access" (the banner on every portal page): back to the account's staff page. */
export const endStaffAccessAction = validatedAction({
  schema: endAccessSchema,
  guard: requireStaff,
  run: async (_input, ctx) => {
    const ended = await endStaffAccess(await getDb(), ctx.sessionId, actorForUser(ctx.user, ctx.ip), now());
    redirect(ended ? page(ended.accountId) : '/staff/accounts');
  },
});
