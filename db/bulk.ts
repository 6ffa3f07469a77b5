// Many-row inserts for batch work (the renewal sweep writes thousands of rows per round).
// A multi-row VALUES list binds one parameter per cell, and building those (the query builder's
// per-cell work) costs more than the database spends storing them. Here the whole batch travels
// as ONE json parameter that PostgreSQL expands with json_populate_recordset into the table's own
// row type, so each value is converted by its column's type just as a bound parameter would be.
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
 * Dates become ISO timestamps and objects json, as drizzle would bind them.
 */
export async function insertRows<T extends PgTable>(db: Executor, table: T, rows: T['$inferInsert'][], opts: InsertRowsOptions = {}): Promise<string[]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]).filter((k) => columns[k] && (rows[0] as Record<string, unknown>)[k] !== undefined);
  const names = keys.map((k) => columns[k].name);
  const payload = rows.map((row) => {
    const out: Record<string, unknown> = {};
    keys.forEach((k, i) => (out[names[i]] = (row as Record<string, unknown>)[k] ?? null));
    return out;
  });
  const list = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  const parts: SQL[] = [sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(payload)}::json)`];
  if (opts.onConflictDoNothing) parts.push(sql` on conflict (${sql.identifier(opts.onConflictDoNothing.name)}) do nothing`);
  if (opts.returning) parts.push(sql` returning ${sql.identifier(opts.returning.name)}::text as value`);
  const result = await db.execute(sql.join(parts));
  if (!opts.returning) return [];
  // postgres-js answers with the rows themselves, PGlite with { rows }.
  const returned = (Array.isArray(result) ? result : (result as unknown as { rows: { value: string }[] }).rows) as { value: string }[];
  return returned.map((r) => r.value);
}
