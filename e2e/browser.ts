// How the browser tests launch Chromium (which one: e2e/chromium.cjs, shared with `npm test`).
import { browserExecutable, HEADLESS_SHELL } from './chromium.cjs';

const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's full Chromium runs Playwright's headless as the full browser, whose GPU process
 * composites every frame in software: compositing in the renderer, with the GPU thread in the
 * browser process, costs about a quarter less CPU per page load there (measured on 32 loads). The
 * headless shell has no such compositor and was faster without these (3.8 s against 4.6 s).
 */
const FULL_BROWSER_ARGS = ['--in-process-gpu', '--disable-gpu-compositing'];

/** The Chromium to launch; undefined: Playwright's own download, which runs its headless shell too. */
export const CHROMIUM_EXECUTABLE = browserExecutable();
export const CHROMIUM_ARGS =
  CHROMIUM_EXECUTABLE === undefined || CHROMIUM_EXECUTABLE === HEADLESS_SHELL ? COMMON_ARGS : [...COMMON_ARGS, ...FULL_BROWSER_ARGS];

/** The environment of an app server under test at `baseURL` (test hooks on, sweeps driven by the tests). */
export function testServerEnv(baseURL: string): Record<string, string> {
  return {
    TEST_HOOKS: '1',
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: 'e2e-secret-not-for-production',
    SEED_STAFF_EMAIL: 'staff@accountdesk.test',
    SEED_STAFF_PASSWORD: 'staff-password-2026',
    JOBS_INTERVAL_MS: '0',
    NEXT_TELEMETRY_DISABLED: '1',
  };
}
