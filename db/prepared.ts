// Statements every portal page runs (the session, the billing banner) are built once per database
// handle and then only executed: for a small select, drizzle's query builder costs about as much
// CPU as the round trip to the database. Values are `sql.placeholder`s filled at execution. Per
// handle, so a statement prepared on the app's database is never used inside another handle's
// transaction (a transaction handle prepares its own).
import type { Executor } from './client';

export function preparedPerHandle<T>(build: (db: Executor) => T): (db: Executor) => T {
  const byHandle = new WeakMap<object, T>();
  return (db) => {
    let statement = byHandle.get(db);
    if (!statement) byHandle.set(db, (statement = build(db)));
    return statement;
  };
}
