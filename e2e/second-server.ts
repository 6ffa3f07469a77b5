// A second app instance for tests that need a different configuration than the main test server
// (e.g. no trusted proxy). It shares the main server's database when that is PostgreSQL, and gets a
// fresh embedded one otherwise (PGlite can be opened by one process only).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer, type AppServer } from '../scripts/app-server';
import { testServerEnv } from './browser';

export type SecondServer = Pick<AppServer, 'baseURL' | 'output' | 'stop'>;

export function startSecondServer(env: Record<string, string | undefined>): Promise<SecondServer> {
  return startAppServer(
    (baseURL) => ({
      ...process.env,
      ...testServerEnv(baseURL),
      PGLITE_DIR: join(mkdtempSync(join(tmpdir(), 'accountdesk-second-')), 'pglite'),
      ...env,
    }),
    90_000,
  );
}
