import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, outbox, sandboxCharges } from '@/db/schema';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { inList, insertRows } from './bulk';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.dispose());

const awkward = ['plain', '', 'NULL', 'with "quotes", commas, {braces}', 'back\\slash \\" and \\\\', 'line\nbreak\ttab', 'Žilina – ľšč 🙂'];

describe('insertRows', () => {
  test('awkward text, json, dates and nulls arrive exactly as given', async () => {
    const at = new Date('2027-03-28T00:30:00.123Z');
    await insertRows(
      t.db,
      outbox,
      awkward.map((text, i) => ({ accountId: null, to: `bulk-${i}@example.test`, subject: text, text, html: `<p title="${text}">`, status: 'queued' as const, nextAttemptAt: at, createdAt: at })),
    );
    const rows = await t.db.select().from(outbox).where(inArray(outbox.to, awkward.map((_, i) => `bulk-${i}@example.test`)));
    expect(rows).toHaveLength(awkward.length);
    for (const [i, text] of awkward.entries()) {
      const row = rows.find((r) => r.to === `bulk-${i}@example.test`)!;
      expect(row).toMatchObject({ subject: text, text, html: `<p title="${text}">`, accountId: null, attempts: 0 });
      expect(row.createdAt.toISOString()).toBe(at.toISOString());
    }
    const details = { quote: '"', backslash: '\\', nested: { list: [1, null, 'x,y'] }, empty: '' };
    await insertRows(t.db, auditLog, [{ at, actorType: 'system' as const, action: 'bulk.test', details }]);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'bulk.test'));
    expect(entry.details).toEqual(details);
    expect(entry.id).toBeGreaterThan(0);
  });

  test('a value every row shares (one json object, one instant, a null) is sent once and lands in every row; identical rows still insert', async () => {
    const at = new Date('2027-04-01T08:00:00.5Z');
    const shared = { seller: 'Accountdesk s.r.o.', "quote\"": ['a,b', null] };
    await insertRows(
      t.db,
      auditLog,
      ['one', 'two', 'three'].map((target) => ({ at, actorType: 'system' as const, actorId: null, action: 'bulk.shared', target, details: shared })),
    );
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, 'bulk.shared'));
    expect(rows.map((r) => r.target).sort()).toEqual(['one', 'three', 'two']);
    for (const r of rows) {
      expect(r.details).toEqual(shared);
      expect(r.at.toISOString()).toBe(at.toISOString());
      expect(r.actorId).toBeNull();
    }
    // Every column the same in every row: each row is still a row of its own.
    const same = { at, actorType: 'system' as const, action: 'bulk.identical', details: shared };
    await insertRows(t.db, auditLog, [same, same]);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'bulk.identical'))).toHaveLength(2);
  });

  test('conflicting rows are skipped and only the inserted ones are returned', async () => {
    const at = new Date('2027-01-01T00:00:00Z');
    const row = (id: string) => ({ id, idempotencyKey: `bulk:${id}`, token: 'tok', amountCents: 100, status: 'succeeded' as const, failureCode: null, createdAt: at });
    expect(await insertRows(t.db, sandboxCharges, [row('a')], { onConflictDoNothing: sandboxCharges.idempotencyKey, returning: sandboxCharges.idempotencyKey })).toEqual(['bulk:a']);
    const second = await insertRows(t.db, sandboxCharges, [row('a'), row('b')].map((r, i) => ({ ...r, id: `${r.id}${i}` })), {
      onConflictDoNothing: sandboxCharges.idempotencyKey,
      returning: sandboxCharges.idempotencyKey,
    });
    expect(second).toEqual(['bulk:b']);
  });

  test('inList matches exactly the listed values, whatever characters they hold', async () => {
    const at = new Date('2027-01-01T00:00:00Z');
    await insertRows(
      t.db,
      outbox,
      awkward.map((text) => ({ to: 'in-list@example.test', subject: text, text, html: text, status: 'held' as const, nextAttemptAt: at, createdAt: at })),
    );
    const found = await t.db
      .select({ subject: outbox.subject })
      .from(outbox)
      .where(and(eq(outbox.to, 'in-list@example.test'), inList(outbox.subject, [...awkward.slice(1), 'not there'])));
    expect(found.map((r) => r.subject).sort()).toEqual(awkward.slice(1).sort());
    expect(await t.db.select().from(outbox).where(inList(outbox.subject, []))).toEqual([]);
  });
});
