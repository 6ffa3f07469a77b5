// Runs once when the server starts: open, migrate and seed the database, then start the sweeps.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.NODE_ENV === 'production') (await import('./lib/http/production-start')).refuseUnsafeProductionStart();
  const { appDatabase, getDb } = await import('./db/client');
  const { startJobLoop } = await import('./lib/jobs');
  const opened = await appDatabase();
  console.log(`[accountdesk] database ready (${opened.kind})`);
  // With TEST_HOOKS the tests drive the sweeps themselves through /api/test/jobs.
  const defaultInterval = process.env.TEST_HOOKS === '1' ? 0 : 60_000;
  startJobLoop(getDb, Number(process.env.JOBS_INTERVAL_MS ?? defaultInterval));
}

