#!/usr/bin/env node
// `npm test`: vitest, then a production build, then Playwright against it (TEST_HOOKS=1, a fresh
// database: a new PGlite folder, or a new PostgreSQL database when DATABASE_URL is set).
// Ends with one line: "TOTAL: N passed, N failed".
// TEST_RESULTS_DIR (default .test-results) keeps two runs side by side apart; TEST_SKIP_BUILD=1
// uses the build already in .next (CI builds once and runs both databases on it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from './free-port.mjs';
import { hasBrowser } from '../e2e/chromium.cjs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = process.cwd();
// Relative to the project, or an absolute path (join would have put /tmp/x under the project).
const results = resolve(root, process.env.TEST_RESULTS_DIR || '.test-results');
mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const only = process.argv[2]; // 'unit' | 'e2e' | undefined (both)
let passed = 0;
let failed = 0;

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}


async function main() {
  if (only !== 'e2e') {
    const file = join(results, 'vitest.json');
    rmSync(file, { force: true });
    run('node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile=${file}`]);
    const v = readJson(file);
    if (v) {
      passed += v.numPassedTests;
      failed += v.numFailedTests + (v.numTotalTestSuites && v.success === false && v.numFailedTests === 0 ? 1 : 0);
    } else failed += 1;
  }

  if (only !== 'unit') {
    if (!hasBrowser()) {
      console.error(
        '\nNo Chromium found for the browser tests. Install one with:\n  apt-get update && apt-get install -y chromium chromium-headless-shell\n' +
          '(or `npx playwright install chromium` where downloads are allowed).',
      );
      failed += 1;
    } else if (process.env.TEST_SKIP_BUILD === '1' ? !existsSync(join(root, '.next', 'BUILD_ID')) : run('node_modules/.bin/next', ['build']) !== 0) {
      console.error('\nThe production build failed; browser tests were not run.');
      failed += 1;
    } else {
      const extra = {
        E2E_PORT: String(await freePort()),
        E2E_JSON: join(results, 'playwright.json'),
        E2E_SERVER_LOG: join(results, 'server.log'),
        E2E_OUTPUT_DIR: join(results, 'playwright-output'),
      };
      let dropDb = null;
      if (process.env.DATABASE_URL) {
        const { default: postgres } = await import('postgres');
        const name = `accountdesk_e2e_${Date.now().toString(36)}`;
        const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
        await admin.unsafe(`create database ${name}`);
        const url = new URL(process.env.DATABASE_URL);
        url.pathname = `/${name}`;
        extra.DATABASE_URL = url.toString();
        dropDb = async () => {
          await admin.unsafe(`drop database if exists ${name} with (force)`);
          await admin.end();
        };
      } else {
        extra.PGLITE_DIR = join(mkdtempSync(join(tmpdir(), 'accountdesk-e2e-')), 'pglite');
      }
      rmSync(extra.E2E_JSON, { force: true });
      const status = run('node_modules/.bin/playwright', ['test', ...process.argv.slice(3)], extra);
      if (dropDb) await dropDb().catch(() => {});
      const p = readJson(extra.E2E_JSON);
      if (status !== 0 && existsSync(extra.E2E_SERVER_LOG)) {
        // The server's side of a failure: its last lines (it writes no card data; a test checks).
        const lines = readFileSync(extra.E2E_SERVER_LOG, 'utf8').trimEnd().split('\n');
        console.error(`\n--- last lines of the test server's output (${extra.E2E_SERVER_LOG}) ---\n${lines.slice(-40).join('\n')}\n---`);
      }
      if (p?.stats) {
        passed += p.stats.expected + p.stats.flaky;
        failed += p.stats.unexpected;
        if (status !== 0 && p.stats.unexpected === 0) failed += 1; // e.g. the server did not start
      } else failed += 1;
    }
  }

  console.log(`\nTOTAL: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  console.log('\nTOTAL: 0 passed, 1 failed');
  process.exit(1);
});
