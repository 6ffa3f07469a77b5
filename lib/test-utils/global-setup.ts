// vitest globalSetup: one migrated and seeded database for the whole run, which every test file
// then copies (lib/test-utils/db.ts). Migrating and seeding a fresh database per file cost about
// 3 s on PGlite (most of it the in-memory cluster's initdb) and about 1 s on PostgreSQL, times a
// hundred files.
// - PGlite: the database's data folder, dumped to a file; each file starts a PGlite from it.
// - PostgreSQL: a template database; each file's database is CREATE DATABASE … TEMPLATE it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db/client';
import { migrate } from '@/db/migrate';
import { seed } from '@/db/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a file holding the migrated and seeded data folder (dumpDataDir, uncompressed tar). */
    testDbDump: string;
    /** PostgreSQL: the migrated and seeded template database. */
    testDbTemplate: string;
  }
}

interface SeededDatabase {
  dump: string;
  template: string;
  remove: () => Promise<void>;
}

/**
 * vitest runs the global setup once per project (vitest.config.mts has two, plus the root), all in
 * its main process: the first call prepares the database, the others reuse it, and the last
 * teardown removes it.
 */
const shared = globalThis as unknown as { __accountdeskSeeded?: { database: Promise<SeededDatabase>; users: number } };

export default async function setup(project: TestProject) {
  shared.__accountdeskSeeded ??= { database: prepareSeededDatabase(), users: 0 };
  const entry = shared.__accountdeskSeeded;
  entry.users++;
  const { dump, template, remove } = await entry.database;
  project.provide('testDbDump', dump);
  project.provide('testDbTemplate', template);
  return async () => {
    if (--entry.users > 0) return;
    delete shared.__accountdeskSeeded;
    await remove();
  };
}

async function prepareSeededDatabase(): Promise<SeededDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const opened = await openDatabase({ dataDir: 'memory://' });
    await migrate(opened);
    await seed(opened.db);
    const dump = await opened.pglite!.dumpDataDir('none');
    await opened.close();
    const dir = mkdtempSync(join(tmpdir(), 'accountdesk-unit-'));
    const file = join(dir, 'seeded.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return { dump: file, template: '', remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { default: postgres } = await import('postgres');
  const name = `accountdesk_unit_template_${randomBytes(6).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  // A template must have no open connection while it is copied: this one is closed before any file runs.
  const opened = await openDatabase({ url: url.toString() });
  await migrate(opened);
  await seed(opened.db);
  await opened.close();
  return {
    dump: '',
    template: name,
    remove: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
