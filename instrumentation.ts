// Runs once when the server starts: open, migrate and seed the database, then start the sweeps.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.NODE_ENV === 'production') refuseUnsafeProductionStart();
  const { appDatabase, getDb } = await import('./db/client');
  const { startJobLoop } = await import('./lib/jobs');
  const opened = await appDatabase();
  console.log(`[accountdesk] database ready (${opened.kind})`);
  // With TEST_HOOKS the tests drive the sweeps themselves through /api/test/jobs.
  const defaultInterval = process.env.TEST_HOOKS === '1' ? 0 : 60_000;
  startJobLoop(getDb, Number(process.env.JOBS_INTERVAL_MS ?? defaultInterval));
}

/**
 * A production server that would answer every page with an error, or trust a client-chosen
 * address, stops here with a message saying why. scripts/server.mjs checks the secret itself
 * too; this also covers `next start` run directly.
 */
function refuseUnsafeProductionStart() {
  const problems: string[] = [];
  if (!process.env.NEXTAUTH_SECRET) problems.push('NEXTAUTH_SECRET is not set (it signs sessions and payment references).');
  if (process.env.ACCOUNTDESK_SERVER !== '1') {
    problems.push('Start the app with `npm start` (scripts/server.mjs), not `next start`: only that server can tell the client\'s real address.');
  }
  if (problems.length === 0) return;
  console.error(`\nAccountdesk cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
