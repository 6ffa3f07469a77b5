import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, outbox, plans, subscriptions, usageApiTokens, usageReports } from '@/db/schema';
import { seed, SEED_PLANS } from '@/db/seed';
import { DomainError } from '@/lib/actions';
import { makeOwnerAccount, makeUser } from '@/lib/test-utils/factories';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { stopAccount } from '@/lib/cancellation/stop-account';
import { handleUsageReport, MAX_BODY_BYTES } from './api';
import { enterpriseAgreement, getThresholds, listAboveFairUse, listEnterpriseCandidates, markEnterprise, setThresholds } from './enterprise';
import { accountLimits, setAccountLimitsByStaff } from './limits';
import { markEnterpriseSchema, setLimitsSchema, thresholdsSchema } from './schemas';
import { accountForUsageToken, createUsageTokenByOwner, hashUsageToken, rotateUsageTokenByStaff, usageTokenInfo } from './tokens';

let t: TestDb;
const at = new Date('2026-11-26T10:00:00Z');
const staff = { type: 'staff' as const, ip: '192.0.2.5' };
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.dispose());

async function ownerOnPlan(code = 'free') {
  const a = await makeOwnerAccount(t.db, { sessions: 0 });
  const [plan] = await t.db.select().from(plans).where(eq(plans.code, code));
  await t.db.insert(subscriptions).values({ accountId: a.account.id, planId: plan.id, seats: 1, status: 'active', createdAt: at, updatedAt: at });
  return { ...a, owner: { ...a.owner }, actor: { type: 'owner' as const, id: a.owner.id, ip: '198.51.100.9' } };
}

const post = (token: string | null, body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/usage', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('PLAN-6 usage token', () => {
  test('PLAN-6 the token is returned once, only its sha-256 and prefix are stored, and creating is audited', async () => {
    const a = await ownerOnPlan();
    const { token, prefix } = await createUsageTokenByOwner(t.db, a.account.id, a.actor, at);
    expect(token.startsWith(prefix)).toBe(true);
    expect(token.length).toBeGreaterThan(40);
    const [row] = await t.db.select().from(usageApiTokens).where(eq(usageApiTokens.accountId, a.account.id));
    expect(row.tokenHash).toBe(hashUsageToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await usageTokenInfo(t.db, a.account.id)).toMatchObject({ tokenPrefix: prefix, createdByRole: 'owner' });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.accountId, a.account.id));
    expect(audits.map((x) => x.action)).toContain('usage.token_created');
    expect(JSON.stringify(audits)).not.toContain(token);
    expect(await accountForUsageToken(t.db, token)).toBe(a.account.id);
  });

  test('PLAN-6 rotating invalidates the old token, by the owner and by staff (whose new token nobody sees)', async () => {
    const a = await ownerOnPlan();
    const first = await createUsageTokenByOwner(t.db, a.account.id, a.actor, at);
    const second = await createUsageTokenByOwner(t.db, a.account.id, a.actor, at);
    expect(await accountForUsageToken(t.db, first.token)).toBeNull();
    expect(await accountForUsageToken(t.db, second.token)).toBe(a.account.id);
    const rotated = await rotateUsageTokenByStaff(t.db, a.account.id, staff, at);
    expect(rotated).not.toBeNull();
    expect(rotated).not.toHaveProperty('token');
    expect(await accountForUsageToken(t.db, second.token)).toBeNull();
    expect(await usageTokenInfo(t.db, a.account.id)).toMatchObject({ tokenPrefix: rotated!.prefix, createdByRole: 'staff' });
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.accountId, a.account.id))).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['usage.token_created', 'usage.token_rotated', 'usage.token_rotated_by_staff']));
  });
});

