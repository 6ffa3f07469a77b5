// PLAN-6: enterprise candidates. Accounts whose latest usage report reaches a threshold (end users,
// or this month's tickets per agent) are listed for staff, who may mark them as enterprise with
// the custom price and terms agreed. Marked and stopped accounts leave the list.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { accountLimitOverrides, accounts, enterpriseAgreements, enterpriseThresholds, plans, subscriptions } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { msg } from '@/lib/i18n/message-ref';
import { activeUserCounts, latestReports, limitsOf, usageFrom, type UsageReport } from './limits';
import { candidateReasons, DEFAULT_THRESHOLDS, effectiveLimits, limitsExceeded, ticketsPerAgent, type CandidateReason, type LimitName, type Limits, type Thresholds, type Usage } from './rules';
import type { MarkEnterpriseInput, ThresholdsInput } from './schemas';

const ROW_ID = 'default';

export async function getThresholds(db: Executor): Promise<Thresholds & { updatedAt: Date | null }> {
  const [row] = await db.select().from(enterpriseThresholds).where(eq(enterpriseThresholds.id, ROW_ID));
  return row ? { minEndUsers: row.minEndUsers, minTicketsPerAgent: row.minTicketsPerAgent, updatedAt: row.updatedAt } : { ...DEFAULT_THRESHOLDS, updatedAt: null };
}

/** Staff change the thresholds; audited with the values before and after. */
export async function setThresholds(db: Db, input: ThresholdsInput, actor: Actor, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { updatedAt: _u, ...before } = await getThresholds(tx);
    const values = { minEndUsers: input.minEndUsers, minTicketsPerAgent: input.minTicketsPerAgent, updatedAt: at, updatedBy: actor.id ?? null };
    await tx.insert(enterpriseThresholds).values({ id: ROW_ID, ...values }).onConflictDoUpdate({ target: enterpriseThresholds.id, set: values });
    await recordAudit(tx, actor, {
      action: 'enterprise.thresholds_changed',
      details: { before, after: { minEndUsers: input.minEndUsers, minTicketsPerAgent: input.minTicketsPerAgent } },
    });
  });
}

export interface AccountUsageRow {
  accountId: string;
  slug: string;
  companyName: string;
  planName: string | null;
  report: UsageReport | null;
  activeUsers: number;
  /** Tickets this month per agent, from the latest report (null without one). */
  ticketsPerAgent: number | null;
}
export interface CandidateRow extends AccountUsageRow {
  report: UsageReport;
  ticketsPerAgent: number;
  reasons: CandidateReason[];
}

async function unstoppedAccounts(db: Executor, accountIds: string[]) {
  if (!accountIds.length) return [];
  return db
    .select({ id: accounts.id, slug: accounts.slug, companyName: accounts.companyName, plan: plans, override: accountLimitOverrides, enterpriseAt: enterpriseAgreements.markedAt })
    .from(accounts)
    .leftJoin(subscriptions, eq(subscriptions.accountId, accounts.id))
    .leftJoin(plans, eq(plans.id, subscriptions.planId))
    .leftJoin(accountLimitOverrides, eq(accountLimitOverrides.accountId, accounts.id))
    .leftJoin(enterpriseAgreements, eq(enterpriseAgreements.accountId, accounts.id))
    .where(and(inArray(accounts.id, accountIds), ne(accounts.status, 'stopped')));
}

/** PLAN-6: accounts (not stopped, not yet enterprise) whose latest report reaches a threshold, largest first. */
export async function listEnterpriseCandidates(db: Executor, thresholds: Thresholds): Promise<CandidateRow[]> {
  const reports = await latestReports(db);
  const ids = [...reports.keys()];
  const [rows, userCounts] = await Promise.all([unstoppedAccounts(db, ids), activeUserCounts(db, ids)]);
  const out: CandidateRow[] = [];
  for (const a of rows) {
    if (a.enterpriseAt) continue;
    const report = reports.get(a.id)!;
    const activeUsers = userCounts.get(a.id) ?? 0;
    const perAgent = ticketsPerAgent(report.ticketsThisMonth, report.agents, activeUsers);
    const reasons = candidateReasons({ endUsers: report.endUsers, ticketsPerAgent: perAgent }, thresholds);
    if (reasons.length) out.push({ accountId: a.id, slug: a.slug, companyName: a.companyName, planName: a.plan?.name ?? null, report, activeUsers, ticketsPerAgent: perAgent, reasons });
  }
  return out.sort((x, y) => y.report.endUsers - x.report.endUsers || y.ticketsPerAgent - x.ticketsPerAgent);
}

export interface OverLimitRow extends AccountUsageRow {
  limits: Limits;
  usage: Usage;
  exceeded: LimitName[];
}

/** PLAN-7: accounts (not stopped) above an effective fair-use limit, by their users and latest report. */
export async function listAboveFairUse(db: Executor, at: Date): Promise<OverLimitRow[]> {
  const reports = await latestReports(db);
  // Users count against a limit without any report, so every account on a plan is looked at.
  const onPlan = await db
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(subscriptions, eq(subscriptions.accountId, accounts.id))
    .where(ne(accounts.status, 'stopped'));
  const ids = [...new Set([...reports.keys(), ...onPlan.map((r) => r.id)])];
  const [rows, userCounts] = await Promise.all([unstoppedAccounts(db, ids), activeUserCounts(db, ids)]);
  const out: OverLimitRow[] = [];
  for (const a of rows) {
    const limits = effectiveLimits(a.plan ? limitsOf(a.plan) : null, a.override ? limitsOf(a.override) : null);
    const report = reports.get(a.id);
    const activeUsers = userCounts.get(a.id) ?? 0;
    const usage = usageFrom(activeUsers, report, at);
    const exceeded = limitsExceeded(limits, usage);
    if (!exceeded.length) continue;
    out.push({
      accountId: a.id,
      slug: a.slug,
      companyName: a.companyName,
      planName: a.plan?.name ?? null,
      report: report ?? null,
      activeUsers,
      ticketsPerAgent: report ? ticketsPerAgent(report.ticketsThisMonth, report.agents, activeUsers) : null,
      limits,
      usage,
      exceeded,
    });
  }
  return out.sort((x, y) => x.slug.localeCompare(y.slug));
}

export async function enterpriseAgreement(db: Executor, accountId: string) {
  const [row] = await db.select().from(enterpriseAgreements).where(eq(enterpriseAgreements.accountId, accountId));
  return row ?? null;
}

/** PLAN-6: staff mark an account as enterprise (custom price by agreement); audited with the terms. */
export async function markEnterprise(db: Db, input: MarkEnterpriseInput, actor: Actor, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.id, input.accountId), ne(accounts.status, 'stopped'))).for('update');
    if (!account) throw new DomainError(msg('usage.errors.accountNotFound'));
    const [inserted] = await tx
      .insert(enterpriseAgreements)
      .values({ accountId: input.accountId, agreedTerms: input.agreedTerms, markedAt: at, markedBy: actor.id ?? null })
      .onConflictDoNothing()
      .returning({ accountId: enterpriseAgreements.accountId });
    if (!inserted) throw new DomainError(msg('usage.errors.alreadyEnterprise'));
    await recordAudit(tx, actor, { action: 'enterprise.marked', accountId: input.accountId, target: `account:${input.accountId}`, details: { agreedTerms: input.agreedTerms } });
  });
}
