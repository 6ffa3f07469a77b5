'use server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { msg } from '@/lib/i18n/message-ref';
import { requireMemberEvenIfSuspended, requireOwnerEvenIfSuspended } from '@/lib/auth/guards';
import { revalidatePath } from 'next/cache';
import { actorForUser } from '@/lib/audit';
import { now } from '@/lib/clock';
import { createTokenSchema } from '@/lib/usage/schemas';
import { createUsageTokenByOwner } from '@/lib/usage/tokens';
import { signOutEverywhere } from '@/lib/auth/sign-out-everywhere';
import { signOutEverywhereSchema } from '@/lib/auth/sign-out-everywhere-schema';

export const signOutEverywhereAction = validatedAction({
  schema: signOutEverywhereSchema,
  guard: requireMemberEvenIfSuspended,
  run: async (_input: z.infer<typeof signOutEverywhereSchema>, ctx) => {
    const r = await signOutEverywhere(await getDb(), { userId: ctx.user.id, accountId: ctx.account.id, role: ctx.user.role }, { ip: ctx.ip });
    return { message: msg('account.security.signedOutOf', { count: r.revoked }) };
  },
});

/** PLAN-6: the owner creates or replaces the usage API token; the token is answered once. */
export const createUsageTokenAction = validatedAction({
  schema: createTokenSchema,
  guard: requireOwnerEvenIfSuspended,
  run: async (_input, ctx) => {
    const { token, prefix } = await createUsageTokenByOwner(await getDb(), ctx.account.id, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/account/security');
    return { message: msg('usage.token.createdMessage'), data: { token, prefix } };
  },
});
