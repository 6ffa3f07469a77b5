import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, dealCodes, deals } from '@/db/schema';
import type { Actor } from '@/lib/audit';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { importDealCodes } from './import';
import { lastDealClose, listDeals, searchCodes } from './queries';

let t: TestDb;
let dealId: string;
const staff: Actor = { type: 'staff', ip: '192.0.2.1' };
const at = new Date('2019-07-01T10:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
  [{ id: dealId }] = await t.db.select({ id: deals.id }).from(deals).where(eq(deals.name, 'AppSumo'));
});
afterAll(() => t.dispose());

describe('APS-1 importing codes', () => {
  test('APS-1 the seeded deal is AppSumo: €59, all-in-one, 2 lifetime seats, closes 30 Nov 2019 23:59 Bratislava', async () => {
    const [deal] = await t.db.select().from(deals).where(eq(deals.id, dealId));
    expect(deal).toMatchObject({ name: 'AppSumo', pricePaidCents: 5900, lifetimeSeats: 2 });
    expect(deal.closesAt.toISOString()).toBe('2019-11-30T22:59:00.000Z');
    expect((await lastDealClose(t.db))?.toISOString()).toBe('2019-11-30T22:59:00.000Z');
  });

  test('APS-1 codes already in the database are skipped with their lines; nothing is inserted twice', async () => {
    const first = await importDealCodes(t.db, { dealId, csv: 'code\nAAAA-0001\nAAAA-0002\n', at }, staff);
    expect(first).toEqual({ imported: 2, skipped: [] });
    const second = await importDealCodes(t.db, { dealId, csv: 'aaaa-0002\nAAAA-0003\nnot a code\nAAAA-0003\n', at }, staff);
    expect(second.imported).toBe(1);
    expect(second.skipped).toEqual([
      { line: 1, reason: 'already_imported', text: 'aaaa-0002' },
      { line: 3, reason: 'malformed', text: 'not a code' },
      { line: 4, reason: 'duplicate_in_file', text: 'AAAA-0003', firstLine: 2 },
    ]);
    const rows = await t.db.select({ code: dealCodes.code }).from(dealCodes).where(eq(dealCodes.dealId, dealId));
    expect(rows.map((r) => r.code).sort()).toEqual(['AAAA-0001', 'AAAA-0002', 'AAAA-0003']);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'deal.codes_imported'));
    expect(audits).toHaveLength(2);
    expect(audits[1].details).toMatchObject({ imported: 1, skipped: 3, alreadyImported: 1 });
  });

  test('APS-1 20 000 codes import in one go', async () => {
    const csv = Array.from({ length: 20_000 }, (_, i) => `BULK-${String(i).padStart(6, '0')}`).join('\n');
    const result = await importDealCodes(t.db, { dealId, csv, at }, staff);
    expect(result).toEqual({ imported: 20_000, skipped: [] });
  });

  test('APS-1 staff see per deal the codes imported, redeemed and remaining, and search codes by any part', async () => {
    const [appsumo] = (await listDeals(t.db)).filter((d) => d.name === 'AppSumo');
    expect(appsumo).toMatchObject({ imported: 20_003, redeemed: 0, revoked: 0, remaining: 20_003, planName: 'All-inclusive' });
    const found = await searchCodes(t.db, dealId, { query: 'aaaa-000' });
    expect(found.rows.map((r) => [r.code, r.state])).toEqual([
      ['AAAA-0001', 'unused'],
      ['AAAA-0002', 'unused'],
      ['AAAA-0003', 'unused'],
    ]);
    expect((await searchCodes(t.db, dealId, { query: '%' })).rows).toEqual([]);
    const firstPage = await searchCodes(t.db, dealId, { query: 'bulk' });
    expect(firstPage.rows).toHaveLength(50);
    expect(firstPage.hasNext).toBe(true);
    // Without a deal the search covers every deal and names each code's deal.
    const everywhere = await searchCodes(t.db, null, { query: 'AAAA-0002' });
    expect(everywhere.rows.map((r) => [r.code, r.deal.name])).toEqual([['AAAA-0002', 'AppSumo']]);
  });
});
