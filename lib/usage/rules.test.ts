import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { candidateReasons, DEFAULT_THRESHOLDS, effectiveLimits, limitsExceeded, ticketsPerAgent, type Limits } from './rules';

const limit = fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null });
const limits = fc.record({ maxUsers: limit, maxTicketsPerMonth: limit, maxStorageGb: limit });

describe('PLAN-7 effective fair-use limits', () => {
  test('PLAN-7 effective limit = the account override ?? the plan limit, per limit (null plan limit = unlimited)', () => {
    fc.assert(
      fc.property(limits, limits, (plan, override) => {
        const e = effectiveLimits(plan, override);
        for (const k of Object.keys(plan) as (keyof Limits)[]) expect(e[k]).toBe(override[k] ?? plan[k]);
      }),
    );
    expect(effectiveLimits({ maxUsers: 1, maxTicketsPerMonth: 100, maxStorageGb: 1 }, null)).toEqual({ maxUsers: 1, maxTicketsPerMonth: 100, maxStorageGb: 1 });
    expect(effectiveLimits({ maxUsers: 1, maxTicketsPerMonth: 100, maxStorageGb: 1 }, { maxUsers: null, maxTicketsPerMonth: 500, maxStorageGb: null })).toEqual({
      maxUsers: 1,
      maxTicketsPerMonth: 500,
      maxStorageGb: 1,
    });
    expect(effectiveLimits(null, undefined)).toEqual({ maxUsers: null, maxTicketsPerMonth: null, maxStorageGb: null });
  });

  test('PLAN-7 usage above a limit is flagged, usage at the limit, unknown usage and unlimited limits are not', () => {
    const l = { maxUsers: 1, maxTicketsPerMonth: 100, maxStorageGb: 1 };
    expect(limitsExceeded(l, { users: 1, ticketsThisMonth: 100, storageMb: 1024 })).toEqual([]);
    expect(limitsExceeded(l, { users: 2, ticketsThisMonth: 101, storageMb: 1025 })).toEqual(['maxUsers', 'maxTicketsPerMonth', 'maxStorageGb']);
    expect(limitsExceeded(l, { users: 1, ticketsThisMonth: null, storageMb: null })).toEqual([]);
    expect(limitsExceeded({ maxUsers: null, maxTicketsPerMonth: null, maxStorageGb: null }, { users: 10 ** 6, ticketsThisMonth: 10 ** 9, storageMb: 10 ** 9 })).toEqual([]);
  });
});

describe('PLAN-6 enterprise thresholds', () => {
  test('PLAN-6 tickets per agent divides by the reported agents, else the active users, never by less than one', () => {
    expect(ticketsPerAgent(3000, 3, 10)).toBe(1000);
    expect(ticketsPerAgent(3000, null, 2)).toBe(1500);
    expect(ticketsPerAgent(3000, 0, 0)).toBe(3000);
    fc.assert(
      fc.property(fc.nat(), fc.option(fc.nat(), { nil: null }), fc.nat(), (tickets, agents, users) => {
        const r = ticketsPerAgent(tickets, agents, users);
        expect(r).toBeLessThanOrEqual(tickets);
        expect(r).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  test('PLAN-6 a report reaching a configurable threshold names it; below both it is no candidate', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ minEndUsers: 10_000, minTicketsPerAgent: 1_000 });
    expect(candidateReasons({ endUsers: 9_999, ticketsPerAgent: 999.9 }, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(candidateReasons({ endUsers: 10_000, ticketsPerAgent: 10 }, DEFAULT_THRESHOLDS)).toEqual(['endUsers']);
    expect(candidateReasons({ endUsers: 5, ticketsPerAgent: 1_000 }, DEFAULT_THRESHOLDS)).toEqual(['ticketsPerAgent']);
    expect(candidateReasons({ endUsers: 500, ticketsPerAgent: 50 }, { minEndUsers: 400, minTicketsPerAgent: 50 })).toEqual(['endUsers', 'ticketsPerAgent']);
  });
});
