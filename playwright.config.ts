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
    // Traces keep the DOM snapshots and network of a failed test; the screencast is left out (it made
    // Chromium encode a frame at every step of every test, failed or not).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
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
