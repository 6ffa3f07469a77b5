// `npm run bench`: every figure of issue 13 in one table — page weight, the portal under load and
// the renewal sweep — each with its target and whether it is met, and under it, for every target
// not met, what limits it, from this run's own measurements (the Next.js runtime's size; the CPU a
// request or an invoice costs the machine, app and database together, against its cores). It runs
// the three benches in turn (their own scripts print the details: `npm run bench:weight |
// bench:portal | bench:billing`).
//
// Needs a production build (`npm run build`) for the page weight and the portal, and PostgreSQL
// (DATABASE_URL) for the renewal sweep; without DATABASE_URL the portal runs on PGlite and the
// sweep rows say why they are missing. Sizes of the sweep: BENCH_SIZES (default 10000,100000;
// the largest the numbering allows is 999999 — see bench:billing).
import { billingBenchRows, billingBenchTable, MAX_BENCH_N, parseSizes, TARGET_RATIO, type BillingBenchRow } from './bench-billing';
import { benchPortal, formatPortalTable, leastMeanWait, type PortalRow } from './bench-portal';
import { CORES } from './proc-cpu';

// bench-weight.mjs is an ES module with top-level await (it runs on its own with plain node): it is
// imported when the table is made, not with this file (tsx runs this one as CommonJS).
type WeightModule = typeof import('./bench-weight.mjs');

