// Small, rarely changing rows that every portal page reads (the maintenance windows for the banner,
// the terms version in force) are kept in the process for a short while instead of being read on
// each page view. An entry is reused for `ttlMs` of real time, so a change made through another app
// instance shows within that time; this process's own changes drop it at once (`invalidate`, called
// by the service that made the change). Entries are per database handle (each test database has its
// own), and one loaded at a later app time is never used for an earlier one (the test clock can be
// moved back), so a loader may rely on `at` being no earlier than the time it loaded at.
import type { Executor } from '@/db/client';

interface Entry<T> {
  loadedAt: number;
  expires: number;
  value: Promise<T>;
}

export interface SharedRead<T> {
  get(db: Executor, at: Date): Promise<T>;
  invalidate(): void;
}

export function sharedRead<T>(ttlMs: number, load: (db: Executor, at: Date) => PromiseLike<T>): SharedRead<T> {
  let entries = new WeakMap<object, Entry<T>>();
  return {
    get(db, at) {
      const hit = entries.get(db);
      if (hit && hit.expires > performance.now() && hit.loadedAt <= at.getTime()) return hit.value;
      // Awaited once here: a query builder is a thenable that would run again on every await.
      const value = (async () => load(db, at))();
      const entry: Entry<T> = { loadedAt: at.getTime(), expires: performance.now() + ttlMs, value };
      entries.set(db, entry);
      // A failed read is not remembered.
      value.catch(() => entries.get(db) === entry && entries.delete(db));
      return value;
    },
    invalidate() {
      entries = new WeakMap();
    },
  };
}

/** How long another instance's change may take to show in the portal. */
export const SHARED_READ_TTL_MS = 30_000;
