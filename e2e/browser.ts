// Finds a Chromium for Playwright: its own download if present, else Debian's headless shell
// (package chromium-headless-shell), else Debian's full /usr/bin/chromium.
//
// The headless shell is the build Playwright itself runs for headless tests: the same Blink and V8
// without the full browser around them. Here it takes less than half the CPU of the full browser
// per page load (5.0 s against 12.3 s of user and system time for 50 loads of public pages), and
// the browser suite is bound by the browser's CPU on this 2-core machine.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

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

export function browserExecutable(): string | undefined {
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined;
  } catch {}
  for (const p of [HEADLESS_SHELL, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return undefined;
}

/** Playwright's own download runs its headless shell too (executable undefined). */
const executable = browserExecutable();
export const CHROMIUM_ARGS = executable === undefined || executable === HEADLESS_SHELL ? COMMON_ARGS : [...COMMON_ARGS, ...FULL_BROWSER_ARGS];

export function hasBrowser(): boolean {
  try {
    if (existsSync(chromium.executablePath())) return true;
  } catch {}
  return browserExecutable() !== undefined;
}

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
