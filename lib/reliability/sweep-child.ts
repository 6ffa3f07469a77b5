// A separate app process for the "killed in the middle of a sweep run" test: runs every sweep once,
// on the app's database (DATABASE_URL) with the app clock at SWEEP_CLOCK, as `npm run jobs` does.
import { appDatabase } from '@/db/client';
import { setClock } from '@/lib/clock';
import { runSweeps } from '@/lib/jobs';

async function main() {
  if (process.env.SWEEP_CLOCK) setClock(new Date(process.env.SWEEP_CLOCK));
  const opened = await appDatabase();
  console.log(JSON.stringify(await runSweeps(opened.db)));
  await opened.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