describe('PLAN-6 POST /api/usage', () => {
  test('PLAN-6 a missing or wrong token is refused with 401', async () => {
    const a = await ownerOnPlan();
    const { token } = await createUsageTokenByOwner(t.db, a.account.id, a.actor, at);
    expect((await handleUsageReport(t.db, post(null, { endUsers: 1, ticketsThisMonth: 1 }), at)).status).toBe(401);
    expect((await handleUsageReport(t.db, post(`${token.slice(0, -2)}xx`, { endUsers: 1, ticketsThisMonth: 1 }), at)).status).toBe(401);
    expect((await handleUsageReport(t.db, post('something-else', { endUsers: 1, ticketsThisMonth: 1 }), at)).status).toBe(401);
    expect(await t.db.select().from(usageReports).where(eq(usageReports.accountId, a.account.id))).toEqual([]);
  });

  test('PLAN-6 invalid fields get 400 with a message per field; a large body 413', async () => {
    const a = await ownerOnPlan();
    const { token } = await createUsageTokenByOwner(t.db, a.account.id, a.actor, at);
    const bad = await handleUsageReport(t.db, post(token, { endUsers: -1, ticketsThisMonth: 1.5, period: '2026-13' }), at);
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.fields.endUsers[0]).toMatch(/negative/);
    expect(body.fields.ticketsThisMonth[0]).toMatch(/whole number/);
    expect(body.fields.period[0]).toMatch(/month/);
    expect((await handleUsageReport(t.db, post(token, '{not json'), at)).status).toBe(400);
    expect((await handleUsageReport(t.db, post(token, { endUsers: 1, ticketsThisMonth: 1, period: '2026-12' }), at)).status).toBe(400);
    expect((await handleUsageReport(t.db, post(token, { endUsers: 1, ticketsThisMonth: 1, accountId: 'x' }), at)).status).toBe(400);
    const big = JSON.stringify({ endUsers: 1, ticketsThisMonth: 1, padding: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await handleUsageReport(t.db, post(token, big), at)).status).toBe(413);
  });

  test('PLAN-6 a valid report is stored for the token\'s account (never one named in the body) and answered with what was stored', async () => {
    const a = await ownerOnPlan();
    const other = await ownerOnPlan();
    const { token } = await createUsageTokenByOwner(t.db, a.account.id, a.actor, at);
    const res = await handleUsageReport(t.db, post(token, { endUsers: 12000, ticketsThisMonth: 2500, agents: 2, storageMb: 2048 }), at);
    expect(res.status).toBe(200);
    expect((await res.json()).stored).toMatchObject({ month: '2026-11', endUsers: 12000, ticketsThisMonth: 2500, agents: 2, storageMb: 2048 });
    const rows = await t.db.select().from(usageReports).where(eq(usageReports.accountId, a.account.id));
    expect(rows).toHaveLength(1);
    expect(await t.db.select().from(usageReports).where(eq(usageReports.accountId, other.account.id))).toEqual([]);
    expect((await usageTokenInfo(t.db, a.account.id))?.lastUsedAt?.toISOString()).toBe(at.toISOString());
  });

  test('PLAN-6 reports are rate limited per token with 429 and Retry-After', async () => {
    const a = await ownerOnPlan();
    const { token } = await createUsageTokenByOwner(t.db, a.account.id, a.actor, at);
    let last: Response | null = null;
    for (let i = 0; i < 121; i++) last = await handleUsageReport(t.db, post(token, { endUsers: 1, ticketsThisMonth: 1 }), at);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('PLAN-6 a stopped account\'s token no longer works', async () => {
    const a = await ownerOnPlan();
    const { token } = await createUsageTokenByOwner(t.db, a.account.id, a.actor, at);
    await stopAccount(t.db, { accountId: a.account.id, actorUserId: a.owner.id, confirmation: a.account.slug });
    expect((await handleUsageReport(t.db, post(token, { endUsers: 1, ticketsThisMonth: 1 }), at)).status).toBe(401);
    expect(await t.db.select().from(usageApiTokens).where(eq(usageApiTokens.accountId, a.account.id))).toEqual([]);
  });
});

describe('PLAN-6 enterprise candidates', () => {
  test('PLAN-6 accounts reaching a configurable threshold are listed with their figures; staff mark one enterprise and it leaves the list', async () => {
    const big = await ownerOnPlan('team');
    const busy = await ownerOnPlan('team');
    const small = await ownerOnPlan('team');
    await makeUser(t.db, busy.account.id, { role: 'agent' });
    for (const [acc, body] of [
      [big, { endUsers: 15000, ticketsThisMonth: 100 }],
      [busy, { endUsers: 50, ticketsThisMonth: 2400 }], // 2 active users → 1200 per agent
      [small, { endUsers: 50, ticketsThisMonth: 100 }],
    ] as const) {
      const { token } = await createUsageTokenByOwner(t.db, acc.account.id, acc.actor, at);
      expect((await handleUsageReport(t.db, post(token, body), at)).status).toBe(200);
    }
    const ids = (rows: { accountId: string }[]) => rows.map((r) => r.accountId);
    const list = await listEnterpriseCandidates(t.db, await getThresholds(t.db));
    expect(list.find((r) => r.accountId === big.account.id)).toMatchObject({ reasons: ['endUsers'], report: { endUsers: 15000 } });
    expect(list.find((r) => r.accountId === busy.account.id)).toMatchObject({ reasons: ['ticketsPerAgent'], ticketsPerAgent: 1200 });
    expect(ids(list)).not.toContain(small.account.id);

    // Thresholds are configurable (audited with before and after).
    await setThresholds(t.db, thresholdsSchema.parse({ minEndUsers: '40', minTicketsPerAgent: '5000' }), staff, at);
    const configured = await listEnterpriseCandidates(t.db, await getThresholds(t.db));
    expect(ids(configured)).toEqual(expect.arrayContaining([big.account.id, busy.account.id, small.account.id]));
    expect(configured.find((r) => r.accountId === busy.account.id)?.reasons).toEqual(['endUsers']);
    const [changed] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'enterprise.thresholds_changed'));
    expect(changed.details).toEqual({ before: { minEndUsers: 10000, minTicketsPerAgent: 1000 }, after: { minEndUsers: 40, minTicketsPerAgent: 5000 } });
    await setThresholds(t.db, thresholdsSchema.parse({ minEndUsers: '10000', minTicketsPerAgent: '1000' }), staff, at);

    await markEnterprise(t.db, markEnterpriseSchema.parse({ accountId: big.account.id, agreedTerms: 'EUR 900 a month, 24 months' }), staff, at);
    expect(ids(await listEnterpriseCandidates(t.db, await getThresholds(t.db)))).not.toContain(big.account.id);
    expect(await enterpriseAgreement(t.db, big.account.id)).toMatchObject({ agreedTerms: 'EUR 900 a month, 24 months' });
    const [marked] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'enterprise.marked'));
    expect(marked).toMatchObject({ accountId: big.account.id, actorType: 'staff', details: { agreedTerms: 'EUR 900 a month, 24 months' } });
    await expect(markEnterprise(t.db, markEnterpriseSchema.parse({ accountId: big.account.id, agreedTerms: 'again' }), staff, at)).rejects.toBeInstanceOf(DomainError);
  });
});

