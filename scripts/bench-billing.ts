// `npm run bench:billing [N]`: how fast the PAY-4 renewal sweep runs on PostgreSQL, measured
// against the fastest thing the database can do with the same number of invoice rows.
//
// 1. Drops and recreates a separate database (accountdesk_bench) on the server of DATABASE_URL,
//    migrates and seeds it like the app does, then seeds N paying accounts set-based: owner,
//    billing details (a mix of VAT cases), an active subscription whose period has ended, and a
//    sandbox test card 4242 on file.
// 2. Runs the renewal sweeps exactly as the job runner does (issue, then collect with the
//    sandbox processor) and reports invoices per second, after checking every account got one
//    paid invoice, one charge and one confirmation email.
// 3. Times one set-based INSERT … SELECT of N invoice rows into the same invoices table (inside a
//    transaction that is rolled back, so the bench database keeps only real documents; three
//    runs, the median counts) and prints the ratio sweep rate / insert rate. Target: ≥ 0.2.
//    It also prints this process's CPU time during the sweep, to tell the application's share
//    of the cost from the database's.
//
// N comes from the first argument or BENCH_N (default 100 000).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { appDatabase, type Db } from '@/db/client';
import { now } from '@/lib/clock';
import { sellerSnapshot } from '@/lib/invoices/seller';
import { SWEEPS } from '@/lib/jobs';
import { BENCH_DATABASE, recreateBenchDatabase, requirePostgres } from './bench-db';

const TARGET_RATIO = 0.2;
/** Far outside any real issue year, so the INSERT … SELECT rows never collide with sweep numbers. */
const INSERT_SELECT_YEAR = 9999;
const INSERT_SELECT_RUNS = 3;

function benchSize(): number {
  const raw = process.argv[2] ?? process.env.BENCH_N ?? '100000';
  const n = Number(raw.replace(/_/g, ''));
  // Invoice numbers have six digits per year (INV-1).
  if (!Number.isInteger(n) || n < 1 || n > 999_999) throw new Error(`N must be a whole number from 1 to 999999, got "${raw}".`);
  return n;
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

async function main() {
  const baseUrl = requirePostgres('bench:billing [N]');
  const n = benchSize();
  const benchUrl = await recreateBenchDatabase(baseUrl);
  // The job runner and the sandbox processor open the app database from DATABASE_URL.
  process.env.DATABASE_URL = benchUrl;
  const opened = await appDatabase();
  const db = opened.db;
  try {
    console.log(`bench:billing  N=${fmt(n)}  database=${BENCH_DATABASE}`);
    let t = performance.now();
    await seedDueSubscriptions(db, n, now());
    console.log(`  seeded ${fmt(n)} due subscriptions in ${fmt((performance.now() - t) / 1000, 1)} s`);

    const cpuBefore = process.cpuUsage();
    t = performance.now();
    const issued = await SWEEPS['issue-renewal-invoices'](db);
    const issueSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const collected = await SWEEPS['collect-open-invoices'](db);
    const collectSeconds = (performance.now() - t) / 1000;
    const sweepSeconds = issueSeconds + collectSeconds;
    const cpu = process.cpuUsage(cpuBefore);
    const appCpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(`  issue sweep:   ${fmt(issued)} invoices in ${fmt(issueSeconds, 2)} s`);
    console.log(`  collect sweep: ${fmt(collected)} invoices in ${fmt(collectSeconds, 2)} s`);
    const problems = await verifySweep(db, n);
    if (problems.length) throw new Error(`The sweep did not renew every account:\n  ${problems.join('\n  ')}`);

    const runs: number[] = [];
    for (let i = 0; i < INSERT_SELECT_RUNS; i++) runs.push(await timeInsertSelect(db, n, now()));
    const insertSeconds = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    console.log(`  INSERT … SELECT of ${fmt(n)} invoice rows: ${runs.map((s) => `${fmt(s, 2)} s`).join(', ')} (median used)`);

    const sweepRate = n / sweepSeconds;
    const insertRate = n / insertSeconds;
    const ratio = sweepRate / insertRate;
    console.log('');
    console.log('  Summary');
    console.log(`    N                          ${fmt(n)}`);
    console.log(`    sweep (issue + collect)    ${fmt(sweepSeconds, 2)} s`);
    console.log(`    sweep rate                 ${fmt(sweepRate)} invoices/s`);
    console.log(`    app CPU during the sweep   ${fmt(appCpuSeconds, 2)} s (${fmt((appCpuSeconds / n) * 1e6)} µs per invoice)`);
    console.log(`    INSERT … SELECT            ${fmt(insertSeconds, 2)} s`);
    console.log(`    INSERT … SELECT rate       ${fmt(insertRate)} rows/s`);
    console.log(`    ratio sweep / insert       ${fmt(ratio, 3)}`);
    console.log(`    target ≥ ${TARGET_RATIO} met           ${ratio >= TARGET_RATIO ? 'yes' : 'no'}`);
  } finally {
    await opened.close();
  }
}

main().catch((err) => {
  // drizzle wraps a failed statement; the database's own message is its cause.
  console.error(err instanceof Error ? [err.message, err.cause instanceof Error ? err.cause.message : null].filter(Boolean).join('\n') : err);
  process.exit(1);
});
