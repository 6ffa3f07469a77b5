import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { subProcessorSchema } from './sub-processor-schemas';
import { createSubProcessor, listSubProcessors, publicSubProcessors, removeSubProcessor, updateSubProcessor } from './sub-processors';

let t: TestDb;
const staff = { type: 'staff' as const, ip: '192.0.2.7' };
const at = new Date('2026-11-26T10:00:00Z');
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.dispose());

const form = (over: Record<string, string> = {}) =>
  subProcessorSchema.parse({
    name: 'Example Hosting GmbH',
    purposeEn: 'Hosting of the application and its database',
    purposeNl: 'Hosting van de applicatie en de database',
    country: 'de',
    website: 'https://hosting.example',
    sortOrder: '10',
    ...over,
  });

const fieldErrors = (over: Record<string, unknown>) => {
  const r = subProcessorSchema.safeParse({ name: 'X Ltd', purposeEn: 'Email delivery', purposeNl: 'E-mailbezorging', country: 'IE', website: '', sortOrder: '1', ...over });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('GDPR-1 staff manage the sub-processor list', () => {
  test('GDPR-1 each field is checked with its own message', () => {
    expect(fieldErrors({})).toEqual({});
    expect(fieldErrors({ name: ' ' })).toEqual({ name: 't:privacy.subProcessors.validation.name' });
    expect(fieldErrors({ purposeEn: '' })).toEqual({ purposeEn: 't:privacy.subProcessors.validation.purposeEn' });
    expect(fieldErrors({ purposeNl: 'x' })).toEqual({ purposeNl: 't:privacy.subProcessors.validation.purposeNl' });
    expect(fieldErrors({ country: 'XX' })).toEqual({ country: 't:privacy.subProcessors.validation.country' });
    expect(fieldErrors({ country: '' })).toEqual({ country: 't:privacy.subProcessors.validation.country' });
    expect(fieldErrors({ website: 'http://plain.example' })).toEqual({ website: 't:privacy.subProcessors.validation.website' });
    expect(fieldErrors({ website: 'javascript:alert(1)' })).toEqual({ website: 't:privacy.subProcessors.validation.website' });
    expect(fieldErrors({ sortOrder: '1.5' })).toEqual({ sortOrder: 't:privacy.subProcessors.validation.sortOrder' });
    expect(fieldErrors({ sortOrder: '-1' })).toEqual({ sortOrder: 't:privacy.subProcessors.validation.sortOrder' });
    expect(Object.keys(fieldErrors({ name: 'x'.repeat(121) }))).toEqual(['name']);
  });

  test('GDPR-1 the country is stored as an upper-case ISO code and an empty website as none', () => {
    expect(form({ country: ' ie ', website: '' })).toMatchObject({ country: 'IE', website: null, sortOrder: 10 });
  });

  test('GDPR-1 staff add, edit and remove a sub-processor; each change is audited with what changed', async () => {
    const { id } = await createSubProcessor(t.db, form(), staff, at);
    await updateSubProcessor(t.db, id, form({ purposeEn: 'Hosting of the application', sortOrder: '5' }), staff, at);
    // Saving the same values again records nothing.
    await updateSubProcessor(t.db, id, form({ purposeEn: 'Hosting of the application', sortOrder: '5' }), staff, at);
    expect(await listSubProcessors(t.db)).toMatchObject([{ id, purposeEn: 'Hosting of the application', sortOrder: 5, country: 'DE' }]);
    expect(await removeSubProcessor(t.db, id, staff)).toEqual({ name: 'Example Hosting GmbH' });
    expect(await listSubProcessors(t.db)).toEqual([]);

    const entries = await t.db.select().from(auditLog).where(eq(auditLog.target, `sub_processor:${id}`));
    expect(entries.map((e) => e.action)).toEqual(['sub_processor.created', 'sub_processor.updated', 'sub_processor.removed']);
    expect(entries.every((e) => e.actorType === 'staff' && e.ip === '192.0.2.7')).toBe(true);
    expect(entries[1].details).toMatchObject({ changed: { purposeEn: { from: 'Hosting of the application and its database', to: 'Hosting of the application' }, sortOrder: { from: 10, to: 5 } } });
    expect(entries[2].details).toMatchObject({ name: 'Example Hosting GmbH', country: 'DE', purposeNl: 'Hosting van de applicatie en de database' });

    await expect(updateSubProcessor(t.db, id, form(), staff, at)).rejects.toBeInstanceOf(DomainError);
    await expect(removeSubProcessor(t.db, id, staff)).rejects.toBeInstanceOf(DomainError);
    expect(await t.db.select().from(auditLog).where(like(auditLog.action, 'sub_processor.%'))).toHaveLength(3);
  });

  test('GDPR-1 the privacy page lists them in staff order with the purpose in the reader’s language', async () => {
    const b = await createSubProcessor(t.db, form({ name: 'Beta Mail', purposeEn: 'Email delivery', purposeNl: 'E-mailbezorging', sortOrder: '2' }), staff, at);
    const a = await createSubProcessor(t.db, form({ name: 'Alpha Cloud', sortOrder: '1', website: '' }), staff, at);
    expect(await publicSubProcessors(t.db, 'en')).toEqual([
      { id: a.id, name: 'Alpha Cloud', purpose: 'Hosting of the application and its database', country: 'DE', website: null },
      { id: b.id, name: 'Beta Mail', purpose: 'Email delivery', country: 'DE', website: 'https://hosting.example' },
    ]);
    expect((await publicSubProcessors(t.db, 'nl')).map((r) => r.purpose)).toEqual(['Hosting van de applicatie en de database', 'E-mailbezorging']);
  });
});
