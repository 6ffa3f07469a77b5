// What staff read about deals: the list with its figures, one deal, its codes and the refused
// attempts to reuse a code (APS-1, APS-3).
import { and, asc, desc, eq, ilike, isNotNull, isNull, sql } from 'drizzle-orm';
import { executedRows } from '@/db/bulk';
import type { Executor } from '@/db/client';
import { accounts, dealCodes, dealRedemptionAttempts, deals, plans } from '@/db/schema';
import { codeState, type CodeState } from './rules';

export interface DealSummary {
  id: string;
  name: string;
  partner: string;
  pricePaidCents: number;
  planName: string;
  lifetimeSeats: number;
  closesAt: Date;
  imported: number;
  redeemed: number;
  revoked: number;
  remaining: number;
}

function figures() {
  return {
    imported: sql<number>`count(${dealCodes.id})::int`,
    redeemed: sql<number>`count(${dealCodes.id}) filter (where ${dealCodes.accountId} is not null)::int`,
    revoked: sql<number>`count(${dealCodes.id}) filter (where ${dealCodes.revokedAt} is not null)::int`,
  };
}

export async function listDeals(db: Executor): Promise<DealSummary[]> {
  const rows = await db
    .select({
      id: deals.id,
      name: deals.name,
      partner: deals.partner,
      pricePaidCents: deals.pricePaidCents,
      planName: plans.name,
      lifetimeSeats: deals.lifetimeSeats,
      closesAt: deals.closesAt,
      ...figures(),
    })
    .from(deals)
    .innerJoin(plans, eq(plans.id, deals.planId))
    .leftJoin(dealCodes, eq(dealCodes.dealId, deals.id))
    .groupBy(deals.id, plans.name)
    .orderBy(desc(deals.closesAt), asc(deals.name));
  return rows.map((r) => ({ ...r, remaining: r.imported - r.redeemed - r.revoked }));
}

/** APS-4: when the last deal closes (null without deals); the public page reads only this, never the code counts. */
export async function lastDealClose(db: Executor): Promise<Date | null> {
  const [row] = await db.select({ closesAt: sql<Date | null>`max(${deals.closesAt})`.mapWith(deals.closesAt) }).from(deals);
  return row?.closesAt ?? null;
}

export async function getDeal(db: Executor, dealId: string) {
  const [deal] = await db
    .select({
      id: deals.id,
      name: deals.name,
      partner: deals.partner,
      pricePaidCents: deals.pricePaidCents,
      planId: deals.planId,
      planCode: plans.code,
      planName: plans.name,
      lifetimeSeats: deals.lifetimeSeats,
      closesAt: deals.closesAt,
    })
    .from(deals)
    .innerJoin(plans, eq(plans.id, deals.planId))
    .where(eq(deals.id, dealId));
  if (!deal) return null;
  const [counts] = await db.select(figures()).from(dealCodes).where(eq(dealCodes.dealId, dealId));
  return { ...deal, ...counts, remaining: counts.imported - counts.redeemed - counts.revoked };
}

export interface CodeRow {
  id: string;
  code: string;
  state: CodeState;
  importedAt: Date;
  redeemedAt: Date | null;
  revokedAt: Date | null;
  account: { id: string; slug: string; companyName: string } | null;
  deal: { id: string; name: string };
}

export const CODES_PAGE_SIZE = 50;

/**
 * Codes of a deal (or of every deal with `dealId` null), newest import first; `query` matches any
 * part of the code (case-insensitive).
 */
