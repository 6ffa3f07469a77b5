// Setup file of the unit tests that share one module cache per worker (vitest.config.mts): what
// one test file changes in the process (environment variables, the app clock, the sandbox
// processor's injected fault, spies, fake timers) is put back when it ends, so the next file in
// the same worker starts as it would in a fresh process.
import { afterAll, beforeAll, vi } from 'vitest';
import { injectSandboxFault } from '@/lib/billing/sandbox-processor';
import { setClock } from '@/lib/clock';

let envAtStart: Record<string, string | undefined> = {};

function resetProcessState() {
  setClock(null);
  injectSandboxFault(null);
}

beforeAll(() => {
  envAtStart = { ...process.env };
  resetProcessState();
});

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in envAtStart)) delete process.env[key];
  Object.assign(process.env, envAtStart);
  resetProcessState();
  vi.restoreAllMocks();
  vi.useRealTimers();
});
