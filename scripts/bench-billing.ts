// `npm run bench:billing [N …]`: how fast the PAY-4 renewal sweep runs on PostgreSQL, measured
// against the fastest thing the database can do with the same number of invoice rows.
//
// For each size N:
// 1. Drops and recreates its own database (accountdesk_bench_billing) on the server of
//    DATABASE_URL, migrates and seeds it like the app does, then seeds N paying accounts
//    set-based: owner, billing details (a mix of VAT cases), an active subscription whose period
//    has ended, and a sandbox test card 4242 on file.
// 2. Runs the renewal sweeps exactly as the job runner does (issue, then collect with the
//    sandbox processor) and reports invoices per second, after checking every account got one
//    paid invoice, one charge and one confirmation email.
// 3. Times one set-based INSERT … SELECT of N invoice rows into the same invoices table (inside a
//    transaction that is rolled back, so the bench database keeps only real documents; three
//    runs, the median counts) and prints the ratio sweep rate / insert rate. Target: ≥ 0.2.
//    It also prints the CPU time this process (the app) and PostgreSQL (read from /proc, when
//    the server runs on this machine) spent during the sweep and the baseline, and from them the
//    best ratio the machine allows: the sweep cannot take less than (app + database CPU) ÷ cores
//    ("best on N cores"), nor less than the database's CPU ÷ cores even if the app cost nothing
//    ("DB alone"). Where the target is above those, it needs less work per invoice, not speed.
// The table ends with the linearity of each size against the smallest: its sweep time per
// invoice divided by the smallest size's (1.00 = linear; 2.00 = each invoice costs twice as much).
//
// Sizes come from the arguments or BENCH_N (comma-separated), default 100 000. Invoice numbers
// have six digits per year (INV-1), so one year holds at most 999 999 invoices: that is the
// largest size. `billingBenchRows` returns the rows for a combined `npm run bench` table.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { appDatabase, type Db } from '@/db/client';
import { now } from '@/lib/clock';
import { sellerSnapshot } from '@/lib/invoices/seller';
import { SWEEPS } from '@/lib/jobs';
import { recreateBenchDatabase, requirePostgres } from './bench-db';
import { renewalRatioCeilings } from './bench-limits';
import { CORES, cpuSince, isLocalDatabase, postgresCpuSeconds } from './proc-cpu';

export const TARGET_RATIO = 0.2;
/** Far outside any real issue year, so the INSERT … SELECT rows never collide with sweep numbers. */
const INSERT_SELECT_YEAR = 9999;
const INSERT_SELECT_RUNS = 3;

/** This bench's own database (other benches keep theirs), dropped and created again per size. */
const DATABASE = 'accountdesk_bench_billing';
/** INV-1: six digits of sequence per year. */
export const MAX_BENCH_N = 999_999;

export function parseSizes(raw: string[]): number[] {
  const parts = raw.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
  if (!parts.length) parts.push('100000');
  return parts.map((part) => {
    const n = Number(part.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1 || n > MAX_BENCH_N) throw new Error(`N must be a whole number from 1 to ${MAX_BENCH_N} (six-digit invoice numbers per year, INV-1), got "${part}".`);
    return n;
  });
}

/** The bench account number g (1..N) as a stable UUID, so every table can be filled independently. */
const accountIdOf = (g: string) => sql.raw(`md5('bench-account:' || ${g})::uuid`);

/**
 * N paying accounts whose period has ended, all in set-based statements. Periods ended over the
 * last day (so the sweep's ORDER BY has real work), one in ten is yearly, seats vary 1–10, and
 * the buyers cover the VAT cases: Slovak default (no billing details), Czech consumer, German
 * business with a VAT number (reverse charge), and a US customer.
 */
