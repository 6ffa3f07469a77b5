'use server';
// CUS-1..CUS-5 in the back office. Staff act on any request: its id comes from the form and every
// service locks the request and checks the status machine before changing anything.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { processor } from '@/lib/billing/processor-instance';
import { bratislavaDateTime, now } from '@/lib/clock';
import { logEmailedRequestSchema, proposalSchema, recordApprovalSchema, refuseSchema, requestIdSchema } from '@/lib/custom-services/schemas';
import { deliverCustomService, logEmailedRequest, recordEmailApproval, refuseRequest, sendProposal, startReview, startWork, withdrawProposal } from '@/lib/custom-services/service';
import { msg } from '@/lib/i18n/message-ref';

const refresh = (id: string) => {
  revalidatePath(`/staff/custom-services/${id}`);
  revalidatePath('/staff/custom-services');
};

export const startReviewAction = validatedAction({
  schema: requestIdSchema,
  guard: requireStaff,
  run: async ({ requestId }, ctx) => {
    await startReview(await getDb(), requestId, actorForUser(ctx.user, ctx.ip), now());
    refresh(requestId);
    return { message: msg('customServices.staff.actions.reviewStarted') };
  },
});

export const refuseAction = validatedAction({
  schema: refuseSchema,
  guard: requireStaff,
  run: async ({ requestId, reason }, ctx) => {
    await refuseRequest(await getDb(), requestId, reason, actorForUser(ctx.user, ctx.ip), now());
    refresh(requestId);
    return { message: msg('customServices.staff.actions.refused') };
  },
});

export const sendProposalAction = validatedAction({
  schema: proposalSchema,
  guard: requireStaff,
  run: async ({ requestId, price, ...terms }, ctx) => {
    await sendProposal(await getDb(), requestId, { ...terms, priceCents: price }, actorForUser(ctx.user, ctx.ip), now());
    refresh(requestId);
    return { message: msg('customServices.staff.actions.proposalSent') };
  },
});

export const withdrawProposalAction = validatedAction({
  schema: requestIdSchema,
  guard: requireStaff,
  run: async ({ requestId }, ctx) => {
    await withdrawProposal(await getDb(), requestId, actorForUser(ctx.user, ctx.ip), now());
    refresh(requestId);
    return { message: msg('customServices.staff.actions.withdrawn') };
  },
});

export const recordApprovalAction = validatedAction({
  schema: recordApprovalSchema,
  guard: requireStaff,
  run: async ({ requestId, approverName, approvalEmail, receivedAt }, ctx) => {
    await recordEmailApproval(
      await getDb(),
      { requestId, approverName, emailText: approvalEmail, receivedAt: bratislavaDateTime(receivedAt), staffUserId: ctx.user.id },
      actorForUser(ctx.user, ctx.ip),
      now(),
    );
    refresh(requestId);
    return { message: msg('customServices.staff.actions.approvalRecorded') };
  },
});

export const startWorkAction = validatedAction({
  schema: requestIdSchema,
  guard: requireStaff,
  run: async ({ requestId }, ctx) => {
    await startWork(await getDb(), requestId, actorForUser(ctx.user, ctx.ip), now());
    refresh(requestId);
    return { message: msg('customServices.staff.actions.workStarted') };
  },
});

export const deliverAction = validatedAction({
  schema: requestIdSchema,
  guard: requireStaff,
  run: async ({ requestId }, ctx) => {
    const { invoice } = await deliverCustomService(await getDb(), processor, requestId, actorForUser(ctx.user, ctx.ip), now());
    refresh(requestId);
    return { message: msg('customServices.staff.actions.delivered', { number: invoice.number }) };
  },
});

/** CUS-1: a request that came by email, logged on the account's staff page. */
export const logEmailedRequestAction = validatedAction({
  schema: logEmailedRequestSchema,
  guard: requireStaff,
  run: async ({ accountId, emailText, receivedAt }, ctx) => {
    const row = await logEmailedRequest(await getDb(), { accountId, emailText, receivedAt: bratislavaDateTime(receivedAt) }, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath(`/staff/accounts/${accountId}`);
    revalidatePath('/staff/custom-services');
    return { message: msg('customServices.staff.logCard.logged', { reference: row.reference }) };
  },
});
