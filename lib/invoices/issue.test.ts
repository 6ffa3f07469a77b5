import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accounts, invoices, type PartySnapshot } from '@/db/schema';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { issueDocument } from './issue';

let t: TestDb;
let accountId: string;
const buyer: PartySnapshot = {
  name: 'Jana Novakova', company: 'Acme s.r.o.', street: 'Hlavna 1', city: 'Kosice', postalCode: '040 01',
  region: 'Kosicky kraj', country: 'SK', email: 'billing@acme.test', companyId: '12345678', vatNumber: null,
};

beforeAll(async () => {
  t = await createTestDb();
  const [a] = await t.db.insert(accounts).values({ slug: 'numbering', companyName: 'Acme', status: 'active', createdAt: new Date() }).returning();
  accountId = a.id;
});
afterAll(async () => t.dispose());

const issue = (issuedAt: Date, kind: 'invoice' | 'credit_note' = 'invoice') =>
  t.db.transaction((tx) =>
    issueDocument(tx, { accountId, kind, reason: 'test', buyer, issuedAt, lines: [{ description: 'Team plan, 1 seat', quantity: 1, unitPriceCents: 1500 }] }),
  );

describe('invoice numbering', () => {
  test('INV-1 50 invoices issued concurrently are numbered 1..50 with no gap or repeat', async () => {
    const at = new Date('2031-06-01T10:00:00Z');
    const issued = await Promise.all(Array.from({ length: 50 }, () => issue(at)));
    const numbers = issued.map((i) => i.number).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `INV-2031-${String(i + 1).padStart(6, '0')}`));
  });

  test('INV-1 a rolled-back issue gives its number back; credit notes have their own series; years restart', async () => {
    const at = new Date('2032-03-01T10:00:00Z');
    expect((await issue(at)).number).toBe('INV-2032-000001');
    await expect(
      t.db.transaction(async (tx) => {
        await issueDocument(tx, { accountId, kind: 'invoice', reason: 'test', buyer, issuedAt: at, lines: [] });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await issue(at)).number).toBe('INV-2032-000002');
    expect((await issue(at, 'credit_note')).number).toBe('CN-2032-000001');
    // 31 Dec 23:30 UTC is already the new year in Bratislava.
    expect((await issue(new Date('2032-12-31T23:30:00Z'))).number).toBe('INV-2033-000001');
  });

  test('INV-1 issued documents are immutable: the database refuses updates and deletes', async () => {
    const inv = await issue(new Date('2034-01-05T10:00:00Z'));
    await expect(t.db.update(invoices).set({ grossCents: 1 }).where(eq(invoices.id, inv.id))).rejects.toThrow();
    await expect(t.db.delete(invoices).where(eq(invoices.id, inv.id))).rejects.toThrow();
    await expect(t.db.execute(sql`update invoice_lines set net_cents = 0 where invoice_id = ${inv.id}`)).rejects.toThrow();
    const [row] = await t.db.select().from(invoices).where(eq(invoices.id, inv.id));
    expect(row.grossCents).toBe(1845); // 1500 + 23 % VAT
  });
});