async function seedDueSubscriptions(db: Db, n: number, at: Date): Promise<void> {
  const atIso = at.toISOString();
  await db.transaction(async (tx) => {
    const id = accountIdOf('g');
    await tx.execute(sql`
      insert into accounts (id, slug, company_name, status, created_at, verified_at)
      select ${id}, 'bench-' || g, 'Bench ' || g || ' s.r.o.', 'active', ${atIso}::timestamptz - interval '400 days', ${atIso}::timestamptz - interval '400 days'
      from generate_series(1, ${n}) g`);
    await tx.execute(sql`
      insert into users (account_id, role, full_name, email, email_verified_at, adult_confirmed_at, created_at)
      select ${id}, 'owner', 'Owner ' || g, 'owner-' || g || '@bench.test',
             ${atIso}::timestamptz - interval '400 days', ${atIso}::timestamptz - interval '400 days', ${atIso}::timestamptz - interval '400 days'
      from generate_series(1, ${n}) g`);
    await tx.execute(sql`
      insert into billing_profiles (account_id, name, company, street, city, postal_code, country, invoice_email, vat_number, updated_at)
      select ${id}, 'Owner ' || g, 'Bench ' || g,
             'Street ' || g, c.city, c.postal_code, c.country, 'invoices-' || g || '@bench.test',
             case when c.country = 'DE' then 'DE136695976' end, ${atIso}::timestamptz - interval '400 days'
      from generate_series(1, ${n}) g
      join (values (1, 'CZ', 'Praha', '110 00'), (2, 'DE', 'Berlin', '10115'), (3, 'US', 'Boston', '02108')) c(k, country, city, postal_code)
        on c.k = g % 4`);
    await tx.execute(sql`
      insert into subscriptions (account_id, plan_id, seats, interval, status, current_period_start, current_period_end, created_at, updated_at)
      select ${id}, p.id, 1 + g % 10, v.interval, 'active',
             v.period_end - case v.interval when 'yearly' then interval '1 year' else interval '1 month' end,
             v.period_end, ${atIso}::timestamptz - interval '400 days', ${atIso}::timestamptz - interval '400 days'
      from generate_series(1, ${n}) g
      cross join lateral (select case when g % 10 = 0 then 'yearly' else 'monthly' end as interval,
                                 ${atIso}::timestamptz - interval '1 second' * (1 + g % 86400) as period_end) v
      join plans p on p.code = 'team'`);
    await tx.execute(sql`
      insert into sandbox_payment_tokens (token, kind, brand, last4, exp_month, exp_year, holder_name, behaviour, reference, created_at)
      select 'tok_bench_' || g, 'card', 'Visa', '4242', 12, 2035, 'Owner ' || g, 'succeed', 'bench', ${atIso}::timestamptz - interval '400 days'
      from generate_series(1, ${n}) g`);
    await tx.execute(sql`
      insert into payment_methods (account_id, kind, processor_token, brand, last4, exp_month, exp_year, created_at)
      select ${id}, 'card', 'tok_bench_' || g, 'Visa', '4242', 12, 2035, ${atIso}::timestamptz - interval '400 days'
      from generate_series(1, ${n}) g`);
  });
  // A live database has statistics; a freshly filled one needs them before the planner is fair.
  await db.execute(sql`analyze`);
}

async function count(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const rows = (await db.execute(query)) as unknown as { n: string | number }[];
  return Number(rows[0].n);
}

/** Every seeded account has exactly one paid renewal invoice, one charge and one confirmation. */
async function verifySweep(db: Db, n: number): Promise<string[]> {
  const checks: [string, number][] = [
    ['renewal invoices', await count(db, sql`select count(*) as n from invoices where reason = 'renewal'`)],
    ['accounts with one renewal invoice', await count(db, sql`select count(*) as n from (select account_id from invoices where reason = 'renewal' group by account_id having count(*) = 1) x`)],
    ['succeeded charges', await count(db, sql`select count(*) as n from charges where status = 'succeeded'`)],
    ['sandbox charges', await count(db, sql`select count(*) as n from sandbox_charges where status = 'succeeded'`)],
    ['confirmation emails', await count(db, sql`select count(*) as n from outbox where subject like 'Payment received:%'`)],
    ['paid-up subscriptions', await count(db, sql`select count(*) as n from subscriptions where status = 'active' and dunning_invoice_id is null and current_period_end > now()`)],
    ['invoice_paid audit entries', await count(db, sql`select count(*) as n from audit_log where action = 'billing.invoice_paid'`)],
  ];
  return checks.filter(([, got]) => got !== n).map(([what, got]) => `${what}: expected ${n}, got ${got}`);
}

class RolledBack extends Error {}

