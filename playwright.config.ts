import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE, testServerEnv } from './e2e/browser';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// The server's own output goes to a file too: a test reads it to prove card numbers never reach it.
export const SERVER_LOG = process.env.E2E_SERVER_LOG ?? '.test-results/server.log';

export default defineConfig({
  testDir: 'e2e',
  // One worker: the app clock is global to the server, and clock tests must not disturb others.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Traces of failures; a run of its own when two suites run side by side (scripts/test.mjs).
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON ?? '.test-results/playwright.json' }]],
  use: {
    baseURL,
    // A failed test keeps its trace: every action with its locator, timing and error, the network,
    // the console and the test's source (and Playwright's error context holds the page's ARIA
    // snapshot at the failure). DOM snapshots and the screencast are left out: Chromium made them at
    // every step of every test, failed or not, and they were 13 % of the browser suite's CPU
    // (24 tests: 98 s of machine CPU with DOM snapshots, 85 s without, twice each).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: true },
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
  },
  webServer: process.env.E2E_EXTERNAL_SERVER
    ? undefined
    : {
        command: `mkdir -p "$(dirname '${SERVER_LOG}')" && node scripts/server.mjs -p ${port} -H 127.0.0.1 2>&1 | tee '${SERVER_LOG}'`,
        url: `${baseURL}/api/health`,
        timeout: 120_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
        env: {
          ...testServerEnv(baseURL),
          TRUST_PROXY: '1',
          ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
          PGLITE_DIR: process.env.PGLITE_DIR ?? '.data/e2e-pglite',
        },
      },
});
