'use server';
// APS-1, APS-3: staff manage deals and their codes. Staff act on any deal: the ids come from the
// form and every service checks that the deal or code exists.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { importDealCodes, type ImportResult } from '@/lib/deals/import';
import { dealSchema, editDealSchema, importCodesSchema, revokeCodeSchema, suspendHolderSchema } from '@/lib/deals/schemas';
import { suspendAccountByStaff } from '@/lib/accounts/staff-suspension';
import { createDeal, revokeCode, updateDeal } from '@/lib/deals/staff';
import { msg } from '@/lib/i18n/message-ref';

export const createDealAction = validatedAction({
  schema: dealSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    const { id } = await createDeal(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    redirect(`/staff/deals/${id}`);
  },
});

export const updateDealAction = validatedAction({
  schema: editDealSchema,
  guard: requireStaff,
  run: async ({ dealId, ...input }, ctx) => {
    await updateDeal(await getDb(), dealId, input, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath(`/staff/deals/${dealId}`);
    return { message: msg('deals.staff.edit.saved') };
  },
});

export const importCodesAction = validatedAction({
  schema: importCodesSchema,
  guard: requireStaff,
  run: async ({ dealId, file }, ctx): Promise<{ message: string; data: ImportResult }> => {
    const result = await importDealCodes(await getDb(), { dealId, csv: await file.text(), at: now() }, actorForUser(ctx.user, ctx.ip));
    revalidatePath('/staff/deals', 'layout');
    return { message: msg('deals.staff.import.done', { imported: result.imported, skipped: result.skipped.length }), data: result };
  },
});

export const revokeCodeAction = validatedAction({
  schema: revokeCodeSchema,
  guard: requireStaff,
  run: async ({ dealId, codeId }, ctx) => {
    const { code } = await revokeCode(await getDb(), codeId, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/staff/deals', 'layout');
    return { message: msg('deals.staff.codes.revoked', { code }) };
  },
});

/** APS-3: suspend the account that holds a code others keep trying (audited, owner emailed). */
export const suspendHolderAction = validatedAction({
  schema: suspendHolderSchema,
  guard: requireStaff,
  run: async ({ dealId, accountId, reason }, ctx) => {
    const { slug } = await suspendAccountByStaff(await getDb(), { accountId, reason, context: `deal:${dealId}` }, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath(`/staff/deals/${dealId}`);
    return { message: msg('deals.staff.suspend.done', { slug }) };
  },
});
