// PLAN-7: fair-use limits. Each plan has limits (the seed sets them); staff may give one account
// its own limits without notice. Effective limit = the account's override ?? the plan's limit.
import { and, count, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accountLimitOverrides, accounts, plans, subscriptions, usageReports, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { monthOf } from '@/lib/deals/extra-seats';
import { msg } from '@/lib/i18n/message-ref';
import { effectiveLimits, LIMIT_NAMES, limitsExceeded, type LimitName, type Limits, type Usage } from './rules';
import type { SetLimitsInput } from './schemas';

export const limitsOf = (row: Limits): Limits => ({ maxUsers: row.maxUsers, maxTicketsPerMonth: row.maxTicketsPerMonth, maxStorageGb: row.maxStorageGb });

export type UsageReport = typeof usageReports.$inferSelect;

/** Active (not deleted) people of each account: the users a fair-use limit counts. */
export async function activeUserCounts(db: Executor, accountIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!accountIds.length) return out;
  const rows = await db
    .select({ accountId: users.accountId, n: count() })
    .from(users)
    .where(and(inArray(users.accountId, accountIds), isNull(users.deletedAt)))
    .groupBy(users.accountId);
  for (const r of rows) if (r.accountId) out.set(r.accountId, Number(r.n));
  return out;
}

/** The latest usage report of each account (all accounts with one when `accountIds` is omitted). */
export async function latestReports(db: Executor, accountIds?: string[]): Promise<Map<string, UsageReport>> {
  const rows = await db
    .selectDistinctOn([usageReports.accountId])
    .from(usageReports)
    .where(accountIds ? inArray(usageReports.accountId, accountIds.length ? accountIds : ['00000000-0000-0000-0000-000000000000']) : undefined)
    .orderBy(usageReports.accountId, desc(usageReports.reportedAt), desc(usageReports.id));
  return new Map(rows.map((r) => [r.accountId, r]));
}

/** What is known of an account's usage now: its active users and its latest report (tickets of this month only). */
export function usageFrom(users: number, report: UsageReport | undefined, at: Date): Usage {
  return {
    users,
    ticketsThisMonth: report && report.month === monthOf(at) ? report.ticketsThisMonth : null,
    storageMb: report?.storageMb ?? null,
  };
}

export interface AccountLimits {
  planName: string | null;
  plan: Limits | null;
  /** The account's own limits (null columns: the plan's apply); null when staff never set any. */
  override: Limits | null;
  effective: Limits;
  usage: Usage;
  exceeded: LimitName[];
  latestReport: UsageReport | null;
}

/** In a select from `accounts`: its active users, as activeUserCounts counts them. */
export const activeUsersOfAccount = sql<number>`(select count(*)::int from ${users} where ${users.accountId} = ${accounts.id} and ${users.deletedAt} is null)`;
/** Join condition for `usageReports`: the latest report of the account being selected, as latestReports picks it. */
export const latestReportOfAccount = eq(
  usageReports.id,
  sql`(select r.id from ${usageReports} r where r.account_id = ${accounts.id} order by r.reported_at desc, r.id desc limit 1)`,
);

/** AccountLimits from one row of plan, override, active users and latest report. */
export function limitsFromRow(row: { plan: typeof plans.$inferSelect | null; override: typeof accountLimitOverrides.$inferSelect | null; users: number | null; report: UsageReport | null } | undefined, at: Date): AccountLimits {
  const plan = row?.plan ? limitsOf(row.plan) : null;
  const override = row?.override ? limitsOf(row.override) : null;
  const effective = effectiveLimits(plan, override);
  const report = row?.report ?? undefined;
  const usage = usageFrom(Number(row?.users ?? 0), report, at);
  return { planName: row?.plan?.name ?? null, plan, override, effective, usage, exceeded: limitsExceeded(effective, usage), latestReport: report ?? null };
}

export async function accountLimits(db: Executor, accountId: string, at: Date): Promise<AccountLimits> {
  // One statement (the plan page and the staff account page read this): plan, override, the
  // active users and the latest usage report.
  const [row] = await db
    .select({ plan: plans, override: accountLimitOverrides, users: activeUsersOfAccount, report: usageReports })
    .from(accounts)
    .leftJoin(subscriptions, eq(subscriptions.accountId, accounts.id))
    .leftJoin(plans, eq(plans.id, subscriptions.planId))
    .leftJoin(accountLimitOverrides, eq(accountLimitOverrides.accountId, accounts.id))
    .leftJoin(usageReports, latestReportOfAccount)
    .where(eq(accounts.id, accountId));
  return limitsFromRow(row, at);
}

/**
 * PLAN-7: staff set an account's own limits. No email (the rule allows it without notice); the
 * audit entry keeps the limits before and after. Setting every field empty returns the account
 * to its plan's limits.
 */
export async function setAccountLimitsByStaff(db: Db, input: SetLimitsInput, actor: Actor, at: Date): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.id, input.accountId), ne(accounts.status, 'stopped'))).for('update');
    if (!account) throw new DomainError(msg('usage.errors.accountNotFound'));
    const [existing] = await tx.select().from(accountLimitOverrides).where(eq(accountLimitOverrides.accountId, input.accountId));
    const before: Limits = existing ? limitsOf(existing) : { maxUsers: null, maxTicketsPerMonth: null, maxStorageGb: null };
    const after: Limits = { maxUsers: input.maxUsers, maxTicketsPerMonth: input.maxTicketsPerMonth, maxStorageGb: input.maxStorageGb };
    if (LIMIT_NAMES.every((n) => before[n] === after[n])) return { changed: false };
    if (LIMIT_NAMES.every((n) => after[n] === null)) {
      await tx.delete(accountLimitOverrides).where(eq(accountLimitOverrides.accountId, input.accountId));
    } else {
      const values = { ...after, updatedAt: at, updatedBy: actor.id ?? null };
      await tx.insert(accountLimitOverrides).values({ accountId: input.accountId, ...values }).onConflictDoUpdate({ target: accountLimitOverrides.accountId, set: values });
    }
    await recordAudit(tx, actor, { action: 'plan.limits_changed', accountId: input.accountId, target: `account:${input.accountId}`, details: { before, after } });
    return { changed: true };
  });
}
