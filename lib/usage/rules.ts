// PLAN-6 and PLAN-7, the pure rules: effective fair-use limits, usage against them, tickets per
// agent and which enterprise threshold an account's latest usage report crosses.

export interface Limits {
  /** null = unlimited */
  maxUsers: number | null;
  maxTicketsPerMonth: number | null;
  maxStorageGb: number | null;
}
export type LimitName = keyof Limits;
export const LIMIT_NAMES: LimitName[] = ['maxUsers', 'maxTicketsPerMonth', 'maxStorageGb'];

/** A per-account override: a null (or missing) column means "the plan's limit applies". */
export type LimitOverride = Partial<Limits> | null | undefined;

/** PLAN-7: effective limit = the account's override ?? the plan's limit (null stays unlimited). */
export function effectiveLimits(plan: Limits | null | undefined, override: LimitOverride): Limits {
  const out = {} as Limits;
  for (const name of LIMIT_NAMES) out[name] = override?.[name] ?? plan?.[name] ?? null;
  return out;
}

/** What is known of an account's current usage; null where nothing is known yet. */
export interface Usage {
  users: number | null;
  ticketsThisMonth: number | null;
  storageMb: number | null;
}

const USAGE_OF: Record<LimitName, (u: Usage) => number | null> = {
  maxUsers: (u) => u.users,
  maxTicketsPerMonth: (u) => u.ticketsThisMonth,
  maxStorageGb: (u) => (u.storageMb === null ? null : u.storageMb / 1024),
};

/** PLAN-7: the limits the usage is above (a limit reached exactly is still within fair use). */
export function limitsExceeded(limits: Limits, usage: Usage): LimitName[] {
  return LIMIT_NAMES.filter((name) => {
    const limit = limits[name];
    const used = USAGE_OF[name](usage);
    return limit !== null && used !== null && used > limit;
  });
}

export interface Thresholds {
  minEndUsers: number;
  minTicketsPerAgent: number;
}

/** PLAN-6: the defaults until staff change them on the candidates page. */
export const DEFAULT_THRESHOLDS: Thresholds = { minEndUsers: 10_000, minTicketsPerAgent: 1_000 };

/**
 * PLAN-6: tickets this month per agent. The agents the helpdesk reported when it did, else the
 * account's active users; never divided by less than one.
 */
export function ticketsPerAgent(ticketsThisMonth: number, reportedAgents: number | null | undefined, activeUsers: number): number {
  const agents = Math.max(1, reportedAgents ?? activeUsers);
  return ticketsThisMonth / agents;
}

export type CandidateReason = 'endUsers' | 'ticketsPerAgent';

/** PLAN-6: the thresholds a report reaches (at or above the threshold counts). */
export function candidateReasons(report: { endUsers: number; ticketsPerAgent: number }, thresholds: Thresholds): CandidateReason[] {
  const reasons: CandidateReason[] = [];
  if (report.endUsers >= thresholds.minEndUsers) reasons.push('endUsers');
  if (report.ticketsPerAgent >= thresholds.minTicketsPerAgent) reasons.push('ticketsPerAgent');
  return reasons;
}
