// Many-row inserts for batch work (the renewal sweep writes thousands of rows per round).
// A multi-row VALUES list binds one parameter per cell, and building those (the query builder's
// per-cell work) costs more than the database spends storing them. Here each column travels as
// ONE array parameter and PostgreSQL zips them back into rows with unnest(): in the database
// this costs the same as INSERT … SELECT from generated rows, and each value is still converted
// by its column's type (the array is cast to it), never spliced into the SQL text.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

export interface InsertRowsOptions {
  /** ON CONFLICT (column) DO NOTHING. */
  onConflictDoNothing?: PgColumn;
  /** A column to return for the rows actually inserted (as text). */
  returning?: PgColumn;
}

/**
 * Inserts `rows` in one statement. Every row must give the same columns: a column left out of
 * every row gets its database default, one left out of only some rows would be null there.
 * Values go through the column's own driver mapping (dates as ISO timestamps, json as text),
 * exactly as drizzle binds them.
 */
export async function insertRows<T extends PgTable>(db: Executor, table: T, rows: T['$inferInsert'][], opts: InsertRowsOptions = {}): Promise<string[]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const first = rows[0] as Record<string, unknown>;
  const keys = Object.keys(first).filter((k) => columns[k] && first[k] !== undefined);
  for (const k of keys) if (columns[k].getSQLType().endsWith(']')) throw new TypeError(`insertRows does not handle array column ${columns[k].name}`);
  // A column with one value in every row (the issue instant, the seller, a status) travels once,
  // as a single parameter, instead of as an array repeating it: fewer bytes to send and parse.
  const constant = (k: string) => rows.length > 1 && rows.every((row) => (row as Record<string, unknown>)[k] === first[k]);
  const constants = new Set(keys.filter(constant));
  if (constants.size === keys.length) constants.clear();
  const varying = keys.filter((k) => !constants.has(k));
  const arrays = varying.map((k) => {
    const column = columns[k];
    const type = column.getSQLType();
    // Rows of a batch often share one value (the same Date, the seller snapshot): convert it once.
    let previous: unknown;
    let previousText: string | null = null;
    const literal = arrayLiteral(
      rows.map((row) => {
        const value = (row as Record<string, unknown>)[k];
        if (value === null || value === undefined) return null;
        if (value !== previous) {
          previous = value;
          previousText = String(column.mapToDriverValue(value));
        }
        return previousText;
      }),
    );
    return sql`${literal}::${sql.raw(type)}[]`;
  });
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k].name)),
    sql`, `,
  );
  const aliases = varying.map((_, i) => sql.raw(`c${i}`));
  const values = keys.map((k) => {
    if (!constants.has(k)) return sql.raw(`u.c${varying.indexOf(k)}`);
    const column = columns[k];
    const value = first[k];
    return value === null ? sql`null::${sql.raw(column.getSQLType())}` : sql`${String(column.mapToDriverValue(value))}::${sql.raw(column.getSQLType())}`;
  });
  const parts: SQL[] = [
    sql`insert into ${table} (${names}) select ${sql.join(values, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.join(aliases, sql`, `)})`,
  ];
  if (opts.onConflictDoNothing) parts.push(sql` on conflict (${sql.identifier(opts.onConflictDoNothing.name)}) do nothing`);
  if (opts.returning) parts.push(sql` returning ${sql.identifier(opts.returning.name)}::text as value`);
  const result = await db.execute(sql.join(parts));
  if (!opts.returning) return [];
  return executedRows<{ value: string }>(result).map((r) => r.value);
}

/** The rows of a raw `db.execute`: postgres-js answers with the rows themselves, PGlite with `{ rows }`. */
export function executedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const NEEDS_ESCAPE = /[\\"]/;
const ESCAPED = /[\\"]/g;

/** A one-dimensional PostgreSQL array literal: every element quoted, NULL for null. */
function arrayLiteral(values: (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : NEEDS_ESCAPE.test(v) ? `"${v.replace(ESCAPED, '\\$&')}"` : `"${v}"`)).join(',')}}`;
}

/**
 * `column = any(array)` with the whole list as ONE parameter: the batch form of inArray, which
 * binds a parameter per value (costly to build for a thousand ids).
 */
export function inList(column: PgColumn, values: readonly (string | number)[]): SQL {
  return sql`${column} = any(${arrayLiteral(values.map((v) => String(column.mapToDriverValue(v))))}::${sql.raw(column.getSQLType())}[])`;
}