/** Seconds PostgreSQL takes to insert N invoice rows with one INSERT … SELECT (rolled back afterwards). */
async function timeInsertSelect(db: Db, n: number, at: Date): Promise<number> {
  let seconds = 0;
  const seller = JSON.stringify(sellerSnapshot());
  try {
    await db.transaction(async (tx) => {
      const started = performance.now();
      await tx.execute(sql`
        insert into invoices (account_id, kind, number, issued_at, reason, seller, buyer, vat_kind, vat_rate,
                              net_cents, vat_cents, gross_cents, period_start, period_end)
        select ${accountIdOf('g')}, 'invoice', ${`INV-${INSERT_SELECT_YEAR}-`} || lpad(g::text, 6, '0'),
               ${at.toISOString()}::timestamptz, 'renewal', ${seller}::jsonb,
               jsonb_build_object('name', 'Owner ' || g, 'company', 'Bench ' || g || ' s.r.o.', 'street', 'Street ' || g,
                                  'city', 'Bratislava', 'postalCode', '811 01', 'region', '', 'country', 'SK',
                                  'email', 'owner-' || g || '@bench.test', 'companyId', '', 'vatNumber', null),
               'domestic', '23', 1500 * (1 + g % 10), round(1500 * (1 + g % 10) * 0.23)::int,
               1500 * (1 + g % 10) + round(1500 * (1 + g % 10) * 0.23)::int,
               ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz + interval '1 month'
        from generate_series(1, ${n}) g`);
      seconds = (performance.now() - started) / 1000;
      throw new RolledBack();
    });
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
  }
  return seconds;
}

const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export interface BillingBenchRow {
  n: number;
  seedSeconds: number;
  issueSeconds: number;
  collectSeconds: number;
  sweepSeconds: number;
  /** Invoices issued and collected per second. */
  sweepRate: number;
  /** This process's CPU (user + system) during the sweep, per invoice. */
  appCpuMicrosPerInvoice: number;
  /** PostgreSQL's CPU during the sweep, per invoice (null when the database is not on this machine). */
  dbCpuMicrosPerInvoice: number | null;
  /** PostgreSQL's CPU for the INSERT … SELECT baseline, per row (median run; null as above). */
  insertDbCpuMicrosPerRow: number | null;
  insertSeconds: number;
  insertRate: number;
  /** sweepRate / insertRate; target ≥ TARGET_RATIO. */
  ratio: number;
  /** The best ratio the sweep's measured CPU allows on this machine (renewalRatioCeilings `all`). */
  ceilingRatio: number | null;
  /** The same with the app's CPU taken as nothing (`databaseAlone`). */
  databaseCeilingRatio: number | null;
  /** Sweep seconds per invoice relative to the smallest size measured (1 = linear). */
  linearity: number;
}

/** One size: a fresh database, seeded, swept, checked, and the INSERT … SELECT baseline. */
async function measure(baseUrl: string, n: number, log: (line: string) => void): Promise<Omit<BillingBenchRow, 'linearity'>> {
  // The job runner and the sandbox processor open the app database from DATABASE_URL, once per
  // process; each size starts from a new database, so the process's handle is dropped after it.
  process.env.DATABASE_URL = await recreateBenchDatabase(baseUrl, DATABASE);
  const holder = globalThis as unknown as { __accountdeskDb?: unknown };
  holder.__accountdeskDb = undefined;
  const opened = await appDatabase();
  const db = opened.db;
  try {
    log(`bench:billing  N=${fmt(n)}  database=${DATABASE}`);
    let t = performance.now();
    await seedDueSubscriptions(db, n, now());
    const seedSeconds = (performance.now() - t) / 1000;
    log(`  seeded ${fmt(n)} due subscriptions in ${fmt(seedSeconds, 1)} s`);

    // A database on another machine: its CPU is not ours to read, and the local one's is not it.
    const dbCpu = isLocalDatabase(baseUrl) ? postgresCpuSeconds : () => null;
    const cpuBefore = process.cpuUsage();
    const dbCpuOfSweep = cpuSince(dbCpu);
    t = performance.now();
    const issued = await SWEEPS['issue-renewal-invoices'](db);
    const issueSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const collected = await SWEEPS['collect-open-invoices'](db);
    const collectSeconds = (performance.now() - t) / 1000;
    const sweepSeconds = issueSeconds + collectSeconds;
    const cpu = process.cpuUsage(cpuBefore);
    const appCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const dbCpuSeconds = dbCpuOfSweep();
    log(`  issue sweep:   ${fmt(issued)} invoices in ${fmt(issueSeconds, 2)} s`);
    log(`  collect sweep: ${fmt(collected)} invoices in ${fmt(collectSeconds, 2)} s`);
    const problems = await verifySweep(db, n);
    if (problems.length) throw new Error(`The sweep did not renew every account:\n  ${problems.join('\n  ')}`);

    const runs: { seconds: number; dbCpuSeconds: number | null }[] = [];
    for (let i = 0; i < INSERT_SELECT_RUNS; i++) {
      const dbCpuOfRun = cpuSince(dbCpu);
      const seconds = await timeInsertSelect(db, n, now());
      runs.push({ seconds, dbCpuSeconds: dbCpuOfRun() });
    }
    const median = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
    const insertSeconds = median.seconds;
    log(`  INSERT … SELECT of ${fmt(n)} invoice rows: ${runs.map((r) => `${fmt(r.seconds, 2)} s`).join(', ')} (median used)`);
    const sweepRate = n / sweepSeconds;
    const insertRate = n / insertSeconds;
    const ceilings = renewalRatioCeilings({ insertSeconds, appCpuSeconds, dbCpuSeconds, cores: CORES });
    return {
      n,
      seedSeconds,
      issueSeconds,
      collectSeconds,
      sweepSeconds,
      sweepRate,
      appCpuMicrosPerInvoice: (appCpuSeconds / n) * 1e6,
      dbCpuMicrosPerInvoice: dbCpuSeconds === null ? null : (dbCpuSeconds / n) * 1e6,
      insertDbCpuMicrosPerRow: median.dbCpuSeconds === null ? null : (median.dbCpuSeconds / n) * 1e6,
      insertSeconds,
      insertRate,
      ratio: sweepRate / insertRate,
      ceilingRatio: ceilings.all,
      databaseCeilingRatio: ceilings.databaseAlone,
    };
  } finally {
    await opened.close();
    holder.__accountdeskDb = undefined;
  }
}

