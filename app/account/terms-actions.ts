'use server';
// ACC-6: "Continue" on the new-terms notice records the member's acceptance (version, time, IP, user agent).
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireMemberEvenIfSuspended } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { acceptTermsSchema } from '@/lib/terms/schemas';
import { acceptCurrentTerms } from '@/lib/terms/service';

export const acceptTermsAction = validatedAction({
  schema: acceptTermsSchema,
  guard: requireMemberEvenIfSuspended,
  run: async (_input, ctx) => {
    await acceptCurrentTerms(
      await getDb(),
      { userId: ctx.user.id, accountId: ctx.account.id, ip: ctx.ip, userAgent: ctx.userAgent },
      actorForUser(ctx.user, ctx.ip),
      now(),
    );
    revalidatePath('/account', 'layout');
    return { message: msg('terms.banner.accepted') };
  },
});
