// `npm run bench`: every figure of issue 13 in one table — page weight, the portal under load and
// the renewal sweep — each with its target and whether it is met. It runs the three benches in
// turn (their own scripts print the details: `npm run bench:weight | bench:portal | bench:billing`).
//
// Needs a production build (`npm run build`) for the page weight and the portal, and PostgreSQL
// (DATABASE_URL) for the renewal sweep; without DATABASE_URL the portal runs on PGlite and the
// sweep rows say why they are missing. Sizes of the sweep: BENCH_SIZES (default 10000,100000;
// the largest the numbering allows is 999999 — see bench:billing).
import { billingBenchRows, billingBenchTable, parseSizes, TARGET_RATIO, type BillingBenchRow } from './bench-billing';
import { benchPortal, formatPortalTable, type PortalRow } from './bench-portal';

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
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const verdict = (pass: boolean | null | undefined) => (pass === null || pass === undefined ? '' : pass ? 'met' : 'NOT MET');

function weightSummary(rows: WeightRow[], { PUBLIC_TARGET_KB, SIGNUP_TARGET_KB }: WeightModule): SummaryRow[] {
  const signup = rows.find((r) => r.route === '/signup');
  const publicRows = rows.filter((r) => r.targetKb === PUBLIC_TARGET_KB);
  const heaviest = publicRows.reduce<WeightRow | null>((a, b) => (!a || b.gzipBytes > a.gzipBytes ? b : a), null);
  return [
    { measure: 'first-load JS, /signup (gzip)', now: signup ? kb(signup.gzipBytes) : '—', target: `≤ ${SIGNUP_TARGET_KB} kB`, result: verdict(signup?.pass) },
    {
      measure: `first-load JS, heaviest static public page (${heaviest?.route ?? '—'})`,
      now: heaviest ? kb(heaviest.gzipBytes) : '—',
      target: `≤ ${PUBLIC_TARGET_KB} kB`,
      result: verdict(heaviest ? publicRows.every((r) => r.pass) : null),
    },
  ];
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
    }));
}

function billingSummary(rows: BillingBenchRow[]): SummaryRow[] {
  return rows.map((r) => ({
    measure: `renewal sweep, ${r.n.toLocaleString('en-US')} due subscriptions (PostgreSQL)`,
    now: `${r.sweepRate.toFixed(0)} invoices/s, ratio ${r.ratio.toFixed(3)}, linearity ${r.linearity.toFixed(2)}`,
    target: `ratio ≥ ${TARGET_RATIO}`,
    result: verdict(r.ratio >= TARGET_RATIO),
  }));
}

function table(rows: SummaryRow[]): string {
  const head: SummaryRow = { measure: 'measure', now: 'now', target: 'target', result: 'result' };
  const keys = ['measure', 'now', 'target', 'result'] as const;
  const widths = keys.map((k) => Math.max(...[head, ...rows].map((r) => r[k].length)));
  const line = (r: SummaryRow) => keys.map((k, i) => r[k].padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main() {
  const summary: SummaryRow[] = [];
  const section = (title: string) => console.log(`\n=== ${title} ===`);

  section('page weight (npm run bench:weight)');
  const weightModule: WeightModule = await import('./bench-weight.mjs');
  const weight = (await weightModule.measureWeight(process.cwd())) as WeightRow[];
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
    summary.push({ measure: 'renewal sweep (PostgreSQL)', now: 'not run: DATABASE_URL not set', target: `ratio ≥ ${TARGET_RATIO}`, result: '' });
  } else {
    const sizes = parseSizes([process.env.BENCH_SIZES ?? '10000,100000']);
    const billing = await billingBenchRows(baseUrl, sizes, (l) => console.log(l));
    for (const l of billingBenchTable(billing)) console.log(`  ${l}`);
    summary.push(...billingSummary(billing));
  }

  section('summary');
  console.log(table(summary));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
