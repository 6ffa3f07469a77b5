// `npm run jobs`: runs every due sweep once and prints what each did (for cron). `--loop` keeps
// running them every JOBS_INTERVAL_MS (default 60 s). With the embedded database this refuses
// while the app has it open — use POST /api/jobs then, or PostgreSQL.
import { appDatabase } from '@/db/client';
import { runSweeps } from '@/lib/jobs';

async function main() {
  const opened = await appDatabase();
  const once = async () => console.log(new Date().toISOString(), JSON.stringify(await runSweeps(opened.db)));
  await once();
  if (process.argv.includes('--loop')) {
    const every = Number(process.env.JOBS_INTERVAL_MS ?? 60_000);
    setInterval(() => void once().catch((e) => console.error(e)), every);
    return;
  }
  await opened.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
