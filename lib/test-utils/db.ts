// A fresh, migrated and seeded database for one vitest file: in-memory PGlite by default, or a
// new PostgreSQL database (dropped afterwards) when DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { openDatabase, type OpenedDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { seed } from '@/db/seed';

export interface TestDb extends OpenedDb {
  dispose: () => Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const opened = await openDatabase({ dataDir: 'memory://' });
    await migrate(opened);
    await seed(opened.db);
    return { ...opened, dispose: opened.close };
  }
  const { default: postgres } = await import('postgres');
  const name = `accountdesk_unit_${randomBytes(6).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ url: url.toString() });
  await migrate(opened);
  await seed(opened.db);
  return {
    ...opened,
    dispose: async () => {
      await opened.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
