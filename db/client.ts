// Opens the database once per process: PostgreSQL (postgres-js) when DATABASE_URL is set,
// else embedded PGlite in PGLITE_DIR (default .data/pglite). Opening is lazy so `next build`
// never touches a database.
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: query functions accept both. */
export type Executor = Db | Tx;

export interface OpenedDb {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** The PostgreSQL URL (postgres only). */
  url?: string;
  /** The embedded database itself (pglite only): tests dump a seeded one to copy it per file. */
  pglite?: PGlite;
  close: () => Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent PGlite is used. */
  url?: string;
  /** PGlite data folder; 'memory://' for an in-memory database (unit tests). */
  dataDir?: string;
  /** PGlite only: start from this dumped data folder (a copy of a seeded test database). */
  loadDataDir?: Blob;
}

/**
 * DB_LOG_QUERIES=1 (benchmarks only, `npm run bench:portal`): every statement drizzle sends is
 * written to stdout as one `[db] …` line, so a bench can count the queries behind one request.
 * Transaction BEGIN/COMMIT are not drizzle statements and are not counted.
 */
const queryLogger =
  process.env.DB_LOG_QUERIES === '1' ? { logQuery: (query: string) => void process.stdout.write(`[db] ${query.replace(/\s+/g, ' ')}\n`) } : undefined;

export async function openDatabase(opts: OpenOptions): Promise<OpenedDb> {
  if (opts.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(opts.url, {
      max: Number(process.env.DB_POOL_MAX ?? 10),
      onnotice: () => {},
    });
    const db = drizzle(client, { schema, logger: queryLogger }) as unknown as Db;
    return { db, kind: 'postgres', url: opts.url, close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release = () => {};
  if (!dataDir.startsWith('memory://')) release = lockDataDir(dataDir);
  const client = await PGlite.create(dataDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  const db = drizzle(client, { schema, logger: queryLogger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite takes no lock of its own and two processes opening one folder corrupt it, so we keep
 * a lock file with our pid and refuse when another live process holds it.
 */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
  try {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is already open in process ${holder}. ` +
          'Stop that process first (only one process may open PGlite), or set DATABASE_URL to use PostgreSQL.',
      );
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {}
  };
  process.once('exit', release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Holder = { promise?: Promise<OpenedDb> };
const holder = globalThis as unknown as { __accountdeskDb?: Holder };

/** The app's database, opened, migrated and seeded on first use. */
export function appDatabase(): Promise<OpenedDb> {
  holder.__accountdeskDb ??= {};
  const h = holder.__accountdeskDb;
  h.promise ??= (async () => {
    const opened = await openDatabase({
      url: process.env.DATABASE_URL || undefined,
      dataDir: process.env.PGLITE_DIR || '.data/pglite',
    });
    const { migrate } = await import('./migrate');
    await migrate(opened);
    const { seed } = await import('./seed');
    await seed(opened.db);
    return opened;
  })().catch((err) => {
    h.promise = undefined;
    throw err;
  });
  return h.promise;
}

export async function getDb(): Promise<Db> {
  return (await appDatabase()).db;
}