/**
 * Measures every size in turn (each in a fresh database) and returns one row per size, with its
 * linearity against the smallest. `baseUrl` is a PostgreSQL URL; its own database is left alone.
 */
export async function billingBenchRows(baseUrl: string, sizes: number[], log: (line: string) => void = () => {}): Promise<BillingBenchRow[]> {
  const rows: Omit<BillingBenchRow, 'linearity'>[] = [];
  for (const n of sizes) rows.push(await measure(baseUrl, n, log));
  const smallest = rows.reduce((a, b) => (b.n < a.n ? b : a));
  const perInvoice = (r: Omit<BillingBenchRow, 'linearity'>) => r.sweepSeconds / r.n;
  return rows.map((r) => ({ ...r, linearity: perInvoice(r) / perInvoice(smallest) }));
}

/** The rows as a table: one line per size. */
export function billingBenchTable(rows: BillingBenchRow[]): string[] {
  const header = ['N', 'issue s', 'collect s', 'invoices/s', 'app CPU µs/inv', 'DB CPU µs/inv', 'INSERT…SELECT rows/s', 'its DB CPU µs/row', 'ratio', `≥ ${TARGET_RATIO}`, `best on ${CORES} cores`, 'DB alone', 'linearity'];
  const ceiling = (x: number | null) => (x === null ? '—' : fmt(x, 3));
  const micros = (x: number | null) => (x === null ? '—' : fmt(x));
  const body = rows.map((r) => [
    fmt(r.n),
    fmt(r.issueSeconds, 2),
    fmt(r.collectSeconds, 2),
    fmt(r.sweepRate),
    fmt(r.appCpuMicrosPerInvoice),
    micros(r.dbCpuMicrosPerInvoice),
    fmt(r.insertRate),
    micros(r.insertDbCpuMicrosPerRow),
    fmt(r.ratio, 3),
    r.ratio >= TARGET_RATIO ? 'yes' : 'no',
    ceiling(r.ceilingRatio),
    ceiling(r.databaseCeilingRatio),
    fmt(r.linearity, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), ...body.map(line)];
}

async function main() {
  const baseUrl = requirePostgres('bench:billing [N …]');
  const sizes = parseSizes(process.argv.slice(2).length ? process.argv.slice(2) : [process.env.BENCH_N ?? '']);
  const rows = await billingBenchRows(baseUrl, sizes, (line) => console.log(line));
  console.log('');
  console.log('  Renewal sweep (issue + collect) vs one INSERT … SELECT of as many invoice rows; linearity = sweep time per invoice ÷ the smallest size\'s');
  for (const line of billingBenchTable(rows)) console.log(`    ${line}`);
}

// Run as a script (`tsx scripts/bench-billing.ts`), not when imported for a combined table.
if (process.argv[1] && /bench-billing\.ts$/.test(process.argv[1]))
  main().catch((err) => {
    // drizzle wraps a failed statement; the database's own message is its cause.
    console.error(err instanceof Error ? [err.message, err.cause instanceof Error ? err.cause.message : null].filter(Boolean).join('\n') : err);
    process.exit(1);
  });
