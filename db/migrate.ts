import path from 'node:path';
import type { OpenedDb } from './client';

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

/** Applies the committed drizzle migrations; safe to call on every start. */
export async function migrate(opened: OpenedDb): Promise<void> {
  if (opened.kind === 'postgres') {
    const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await run(opened.db as any, { migrationsFolder });
  } else {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await run(opened.db as any, { migrationsFolder });
  }
}
