// A second app instance for tests that need a different configuration than the main test server
// (e.g. no trusted proxy). It shares the main server's database when that is PostgreSQL, and gets a
// fresh embedded one otherwise (PGlite can be opened by one process only).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { freePort } from '../scripts/free-port.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testServerEnv } from './browser';

export interface SecondServer {
  baseURL: string;
  output: () => string;
  stop: () => Promise<void>;
}


export async function startSecondServer(env: Record<string, string | undefined>): Promise<SecondServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({
    ...process.env,
    ...testServerEnv(baseURL),
    PGLITE_DIR: join(mkdtempSync(join(tmpdir(), 'accountdesk-second-')), 'pglite'),
    ...env,
  })) {
    if (v !== undefined) childEnv[k] = v;
  }
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The second server exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The second server did not start in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseURL,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
