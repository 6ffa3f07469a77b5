import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const TEST_FOLDERS = ['lib', 'db', 'app', 'components'];
const isTestFile = (name: string) => /\.test\.tsx?$/.test(name);

/**
 * Test files that replace modules with vi.mock or vi.doMock: they run in a fresh module cache
 * each (mocks are per module cache, so a shared one would hand the next file a mocked module).
 * Found by reading the files, so a new mocking test is isolated without anyone keeping a list.
 */
function filesThatMockModules(): string[] {
  const root = import.meta.dirname;
  return TEST_FOLDERS.flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && isTestFile(entry.name))
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
      .filter((file) => /\bvi\.(mock|doMock)\(/.test(readFileSync(path.join(root, file), 'utf8'))),
  );
}
const mockingFiles = filesThatMockModules();

/**
 * postgres.js 3.4.x defers small writes with setImmediate; when the connection closes first (the
 * server terminated the backend, a proxy dropped it) the deferred write runs on a null socket and
 * throws outside any query: "Cannot read properties of null (reading 'write')" in nextWrite
 * (upstream porsager/postgres#1154 and #1208, fixes not released). The query was already rejected
 * and the pool reconnects, so nothing is lost; the app server logs it and goes on (Next's router
 * server keeps an uncaughtException handler). lib/reliability/faults.test.ts terminates a backend
 * on purpose: this one error (a serialized copy: compared by name, message and stack) is expected.
 */
function isClosedSocketWrite(err: { name?: unknown; message?: unknown; stack?: unknown }): boolean {
  const stack = typeof err.stack === 'string' ? err.stack : '';
  return (
    err.name === 'TypeError' &&
    typeof err.message === 'string' &&
    /reading 'write'/.test(err.message) &&
    /nextWrite/.test(stack) &&
    /postgres[\\/](cjs[\\/])?src[\\/]connection\.js/.test(stack)
  );
}

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    environment: 'node',
    // One migrated and seeded database per run; each file copies it (lib/test-utils/db.ts).
    globalSetup: ['lib/test-utils/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are memory-hungry; two files at a time fits the 2-core machine.
    maxWorkers: 2,
    // The fault tests terminate database connections mid-transaction (see isClosedSocketWrite).
    onUnhandledError: (err) => !isClosedSocketWrite(err),
    projects: [
      {
        // Most files share one module cache per worker instead of importing the app afresh for
        // each: that import was nearly half the unit run's CPU (on PGlite, 225 s of machine CPU
        // before, 125 s after). What a file changes in the process is put back after it
        // (between-files.ts).
        extends: true,
        test: {
          name: 'shared',
          include: TEST_FOLDERS.map((folder) => `${folder}/**/*.test.{ts,tsx}`),
          exclude: mockingFiles,
          isolate: false,
          setupFiles: ['lib/test-utils/between-files.ts'],
        },
      },
      { extends: true, test: { name: 'isolated', include: mockingFiles, isolate: true } },
    ],
  },
});
