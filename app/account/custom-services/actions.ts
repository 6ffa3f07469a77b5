'use server';
// CUS-1, CUS-4 in the portal. The account and the member always come from the session: owners and
// admins request (they manage the account), only the owner approves an agreement.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireOwner, requireUserManager } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { approveSchema, requestSchema } from '@/lib/custom-services/schemas';
import { approveInPortal, requestCustomService } from '@/lib/custom-services/service';
import { msg } from '@/lib/i18n/message-ref';
import { requestLocale } from '@/lib/i18n/server';

export const requestServiceAction = validatedAction({
  schema: requestSchema,
  guard: requireUserManager,
  run: async (input, ctx) => {
    const row = await requestCustomService(await getDb(), { accountId: ctx.account.id, userId: ctx.user.id }, { need: input.need, wantedBy: input.wantedBy, budgetCents: input.budget }, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/account/custom-services');
    return { message: msg('customServices.portal.form.sent', { reference: row.reference }) };
  },
});

export const approveAgreementAction = validatedAction({
  schema: approveSchema,
  guard: () => requireOwner(),
  run: async (input, ctx) => {
    await approveInPortal(
      await getDb(),
      { accountId: ctx.account.id, userId: ctx.user.id },
      { requestId: input.requestId, typedName: input.fullName, shownDigest: input.shownDigest, locale: await requestLocale() },
      actorForUser(ctx.user, ctx.ip),
      now(),
    );
    revalidatePath(`/account/custom-services/${input.requestId}`);
    return { message: msg('customServices.portal.detail.approved') };
  },
});