describe('PLAN-7 fair-use limits', () => {
  test('PLAN-7 the seed fills the plan limits, also on a database that had the plans without them', async () => {
    await t.db.update(plans).set({ maxUsers: null, maxTicketsPerMonth: null, maxStorageGb: null });
    await seed(t.db);
    const rows = await t.db.select().from(plans);
    for (const p of SEED_PLANS) {
      expect(rows.find((r) => r.code === p.code)).toMatchObject({ maxUsers: p.maxUsers, maxTicketsPerMonth: p.maxTicketsPerMonth, maxStorageGb: p.maxStorageGb });
    }
    expect(rows.find((r) => r.code === 'free')).toMatchObject({ maxUsers: 1, maxTicketsPerMonth: 100, maxStorageGb: 1 });
  });

  test('PLAN-7 effective limits are the override ?? the plan; a staff change is audited with before and after and sends no email', async () => {
    const a = await ownerOnPlan('free');
    expect((await accountLimits(t.db, a.account.id, at)).effective).toEqual({ maxUsers: 1, maxTicketsPerMonth: 100, maxStorageGb: 1 });
    const mails = async () => (await t.db.select().from(outbox).where(eq(outbox.accountId, a.account.id))).length;
    const before = await mails();
    const r = await setAccountLimitsByStaff(t.db, setLimitsSchema.parse({ accountId: a.account.id, maxUsers: '3', maxTicketsPerMonth: '', maxStorageGb: '5' }), staff, at);
    expect(r.changed).toBe(true);
    const view = await accountLimits(t.db, a.account.id, at);
    expect(view.effective).toEqual({ maxUsers: 3, maxTicketsPerMonth: 100, maxStorageGb: 5 });
    expect(view.override).toEqual({ maxUsers: 3, maxTicketsPerMonth: null, maxStorageGb: 5 });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'plan.limits_changed'));
    expect(entry).toMatchObject({
      accountId: a.account.id,
      actorType: 'staff',
      details: { before: { maxUsers: null, maxTicketsPerMonth: null, maxStorageGb: null }, after: { maxUsers: 3, maxTicketsPerMonth: null, maxStorageGb: 5 } },
    });
    expect(await mails()).toBe(before);
    // The same values again change nothing and log nothing; all empty returns to the plan's limits.
    expect((await setAccountLimitsByStaff(t.db, setLimitsSchema.parse({ accountId: a.account.id, maxUsers: '3', maxTicketsPerMonth: '', maxStorageGb: '5' }), staff, at)).changed).toBe(false);
    await setAccountLimitsByStaff(t.db, setLimitsSchema.parse({ accountId: a.account.id, maxUsers: '', maxTicketsPerMonth: '', maxStorageGb: '' }), staff, at);
    expect((await accountLimits(t.db, a.account.id, at)).override).toBeNull();
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'plan.limits_changed'))).toHaveLength(2);
  });

  test('PLAN-7 the limits form refuses what is not a whole number at its field', () => {
    const r = setLimitsSchema.safeParse({ accountId: '00000000-0000-4000-8000-000000000000', maxUsers: '-1', maxTicketsPerMonth: '1.5', maxStorageGb: '' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toEqual(['maxUsers', 'maxTicketsPerMonth']);
  });

  test('PLAN-7 accounts above their effective limits are listed for staff with what they exceed', async () => {
    const a = await ownerOnPlan('free');
    await makeUser(t.db, a.account.id, { role: 'agent' });
    const { token } = await createUsageTokenByOwner(t.db, a.account.id, a.actor, at);
    await handleUsageReport(t.db, post(token, { endUsers: 10, ticketsThisMonth: 150, storageMb: 100 }), at);
    const row = (await listAboveFairUse(t.db, at)).find((r) => r.accountId === a.account.id);
    expect(row?.exceeded).toEqual(['maxUsers', 'maxTicketsPerMonth']);
    await setAccountLimitsByStaff(t.db, setLimitsSchema.parse({ accountId: a.account.id, maxUsers: '2', maxTicketsPerMonth: '200', maxStorageGb: '' }), staff, at);
    expect((await listAboveFairUse(t.db, at)).map((r) => r.accountId)).not.toContain(a.account.id);
    // Last month's tickets do not count against this month.
    expect((await accountLimits(t.db, a.account.id, new Date('2026-12-01T10:00:00Z'))).usage.ticketsThisMonth).toBeNull();
  });
});
