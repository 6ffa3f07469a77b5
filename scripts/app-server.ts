// A production app server in a child process (`node scripts/server.mjs`) on a free port, for the
// tests that need a second instance and for the portal bench: started, waited for until
// /api/health answers, and stopped (SIGTERM, then SIGKILL after 5 s).
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.mjs';

export interface AppServer {
  baseURL: string;
  child: ChildProcess;
  /** Everything the server wrote so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/** `envFor` gets the server's base URL (its env may name it) and returns the child's whole env. */
export async function startAppServer(envFor: (baseURL: string) => Record<string, string | undefined>, timeoutMs = 120_000): Promise<AppServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(envFor(baseURL))) if (v !== undefined) env[k] = v;
  const child = spawn(process.execPath, ['scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app server exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app server did not start in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseURL, child, output: () => log, stop };
}
