'use server';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { publicForm } from '@/lib/public-forms';
import { LIMITS } from '@/lib/rate-limit';
import { acceptInvitationSchema } from '@/lib/team/schemas';
import { acceptInvitation } from '@/lib/team/service';

/** ACC-7: "Accept invitation": the invitee's own name and password become their login. */
export const acceptInvitationAction = validatedAction({
  schema: acceptInvitationSchema,
  guard: publicForm(LIMITS.invitation),
  run: async ({ token, fullName, password }, meta) => {
    const joined = await acceptInvitation(await getDb(), token, { fullName, password }, meta, now());
    return { message: msg('team.invitation.accepted', { email: joined.email }) };
  },
});
