import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { scheduleMaintenanceSchema } from './schemas';
import { cancelMaintenance, listMaintenance, maintenanceForBanner, scheduleMaintenance } from './service';

let t: TestDb;
const staff = { type: 'staff' as const, ip: '192.0.2.5' };
const at = new Date('2026-12-01T10:00:00Z');
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.dispose());

const form = (over: Record<string, string> = {}) =>
  scheduleMaintenanceSchema.parse({ startsAt: '2026-12-10T23:00', endsAt: '2026-12-11T02:00', affectedEn: 'Sign-in and the inbox', affectedNl: 'Aanmelden en de inbox', ...over });

describe('OPS-1 staff schedule planned maintenance', () => {
  test('OPS-1 a window typed in Bratislava time is stored, audited, listed on /status and in the banner from 7 days before', async () => {
    const row = await scheduleMaintenance(t.db, form(), staff, at);
    expect(row.startsAt.toISOString()).toBe('2026-12-10T22:00:00.000Z');
    expect(row.endsAt.toISOString()).toBe('2026-12-11T01:00:00.000Z');
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'maintenance.scheduled'));
    expect(audits.map((a) => a.target)).toContain(`maintenance:${row.id}`);
    expect((await listMaintenance(t.db, at)).upcoming.map((w) => w.id)).toContain(row.id);
    expect(await maintenanceForBanner(t.db, new Date('2026-12-03T21:59:00Z'))).toEqual([]);
    expect((await maintenanceForBanner(t.db, new Date('2026-12-03T22:00:00Z'))).map((w) => w.id)).toEqual([row.id]);
    expect((await listMaintenance(t.db, new Date('2026-12-11T01:00:00Z'))).past.map((w) => w.id)).toContain(row.id);
  });

  test('OPS-1 an end before the start is refused at the Ends field', async () => {
    const err = await scheduleMaintenance(t.db, form({ endsAt: '2026-12-10T22:00' }), staff, at).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.field).toBe('endsAt');
  });

  test('OPS-1 staff call off a window: no banner any more, audited, and it cannot be called off twice', async () => {
    const row = await scheduleMaintenance(t.db, form({ startsAt: '2026-12-05T23:00', endsAt: '2026-12-06T01:00' }), staff, at);
    await cancelMaintenance(t.db, row.id, staff, at);
    expect((await maintenanceForBanner(t.db, new Date('2026-12-05T22:30:00Z'))).map((w) => w.id)).not.toContain(row.id);
    await expect(cancelMaintenance(t.db, row.id, staff, at)).rejects.toBeInstanceOf(DomainError);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'maintenance.cancelled'))).toHaveLength(1);
  });
});
