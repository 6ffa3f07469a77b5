'use server';
// ACC-7: the users page. The account and the acting person come from the session; the services
// check the role rules (who may invite, who may remove whom).
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { requireUserManager, type MemberContext } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { requestLocale } from '@/lib/i18n/server';
import { changeRoleSchema, invitationIdSchema, inviteSchema, removeUserSchema } from '@/lib/team/schemas';
import { changeRole, inviteUser, removeUser, resendInvitation, revokeInvitation, type TeamActor } from '@/lib/team/service';

const actorOf = (ctx: MemberContext): TeamActor => ({ accountId: ctx.account.id, userId: ctx.user.id, role: ctx.user.role as TeamActor['role'], ip: ctx.ip });
const done = (key: string, values?: Record<string, string>) => {
  revalidatePath('/account/users');
  return { message: msg(key, values) };
};

export const inviteUserAction = validatedAction({
  schema: inviteSchema,
  guard: requireUserManager,
  run: async (input, ctx) => {
    // The invitee has no language yet: they get the inviter's.
    await inviteUser(await getDb(), actorOf(ctx), input, now(), await requestLocale());
    return done('team.page.invited', { email: input.email });
  },
});

export const changeRoleAction = validatedAction({
  schema: changeRoleSchema,
  guard: requireUserManager,
  run: async ({ userId, role }, ctx) => {
    await changeRole(await getDb(), actorOf(ctx), userId, role);
    return done('team.page.roleChanged');
  },
});

export const removeUserAction = validatedAction({
  schema: removeUserSchema,
  guard: requireUserManager,
  run: async ({ userId }, ctx) => {
    await removeUser(await getDb(), actorOf(ctx), userId, now());
    return done('team.page.removed');
  },
});

export const resendInvitationAction = validatedAction({
  schema: invitationIdSchema,
  guard: requireUserManager,
  run: async ({ invitationId }, ctx) => {
    await resendInvitation(await getDb(), actorOf(ctx), invitationId, now(), await requestLocale());
    return done('team.page.resent');
  },
});

export const revokeInvitationAction = validatedAction({
  schema: invitationIdSchema,
  guard: requireUserManager,
  run: async ({ invitationId }, ctx) => {
    await revokeInvitation(await getDb(), actorOf(ctx), invitationId, now());
    return done('team.page.revoked');
  },
});