export async function searchCodes(
  db: Executor,
  dealId: string | null,
  opts: { query?: string; state?: CodeState; page?: number } = {},
): Promise<{ rows: CodeRow[]; hasNext: boolean }> {
  const page = Math.max(1, opts.page ?? 1);
  const filters = dealId ? [eq(dealCodes.dealId, dealId)] : [];
  const q = opts.query?.trim();
  if (q) filters.push(ilike(dealCodes.codeKey, `%${q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`));
  if (opts.state === 'revoked') filters.push(isNotNull(dealCodes.revokedAt));
  if (opts.state === 'redeemed') filters.push(isNotNull(dealCodes.accountId));
  if (opts.state === 'unused') filters.push(isNull(dealCodes.accountId), isNull(dealCodes.revokedAt));
  const rows = await db
    .select({
      id: dealCodes.id,
      code: dealCodes.code,
      importedAt: dealCodes.importedAt,
      redeemedAt: dealCodes.redeemedAt,
      revokedAt: dealCodes.revokedAt,
      accountId: dealCodes.accountId,
      slug: accounts.slug,
      companyName: accounts.companyName,
      dealId: deals.id,
      dealName: deals.name,
    })
    .from(dealCodes)
    .innerJoin(deals, eq(deals.id, dealCodes.dealId))
    .leftJoin(accounts, eq(accounts.id, dealCodes.accountId))
    .where(and(...filters))
    .orderBy(desc(dealCodes.importedAt), asc(dealCodes.codeKey))
    .limit(CODES_PAGE_SIZE + 1)
    .offset((page - 1) * CODES_PAGE_SIZE);
  return {
    hasNext: rows.length > CODES_PAGE_SIZE,
    rows: rows.slice(0, CODES_PAGE_SIZE).map((r) => ({
      id: r.id,
      code: r.code,
      state: codeState(r),
      importedAt: r.importedAt,
      redeemedAt: r.redeemedAt,
      revokedAt: r.revokedAt,
      account: r.accountId ? { id: r.accountId, slug: r.slug ?? '', companyName: r.companyName ?? '' } : null,
      deal: { id: r.dealId, name: r.dealName },
    })),
  };
}

/** APS-3: refused attempts to redeem a code someone already holds, newest first. */
export async function refusedAttempts(db: Executor, dealId: string, limit = 100) {
  return db
    .select({
      id: dealRedemptionAttempts.id,
      at: dealRedemptionAttempts.at,
      ip: dealRedemptionAttempts.ip,
      email: dealRedemptionAttempts.email,
      code: dealCodes.code,
      holdingAccountId: dealRedemptionAttempts.holdingAccountId,
      holdingSlug: accounts.slug,
      holdingStatus: accounts.status,
    })
    .from(dealRedemptionAttempts)
    .innerJoin(dealCodes, eq(dealCodes.id, dealRedemptionAttempts.codeId))
    .leftJoin(accounts, eq(accounts.id, dealRedemptionAttempts.holdingAccountId))
    .where(eq(dealCodes.dealId, dealId))
    .orderBy(desc(dealRedemptionAttempts.at))
    .limit(limit);
}

/** The plans a deal can give, for the staff form. */
export async function listPlanChoices(db: Executor): Promise<{ code: string; name: string }[]> {
  return db.select({ code: plans.code, name: plans.name }).from(plans).orderBy(asc(plans.sortOrder));
}

/** Deal accounts that have more users than the free lifetime seats, and what their extra users were invoiced. */
export async function extraUserAccounts(db: Executor, dealId: string) {
  const rows = await db.execute(sql`
    select a.id, a.slug, a.company_name as "companyName",
           (select count(*)::int from users u where u.account_id = a.id and u.deleted_at is null) as users,
           coalesce((select sum(i.gross_cents)::int from invoices i where i.account_id = a.id and i.reason = 'extra_seats'), 0) as "invoicedCents"
    from deal_codes c
    join deals d on d.id = c.deal_id
    join accounts a on a.id = c.account_id
    where c.deal_id = ${dealId}
      and ((select count(*) from users u where u.account_id = a.id and u.deleted_at is null) > d.lifetime_seats
           or exists (select 1 from invoices i where i.account_id = a.id and i.reason = 'extra_seats'))
    order by "invoicedCents" desc, a.slug
    limit 100`);
  const list = executedRows<{ id: string; slug: string; companyName: string; users: number; invoicedCents: number }>(rows);
  return { accounts: list, invoicedCents: list.reduce((s, r) => s + r.invoicedCents, 0) };
}
