// `npm run bench:deals [N]`: how long staff wait for a codes CSV of N codes (default 50 000) to
// import on PostgreSQL (APS-1): parsing the file and the set-based insert, in one transaction,
// exactly as the "Import codes" action runs it. Three runs into a fresh deal each; the median counts.
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { appDatabase } from '@/db/client';
import { deals } from '@/db/schema';
import { importDealCodes } from '@/lib/deals/import';
import { recreateBenchDatabase, requirePostgres } from './bench-db';

const RUNS = 3;

async function main() {
  const n = Number((process.argv[2] ?? process.env.BENCH_N ?? '50000').replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error('N must be a positive whole number');
  process.env.DATABASE_URL = await recreateBenchDatabase(requirePostgres('bench:deals'));
  const { db, close } = await appDatabase();
  try {
    const [appsumo] = await db.select().from(deals).where(eq(deals.name, 'AppSumo'));
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const [deal] = await db
        .insert(deals)
        .values({ ...appsumo, id: undefined, name: `Bench ${run}`, createdAt: new Date(), updatedAt: new Date() })
        .returning({ id: deals.id });
      const csv = 'code\n' + Array.from({ length: n }, (_, i) => `R${run}-${i.toString(36).toUpperCase().padStart(6, '0')}-X`).join('\n') + '\n';
      const started = performance.now();
      const result = await importDealCodes(db, { dealId: deal.id, csv, at: new Date() }, { type: 'staff' });
      const ms = performance.now() - started;
      if (result.imported !== n || result.skipped.length) throw new Error(`run ${run}: imported ${result.imported}, skipped ${result.skipped.length}`);
      times.push(ms);
      console.log(`run ${run + 1}: ${n} codes (${(Buffer.byteLength(csv) / 1024).toFixed(0)} KB) in ${ms.toFixed(0)} ms`);
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    console.log(`\nbench:deals  N=${n}  median ${(median / 1000).toFixed(2)} s  (${Math.round(n / (median / 1000))} codes/s)`);
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
