'use server';
// PLAN-6 and PLAN-7 on the staff account page: fair-use limits, marking enterprise, replacing the
// usage token. Staff act on any account: the account id comes from the form and the service checks it.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { DomainError } from '@/lib/actions';
import { markEnterprise } from '@/lib/usage/enterprise';
import { setAccountLimitsByStaff } from '@/lib/usage/limits';
import { markEnterpriseSchema, setLimitsSchema, staffRotateTokenSchema } from '@/lib/usage/schemas';
import { rotateUsageTokenByStaff } from '@/lib/usage/tokens';

export const setLimitsAction = validatedAction({
  schema: setLimitsSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    const { changed } = await setAccountLimitsByStaff(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath(`/staff/accounts/${input.accountId}`);
    return { message: msg(changed ? 'usage.section.limitsSaved' : 'usage.section.limitsUnchanged') };
  },
});

export const markEnterpriseAction = validatedAction({
  schema: markEnterpriseSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    await markEnterprise(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath(`/staff/accounts/${input.accountId}`);
    revalidatePath('/staff/enterprise');
    return { message: msg('usage.section.marked') };
  },
});

export const rotateUsageTokenAction = validatedAction({
  schema: staffRotateTokenSchema,
  guard: requireStaff,
  run: async ({ accountId }, ctx) => {
    const rotated = await rotateUsageTokenByStaff(await getDb(), accountId, actorForUser(ctx.user, ctx.ip), now());
    if (!rotated) throw new DomainError(msg('usage.errors.accountNotFound'));
    revalidatePath(`/staff/accounts/${accountId}`);
    return { message: msg('usage.section.rotated') };
  },
});
