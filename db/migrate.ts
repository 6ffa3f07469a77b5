import path from 'node:path';
import type { OpenedDb } from './client';

/** Any constant bigint; names the lock taken while migrating. */
const MIGRATION_LOCK_KEY = 7_431_220_261;

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

/** Applies the committed drizzle migrations; safe to call on every start. */
export async function migrate(opened: OpenedDb): Promise<void> {
  if (opened.kind === 'postgres' && opened.url) {
    // Several instances may start at once: one session-level advisory lock on a dedicated
    // connection lets exactly one of them migrate while the others wait.
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
    const client = postgres(opened.url, { max: 1, onnotice: () => {} });
    try {
      await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      await run(drizzle(client), { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
      await client.end({ timeout: 5 });
    }
  } else {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await run(opened.db as any, { migrationsFolder });
  }
}
