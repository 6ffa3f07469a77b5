import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog } from '@/db/schema';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { listAudit, recordAudit } from '.';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.dispose());

describe('audit log', () => {
  test('OPS-2 an entry records who, what, when and from where', async () => {
    await recordAudit(t.db, { type: 'staff', id: '00000000-0000-4000-8000-000000000001', ip: '203.0.113.9' }, {
      action: 'account.suspended',
      accountId: '00000000-0000-4000-8000-000000000002',
      target: 'account:x',
      details: { reason: 'test' },
    });
    const [row] = await listAudit(t.db, { accountId: '00000000-0000-4000-8000-000000000002' });
    expect(row).toMatchObject({ actorType: 'staff', action: 'account.suspended', ip: '203.0.113.9' });
    expect(row.at).toBeInstanceOf(Date);
  });

  test('OPS-2 the database refuses to update, delete or truncate audit entries', async () => {
    await recordAudit(t.db, { type: 'system' }, { action: 'test.append_only' });
    await expect(t.db.execute(sql`update audit_log set action = 'changed'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const rows = await t.db.select().from(auditLog);
    expect(rows.some((r) => r.action === 'test.append_only')).toBe(true);
  });
});
