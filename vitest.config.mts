import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { isClosedSocketWrite } from './lib/reliability/postgres-closed-socket';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are memory-hungry; two files at a time fits the 2-core machine.
    maxWorkers: 2,
    // The fault tests terminate database connections mid-transaction: postgres.js then throws one
    // deferred write outside any query (lib/reliability/postgres-closed-socket.ts). Only that one.
    onUnhandledError: (err) => !isClosedSocketWrite(err),
  },
});
