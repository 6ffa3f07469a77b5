import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, dealCodes, deals } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { importDealCodes } from './import';
import { dealSchema } from './schemas';
import { bratislavaDateTime } from '@/lib/clock';
import { createDeal, revokeCode, updateDeal } from './staff';

let t: TestDb;
const staff = { type: 'staff' as const, ip: '192.0.2.5' };
const at = new Date('2026-11-20T10:00:00Z');
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.dispose());

const form = (over: Record<string, string> = {}) =>
  dealSchema.parse({ name: 'Black Friday', partner: 'AppSumo', pricePaid: '59', planCode: 'all-in-one', lifetimeSeats: '2', closesAt: '2026-11-30T23:59', ...over });

describe('APS-1 staff manage deals', () => {
  test('APS-1 the deadline is read on the Bratislava clock, summer and winter', () => {
    expect(bratislavaDateTime('2019-11-30T23:59').toISOString()).toBe('2019-11-30T22:59:00.000Z');
    expect(bratislavaDateTime('2026-07-01T12:00').toISOString()).toBe('2026-07-01T10:00:00.000Z');
  });

  test('APS-1 staff create and edit a deal; both are audited with what changed', async () => {
    const { id } = await createDeal(t.db, form(), staff, at);
    await updateDeal(t.db, id, form({ pricePaid: '69,50', lifetimeSeats: '3' }), staff, at);
    const [deal] = await t.db.select().from(deals).where(eq(deals.id, id));
    expect(deal).toMatchObject({ pricePaidCents: 6950, lifetimeSeats: 3 });
    expect(deal.closesAt.toISOString()).toBe('2026-11-30T22:59:00.000Z');
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.target, `deal:${id}`));
    expect(entries.map((e) => e.action)).toEqual(['deal.created', 'deal.updated']);
    expect(entries[1].details).toMatchObject({ changed: { pricePaidCents: { from: 5900, to: 6950 }, lifetimeSeats: { from: 2, to: 3 } } });
    await expect(createDeal(t.db, form(), staff, at)).rejects.toBeInstanceOf(DomainError);
  });

  test('APS-1 an unused code can be revoked (audited); a revoked or redeemed one cannot', async () => {
    const [deal] = await t.db.select().from(deals).where(eq(deals.name, 'AppSumo'));
    await importDealCodes(t.db, { dealId: deal.id, csv: 'REVOKE-01', at }, staff);
    const [code] = await t.db.select().from(dealCodes).where(eq(dealCodes.codeKey, 'revoke-01'));
    expect(await revokeCode(t.db, code.id, staff, at)).toEqual({ code: 'REVOKE-01' });
    await expect(revokeCode(t.db, code.id, staff, at)).rejects.toBeInstanceOf(DomainError);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'deal.code_revoked'));
    expect(entry.details).toEqual({ code: 'REVOKE-01' });
  });
});
