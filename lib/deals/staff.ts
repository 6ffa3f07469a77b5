// APS-1: staff create and edit deals and revoke unused codes; every change is audited.
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { dealCodes, deals, plans } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { bratislavaDateTime } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import type { DealInput } from './schemas';

async function planIdFor(db: Db, code: string): Promise<string> {
  const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.code, code));
  if (!plan) throw new DomainError(msg('deals.validation.plan'), 'planCode');
  return plan.id;
}

function fields(input: DealInput, planId: string) {
  return {
    name: input.name,
    partner: input.partner,
    pricePaidCents: input.pricePaid,
    planId,
    lifetimeSeats: input.lifetimeSeats,
    closesAt: bratislavaDateTime(input.closesAt),
  };
}

async function nameTaken(db: Db, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(exceptId ? and(eq(deals.name, name), ne(deals.id, exceptId)) : eq(deals.name, name));
  return !!row;
}

export async function createDeal(db: Db, input: DealInput, actor: Actor, at: Date): Promise<{ id: string }> {
  const planId = await planIdFor(db, input.planCode);
  if (await nameTaken(db, input.name)) throw new DomainError(msg('deals.validation.nameTaken'), 'name');
  return db.transaction(async (tx) => {
    const [deal] = await tx
      .insert(deals)
      .values({ ...fields(input, planId), createdAt: at, updatedAt: at })
      .returning({ id: deals.id });
    await recordAudit(tx, actor, { action: 'deal.created', target: `deal:${deal.id}`, details: { name: input.name, closesAt: input.closesAt } });
    return deal;
  });
}

export async function updateDeal(db: Db, dealId: string, input: DealInput, actor: Actor, at: Date): Promise<void> {
  const planId = await planIdFor(db, input.planCode);
  if (await nameTaken(db, input.name, dealId)) throw new DomainError(msg('deals.validation.nameTaken'), 'name');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(deals).where(eq(deals.id, dealId)).for('update');
    if (!before) throw new DomainError(msg('deals.import.dealNotFound'));
    const next = fields(input, planId);
    await tx.update(deals).set({ ...next, updatedAt: at }).where(eq(deals.id, dealId));
    const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
    const previous = before as Record<string, unknown>;
    const changed = Object.fromEntries(
      Object.entries(next)
        .filter(([k, v]) => plain(v) !== plain(previous[k]))
        .map(([k, v]) => [k, { from: plain(previous[k]), to: plain(v) }]),
    );
    await recordAudit(tx, actor, { action: 'deal.updated', target: `deal:${dealId}`, details: { name: input.name, changed } });
  });
}

/** Only an unused code can be revoked; a redeemed one belongs to an account. */
export async function revokeCode(db: Db, codeId: string, actor: Actor, at: Date): Promise<{ code: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(dealCodes)
      .set({ revokedAt: at })
      .where(and(eq(dealCodes.id, codeId), isNull(dealCodes.accountId), isNull(dealCodes.revokedAt)))
      .returning({ code: dealCodes.code, dealId: dealCodes.dealId });
    if (!row) throw new DomainError(msg('deals.errors.cannotRevoke'));
    await recordAudit(tx, actor, { action: 'deal.code_revoked', target: `deal:${row.dealId}`, details: { code: row.code } });
    return { code: row.code };
  });
}
