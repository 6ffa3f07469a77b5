'use server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { msg } from '@/lib/i18n/message-ref';
import { requireMemberEvenIfSuspended } from '@/lib/auth/guards';
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
