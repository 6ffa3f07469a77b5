'use server';
// GDPR-2: a member gives or withdraws their own consents; the person always comes from the session.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireMember, type MemberContext } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { setUserConsent, type ConsentPurpose } from '@/lib/privacy/consents';
import { consentChangeSchema } from '@/lib/privacy/schemas';

async function change(ctx: MemberContext, purpose: ConsentPurpose, granted: boolean) {
  const changed = await setUserConsent(await getDb(), { id: ctx.user.id, accountId: ctx.account.id }, purpose, granted, actorForUser(ctx.user, ctx.ip), now());
  revalidatePath('/account/privacy');
  return changed;
}

export const setConsentAction = validatedAction({
  schema: consentChangeSchema,
  guard: () => requireMember(),
  run: async ({ purpose, granted }, ctx) => ({ message: msg((await change(ctx, purpose, granted)) ? 'consents.portal.saved' : 'consents.portal.unchanged') }),
});

/** "Subscribe again" after unsubscribing: giving the marketing consent lifts the unsubscribe. */
export const resubscribeAction = validatedAction({
  schema: z.object({}),
  guard: () => requireMember(),
  run: async (_input, ctx) => {
    await change(ctx, 'marketing', true);
    return { message: msg('consents.portal.subscribedAgain') };
  },
});
