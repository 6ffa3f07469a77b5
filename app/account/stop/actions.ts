'use server';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { msg } from '@/lib/i18n/message-ref';
import { requireOwnerEvenIfSuspended } from '@/lib/auth/guards';
import { stopAccountSchema } from '@/lib/cancellation/schemas';
import { stopAccount } from '@/lib/cancellation/stop-account';
import { processor } from '@/lib/billing/processor-instance';

// The account is the session's (requireOwner); the form only carries the typed confirmation.
export const stopAccountAction = validatedAction({
  schema: stopAccountSchema,
  guard: requireOwnerEvenIfSuspended,
  run: async (input, ctx) => {
    await stopAccount(
      await getDb(),
      { accountId: ctx.account.id, actorUserId: ctx.user.id, confirmation: input.confirmation },
      { ip: ctx.ip, userAgent: ctx.userAgent },
      processor,
    );
    return { message: msg('account.stop.done') };
  },
});
