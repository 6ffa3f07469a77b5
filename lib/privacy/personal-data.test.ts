import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, test } from 'vitest';
import * as schema from '@/db/schema';
import { LOOKS_PERSONAL_BUT_IS_NOT, NON_PERSONAL, PERSONAL_DATA, PERSONAL_LOOKING } from './personal-data';

const tables = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => v instanceof PgTable)
  .map((t) => getTableConfig(t));

describe('personal-data register', () => {
  test('GDPR-6 GDPR-7 every personal-data column is covered by export and erasure', () => {
    expect(tables.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const table of tables) {
      const personal = PERSONAL_DATA[table.name] ?? {};
      const reviewed = new Set(NON_PERSONAL[table.name] ?? []);
      for (const column of table.columns) {
        const id = `${table.name}.${column.name}`;
        const isPersonal = column.name in personal;
        const isReviewed = reviewed.has(column.name);
        if (!isPersonal && !isReviewed) problems.push(`${id} is not classified: add it to PERSONAL_DATA or NON_PERSONAL in lib/privacy/personal-data.ts`);
        if (isPersonal && isReviewed) problems.push(`${id} is listed both as personal and as non-personal`);
        if (isReviewed && PERSONAL_LOOKING.test(column.name) && !(id in LOOKS_PERSONAL_BUT_IS_NOT)) {
          problems.push(`${id} looks like personal data but is listed as non-personal without a reviewed reason`);
        }
      }
      const names = new Set(table.columns.map((c) => c.name));
      for (const listed of [...Object.keys(personal), ...reviewed]) {
        if (!names.has(listed)) problems.push(`${table.name}.${listed} is in the register but not in the schema`);
      }
    }
    const known = new Set(tables.map((t) => t.name));
    for (const name of [...Object.keys(PERSONAL_DATA), ...Object.keys(NON_PERSONAL)]) {
      if (!known.has(name)) problems.push(`table ${name} is in the register but not in the schema`);
    }
    expect(problems).toEqual([]);
  });

  test('GDPR-6 GDPR-7 the check names an unclassified column', () => {
    // The same rule applied to a made-up column shows what a developer would read.
    const name = 'phone_number';
    expect(PERSONAL_LOOKING.test(name)).toBe(true);
    expect(PERSONAL_LOOKING.test('street')).toBe(true);
    expect(PERSONAL_LOOKING.test('to_status')).toBe(false);
  });
});
