// A fresh, migrated and seeded database for one vitest file: in-memory PGlite by default, or a
// new PostgreSQL database (dropped afterwards) when DATABASE_URL is set. Each is a copy of the one
// database the run's global setup migrated and seeded (lib/test-utils/global-setup.ts).
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type OpenedDb } from '@/db/client';
import { migrate } from '@/db/migrate';
import { seed } from '@/db/seed';

export interface TestDb extends OpenedDb {
  dispose: () => Promise<void>;
}

/** A copy made without the global setup (a file run on its own by another runner) is migrated here. */
async function migrated(opened: OpenedDb): Promise<OpenedDb> {
  await migrate(opened);
  await seed(opened.db);
  return opened;
}

export async function createTestDb(): Promise<TestDb> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const dump = inject('testDbDump');
    const opened = dump
      ? await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(dump)]) })
      : await migrated(await openDatabase({ dataDir: 'memory://' }));
    return { ...opened, dispose: opened.close };
  }
  const { default: postgres } = await import('postgres');
  const name = `accountdesk_unit_${randomBytes(6).toString('hex')}`;
  const template = inject('testDbTemplate');
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ url: url.toString() });
  if (!template) await migrated(opened);
  return {
    ...opened,
    dispose: async () => {
      await opened.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
