'use server';
// PLAN-1..PLAN-4: the plan page. Owner only; the account comes from the session.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireOwner } from '@/lib/auth/guards';
import { processor } from '@/lib/billing/processor-instance';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { requestLocale } from '@/lib/i18n/server';
import { formattersFor } from '@/lib/i18n/format';
import { cancelScheduledChangeSchema, confirmPlanChangeSchema, planChangeSchema } from '@/lib/plans/schemas';
import { cancelScheduledChange, changePlan, planState, quotePlanChange } from '@/lib/plans/service';
import { reviewData, type ReviewData } from '@/lib/plans/view';

export const reviewPlanChangeAction = validatedAction<typeof planChangeSchema, Awaited<ReturnType<typeof requireOwner>>, ReviewData>({
  schema: planChangeSchema,
  guard: () => requireOwner(),
  run: async (input, ctx) => {
    const db = await getDb();
    const at = now();
    const quote = await quotePlanChange(db, ctx.account.id, { planCode: input.plan, seats: input.seats, interval: input.interval }, at);
    const state = await planState(db, ctx.account.id);
    return { data: reviewData(quote, { plan: input.plan, seats: String(input.seats), interval: input.interval }, state?.subscription.currentPeriodEnd ?? null, at, await requestLocale()) };
  },
});

export const confirmPlanChangeAction = validatedAction({
  schema: confirmPlanChangeSchema,
  guard: () => requireOwner(),
  run: async (input, ctx) => {
    const out = await changePlan(await getDb(), processor, ctx.account.id, { planCode: input.plan, seats: input.seats, interval: input.interval }, actorForUser(ctx.user, ctx.ip), now(), {
      quotedAt: input.quotedAt ? new Date(input.quotedAt) : null,
    });
    revalidatePath('/account/plan');
    const fmt = formattersFor(await requestLocale());
    if (out.invoice) {
      const values = { amount: fmt.money(out.invoice.grossCents), number: out.invoice.number };
      if (out.charge === 'paid') return { message: msg('plans.page.changedPaid', values) };
      if (out.charge === 'declined') return { message: msg('plans.page.changedDeclined', values) };
      return { message: msg('plans.page.changedPending', values) };
    }
    return { message: msg(out.quote.changesNow ? 'plans.page.changed' : 'plans.page.scheduled') };
  },
});

export const cancelScheduledChangeAction = validatedAction({
  schema: cancelScheduledChangeSchema,
  guard: () => requireOwner(),
  run: async (_input, ctx) => {
    await cancelScheduledChange(await getDb(), ctx.account.id, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/account/plan');
    return { message: msg('plans.page.scheduledCanceled') };
  },
});