interface WeightRow {
  route: string;
  gzipBytes: number;
  targetKb: number | null;
  pass: boolean | null;
}
interface SummaryRow {
  measure: string;
  now: string;
  target: string;
  result: string;
  /** For a target not met: what limits it, from this run's measurements. */
  limit: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const verdict = (pass: boolean | null | undefined) => (pass === null || pass === undefined ? '' : pass ? 'met' : 'NOT MET');

function weightSummary(rows: WeightRow[] & { sharedGzipBytes: number }, { PUBLIC_TARGET_KB, SIGNUP_TARGET_KB }: WeightModule): SummaryRow[] {
  const signup = rows.find((r) => r.route === '/signup');
  const publicRows = rows.filter((r) => r.targetKb === PUBLIC_TARGET_KB);
  const heaviest = publicRows.reduce<WeightRow | null>((a, b) => (!a || b.gzipBytes > a.gzipBytes ? b : a), null);
  // Every App Router page loads Next.js's shared runtime (React and the router) before its own code.
  const runtime = rows.sharedGzipBytes;
  const limit = (targetKb: number, route: WeightRow | undefined | null) =>
    runtime > targetKb * 1024
      ? `Next.js runtime alone, on every page: ${kb(runtime)}, over the target`
      : `Next.js runtime alone, on every page: ${kb(runtime)}, leaving ${kb(targetKb * 1024 - runtime)} for the page's own code${route ? ` (it has ${kb(route.gzipBytes - runtime)})` : ''}`;
  const signupPass = signup?.pass;
  const publicPass = heaviest ? publicRows.every((r) => r.pass) : null;
  return [
    {
      measure: 'first-load JS, /signup (gzip)',
      now: signup ? kb(signup.gzipBytes) : '—',
      target: `≤ ${SIGNUP_TARGET_KB} kB`,
      result: verdict(signupPass),
      limit: signupPass === false ? limit(SIGNUP_TARGET_KB, signup) : '',
    },
    {
      measure: `first-load JS, heaviest static public page (${heaviest?.route ?? '—'})`,
      now: heaviest ? kb(heaviest.gzipBytes) : '—',
      target: `≤ ${PUBLIC_TARGET_KB} kB`,
      result: verdict(publicPass),
      limit: publicPass === false ? limit(PUBLIC_TARGET_KB, heaviest) : '',
    },
  ];
}

/** Why a portal row missed its target, from its CPU per request (see bench-limits). */
function portalLimit(r: PortalRow, rows: PortalRow[]): string {
  const least = leastMeanWait(r);
  if (least === null) return 'not known: no /proc on this machine to read CPU time from';
  const login = rows.find((l) => l.path === '/login' && l.connections === r.connections);
  const loginLeast = login ? leastMeanWait(login) : null;
  return (
    `CPU per request: ${r.mainThreadCpuPerRequest!.toFixed(1)} ms on the server's one JavaScript thread, ` +
    `${r.machineCpuPerRequest!.toFixed(1)} ms on the whole machine (server, database, load generator; ${CORES} cores): ` +
    `${r.connections} connections wait ≥ ${least.toFixed(0)} ms on average` +
    (loginLeast === null ? '' : ` (/login, no queries: ≥ ${loginLeast.toFixed(0)} ms, p95 ${login!.p95.toFixed(0)} ms)`)
  );
}

function portalSummary(rows: PortalRow[]): SummaryRow[] {
  return rows
    .filter((r) => r.path === '/account')
    .map((r) => ({
      measure: `${r.name}`,
      now:
        r.ratioKind === 'latency'
          ? `${r.mean.toFixed(1)} ms, ${r.ratio?.toFixed(2)}× /login`
          : `${r.requestsPerSecond.toFixed(0)} req/s, ratio ${r.ratio?.toFixed(2)}, p95 ${r.p95.toFixed(0)} ms`,
      target: r.target,
      result: verdict(r.pass),
      limit: r.pass === false ? portalLimit(r, rows) : '',
    }));
}

/** Why a sweep missed the ratio: the best this machine allows its measured CPU (see BillingBenchRow). */
function billingLimit(r: BillingBenchRow): string {
  if (r.ceilingRatio === null || r.databaseCeilingRatio === null || r.dbCpuMicrosPerInvoice === null)
    return 'not known: PostgreSQL is not on this machine, so its CPU time cannot be read';
  return (
    `CPU per invoice: app ${r.appCpuMicrosPerInvoice.toFixed(0)} µs + database ${r.dbCpuMicrosPerInvoice.toFixed(0)} µs on ${CORES} cores: ` +
    `best possible ratio ${r.ceilingRatio.toFixed(3)}; ${r.databaseCeilingRatio.toFixed(3)} if the app cost nothing`
  );
}

function billingSummary(rows: BillingBenchRow[]): SummaryRow[] {
  return rows.map((r) => ({
    measure: `renewal sweep, ${r.n.toLocaleString('en-US')} due subscriptions (PostgreSQL)`,
    now: `${r.sweepRate.toFixed(0)} invoices/s, ratio ${r.ratio.toFixed(3)}, linearity ${r.linearity.toFixed(2)}`,
    target: `ratio ≥ ${TARGET_RATIO}`,
    result: verdict(r.ratio >= TARGET_RATIO),
    limit: r.ratio >= TARGET_RATIO ? '' : billingLimit(r),
  }));
}

function table(rows: SummaryRow[]): string {
  const head: SummaryRow = { measure: 'measure', now: 'now', target: 'target', result: 'result', limit: '' };
  const keys = ['measure', 'now', 'target', 'result'] as const;
  const widths = keys.map((k) => Math.max(...[head, ...rows].map((r) => r[k].length)));
  const line = (r: SummaryRow) => keys.map((k, i) => r[k].padEnd(widths[i])).join('  ').trimEnd();
  const limits = rows.filter((r) => r.limit).map((r) => `- ${r.measure}:\n    ${r.limit}`);
  return [
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    ...(limits.length ? ['', 'What limits each target not met, measured in this run:', ...limits] : []),
  ].join('\n');
}

async function main() {
  const summary: SummaryRow[] = [];
  const section = (title: string) => console.log(`\n=== ${title} ===`);

  section('page weight (npm run bench:weight)');
  const weightModule: WeightModule = await import('./bench-weight.mjs');
  const weight = (await weightModule.measureWeight(process.cwd())) as WeightRow[] & { sharedGzipBytes: number };
  console.log(weightModule.formatWeight(weight));
  summary.push(...weightSummary(weight, weightModule));

  section(`portal (npm run bench:portal, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`);
  const portal = await benchPortal({ log: (l) => console.log(l) });
  console.log(formatPortalTable(portal));
  summary.push(...portalSummary(portal));

  section('renewal sweep (npm run bench:billing)');
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    console.log('Skipped: the renewal sweep is measured on PostgreSQL. Set DATABASE_URL to include it.');
    summary.push({ measure: 'renewal sweep (PostgreSQL)', now: 'not run: DATABASE_URL not set', target: `ratio ≥ ${TARGET_RATIO}`, result: '', limit: '' });
  } else {
    const sizes = parseSizes([process.env.BENCH_SIZES ?? '10000,100000']);
    const billing = await billingBenchRows(baseUrl, sizes, (l) => console.log(l));
    for (const l of billingBenchTable(billing)) console.log(`  ${l}`);
    if (Math.max(...sizes) < MAX_BENCH_N)
      console.log(
        `  1,000,000 is not measured: invoice numbers have six digits per year (INV-1), so one year holds at most ${MAX_BENCH_N.toLocaleString('en-US')}. ` +
          `BENCH_SIZES=10000,${MAX_BENCH_N} measures the largest (about 9 minutes on 2 cores).`,
      );
    summary.push(...billingSummary(billing));
  }

  section('summary');
  console.log(table(summary));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
