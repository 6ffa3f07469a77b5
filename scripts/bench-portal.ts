// `npm run bench:portal`: how fast the signed-in customer portal answers, measured against the
// sign-in page of the same build in the same run (issue 13, "Portal").
//
// Needs a production build (`npm run build`); it builds nothing itself.
//
// 1. A fresh database: a new PGlite folder in the temp dir, or (DATABASE_URL set) the database
//    `accountdesk_bench_portal`, dropped and created again on that server. Migrated and seeded as the
//    app does, then 50 paying accounts, each with its owner (a real password), an active monthly
//    subscription, a card on file, billing details, the current terms accepted and 24 invoices
//    issued over two years by the invoicing service.
// 2. Starts the production server (`node scripts/server.mjs`) on a free port with DB_LOG_QUERIES=1,
//    signs the 50 owners in through next-auth's real credentials sign-in (50 distinct sessions),
//    then requests each measured page once (after warming it up) and counts the SQL statements
//    the server sent for it. Stops that server.
// 3. Starts it again without the query log and drives each page with autocannon for 10 s
//    (BENCH_SECONDS): `/login` and `/account` with 50 connections (the signed-in requests spread
//    over the 50 sessions), both again on a single connection, and `/account/billing` and
//    `/account/invoices` (each account has 24 invoices) with 50 connections. Any answer other than
//    200 fails the run (a signed-in page that redirected to /login would look fast).
//
// Prints one table: req/s, p50, p95, p99, the ratio to `/login` and the target, pass or fail, and
// what each request cost in CPU: the server's main thread (the one JavaScript thread that renders
// every page) and the whole machine (load generator and database included, on the same cores).
// From those, the least mean wait 50 connections can see on this machine (scripts/bench-limits.ts).
// `benchPortal()` returns the rows for a combined `npm run bench` table.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import { migrate } from '@/db/migrate';
import { seed } from '@/db/seed';
import { currentTermsVersion } from '@/lib/accounts/verification';
import { hashPassword } from '@/lib/auth/password';
import { issueDocuments, type IssueInput } from '@/lib/invoices/issue';
import { startAppServer, type AppServer } from './app-server';
import { recreateBenchDatabase } from './bench-db';
import { leastMeanWaitMs, type LoadRunCpu } from './bench-limits';
import { CORES, cpuSince, machineBusySeconds, mainThreadCpuSeconds, processCpuSeconds } from './proc-cpu';

export const PORTAL_BENCH_DATABASE = 'accountdesk_bench_portal';
const OWNERS = 50;
const INVOICES_PER_ACCOUNT = 24;
const PASSWORD = 'bench-portal-password-2026';
const CONNECTIONS = 50;

export interface PortalRow extends LoadRunCpu {
  /** What was driven, e.g. "/account · 50 conn · 50 sessions". */
  name: string;
  path: string;
  connections: number;
  requestsPerSecond: number;
  /** Latency percentiles and mean in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** Server CPU milliseconds per answered request (Linux), null where /proc is not available. */
  cpuPerRequest: number | null;
  /** SQL statements the server sent for one request of this page (from the query-log pass). */
  queries: number | null;
  /** Compared with /login on the same number of connections: req/s ratio (50 conn) or latency ratio (1 conn). */
  ratio: number | null;
  ratioKind: 'req/s' | 'latency' | null;
  target: string;
  pass: boolean | null;
}

interface Bench {
  baseURL: string;
  cookies: string[];
}

// ---------------------------------------------------------------------------------------------
// Data

/** 50 paying accounts with their owners, set-based; 24 invoices each through the issuing service. */
async function seedPortalAccounts(db: Db, at: Date): Promise<{ emails: string[] }> {
  const passwordHash = await hashPassword(PASSWORD);
  const terms = await currentTermsVersion(db, at);
  const atIso = at.toISOString();
  const since = new Date(at.getTime() - 2 * 366 * 86_400_000);
  const sinceIso = since.toISOString();
  const id = sql.raw(`md5('bench-portal:' || g)::uuid`);
  const owner = sql.raw(`md5('bench-portal-owner:' || g)::uuid`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into accounts (id, slug, company_name, status, created_at, verified_at)
      select ${id}, 'bench-portal-' || g, 'Portal ' || g || ' s.r.o.', 'active', ${sinceIso}::timestamptz, ${sinceIso}::timestamptz
      from generate_series(1, ${OWNERS}) g`);
    await tx.execute(sql`
      insert into users (id, account_id, role, full_name, email, password_hash, email_verified_at, adult_confirmed_at, created_at)
      select ${owner}, ${id}, 'owner', 'Owner ' || g, 'owner-' || g || '@portal.bench.test', ${passwordHash},
             ${sinceIso}::timestamptz, ${sinceIso}::timestamptz, ${sinceIso}::timestamptz
      from generate_series(1, ${OWNERS}) g`);
    await tx.execute(sql`
      insert into terms_acceptances (user_id, terms_version_id, accepted_at, ip, user_agent, method)
      select ${owner}, ${terms.id}, ${atIso}::timestamptz - interval '1 day', '198.51.100.7', 'bench', 'continued_use'
      from generate_series(1, ${OWNERS}) g`);
    await tx.execute(sql`
      insert into billing_profiles (account_id, name, company, street, city, postal_code, country, invoice_email, updated_at)
      select ${id}, 'Owner ' || g, 'Portal ' || g || ' s.r.o.', 'Street ' || g, 'Bratislava', '811 01', 'SK',
             'invoices-' || g || '@portal.bench.test', ${sinceIso}::timestamptz
      from generate_series(1, ${OWNERS}) g`);
    await tx.execute(sql`
      insert into subscriptions (account_id, plan_id, seats, interval, status, current_period_start, current_period_end, created_at, updated_at)
      select ${id}, p.id, 1 + g % 5, 'monthly', 'active', ${atIso}::timestamptz - interval '10 days', ${atIso}::timestamptz + interval '20 days',
             ${sinceIso}::timestamptz, ${sinceIso}::timestamptz
      from generate_series(1, ${OWNERS}) g join plans p on p.code = 'team'`);
    await tx.execute(sql`
      insert into sandbox_payment_tokens (token, kind, brand, last4, exp_month, exp_year, holder_name, behaviour, reference, created_at)
      select 'tok_portal_' || g, 'card', 'Visa', '4242', 12, 2035, 'Owner ' || g, 'succeed', 'bench', ${sinceIso}::timestamptz
      from generate_series(1, ${OWNERS}) g`);
    await tx.execute(sql`
      insert into payment_methods (account_id, kind, processor_token, brand, last4, exp_month, exp_year, created_at)
      select ${id}, 'card', 'tok_portal_' || g, 'Visa', '4242', 12, 2035, ${sinceIso}::timestamptz
      from generate_series(1, ${OWNERS}) g`);
  });
  const accounts = (await db.execute(sql`
    select a.id, a.company_name as company, u.full_name as name, u.email, s.seats
    from accounts a join users u on u.account_id = a.id join subscriptions s on s.account_id = a.id
    where a.slug like 'bench-portal-%' order by a.created_at, a.slug`)) as unknown;
  // postgres-js answers an array of rows, PGlite an object with `rows`.
  const rows = (Array.isArray(accounts) ? accounts : (accounts as { rows: unknown[] }).rows) as { id: string; company: string; name: string; email: string; seats: number }[];
  // The monthly invoices of the last two years, oldest first (numbers follow the issue order).
  const inputs: IssueInput[] = [];
  for (let m = INVOICES_PER_ACCOUNT; m >= 1; m--) {
    const periodStart = new Date(at.getTime() - (m * 30 + 10) * 86_400_000);
    for (const a of rows) {
      inputs.push({
        accountId: a.id,
        kind: 'invoice',
        reason: 'renewal',
        buyer: { name: a.name, company: a.company, street: 'Street 1', city: 'Bratislava', postalCode: '811 01', region: '', country: 'SK', email: a.email, companyId: '', vatNumber: null },
        lines: [{ description: `Team plan, ${a.seats} seat(s), one month`, quantity: a.seats, unitPriceCents: 1500 }],
        issuedAt: periodStart,
        periodStart,
        periodEnd: new Date(periodStart.getTime() + 30 * 86_400_000),
      });
    }
  }
  await db.transaction(async (tx) => {
    await issueDocuments(tx, inputs);
  });
  await db.execute(sql`analyze`);
  return { emails: rows.map((r) => r.email) };
}

// ---------------------------------------------------------------------------------------------
// The server


type Server = AppServer;

function startServer(env: Record<string, string>): Promise<Server> {
  return startAppServer((baseURL) => ({ ...process.env, NEXTAUTH_URL: baseURL, APP_URL: baseURL, JOBS_INTERVAL_MS: '0', NEXT_TELEMETRY_DISABLED: '1', ...env }));
}

/** CPU milliseconds a process has used so far (Linux); null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  const seconds = processCpuSeconds(pid);
  return seconds === null ? null : seconds * 1000;
}

/**
 * Waits until the server is idle: a load run ends on the client's side while the server still
 * renders the requests it had accepted, which would slow the next run down.
 */
async function settle(server: Server): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = cpuMs(server.child.pid);
  if (last === null) return void (await new Promise((r) => setTimeout(r, 3000)));
  let quiet = 0;
  while (Date.now() < deadline && quiet < 2) {
    await new Promise((r) => setTimeout(r, 250));
    const used: number = cpuMs(server.child.pid) ?? last;
    quiet = used - last < 25 ? quiet + 1 : 0;
    last = used;
  }
}

// ---------------------------------------------------------------------------------------------
// Signing in through next-auth's credentials endpoint, as the login form does

function cookiesOf(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    out.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
  }
  return out;
}

async function signIn(baseURL: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: 'true' }),
  });
  const token = cookiesOf(res).get('next-auth.session-token');
  if (!token) throw new Error(`Signing in ${email} failed (${res.status}): ${await res.text()}`);
  return `next-auth.session-token=${token}`;
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Target {
  name: string;
  path: string;
  connections: number;
  /** Cookies to spread the requests over (none: anonymous). */
  cookies: string[];
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function drive(server: Server, t: Target, seconds: number) {
  const baseURL = server.baseURL;
  await settle(server);
  const pid = server.child.pid;
  const serverCpu = cpuSince(() => processCpuSeconds(pid));
  const mainThreadCpu = cpuSince(() => mainThreadCpuSeconds(pid));
  const machineCpu = cpuSince(machineBusySeconds);
  const latencies: number[] = [];
  let next = 0;
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseURL}${t.path}`,
        connections: t.connections,
        duration: seconds,
        timeout: 30,
        headers: { 'accept-language': 'en', accept: 'text/html' },
        requests: [
          t.cookies.length
            ? {
                method: 'GET',
                path: t.path,
                // Round robin over the sessions: every request carries the next owner's cookie.
                setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: t.cookies[next++ % t.cookies.length] } }),
              }
            : { method: 'GET', path: t.path },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  const wrong = [...statuses].filter(([code]) => code !== 200);
  if (wrong.length || result.errors || result.timeouts) {
    throw new Error(`${t.name}: answers other than 200: ${JSON.stringify(Object.fromEntries(wrong))}, errors ${result.errors}, timeouts ${result.timeouts}`);
  }
  // The requests still being rendered when the run ended finish before the CPU time is read.
  await settle(server);
  const sent = result.requests.sent;
  /** Milliseconds of CPU per request sent: what a page costs, whatever else the machine is doing. */
  const perRequest = (seconds: number | null) => (seconds === null || !sent ? null : (seconds * 1000) / sent);
  latencies.sort((a, b) => a - b);
  return {
    cpuPerRequest: perRequest(serverCpu()),
    mainThreadCpuPerRequest: perRequest(mainThreadCpu()),
    machineCpuPerRequest: perRequest(machineCpu()),
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length),
  };
}

async function get(baseURL: string, path: string, cookie?: string): Promise<Response> {
  return fetch(`${baseURL}${path}`, { redirect: 'manual', headers: { 'accept-language': 'en', accept: 'text/html', ...(cookie ? { cookie } : {}) } });
}

/** One request of each page, alone, with the server's query log: the statements it sent. */
async function countQueries(server: Server, paths: { path: string; cookie?: string }[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const settle = () => new Promise((r) => setTimeout(r, 300));
  for (const { path, cookie } of paths) {
    // Warm-up: the first request of a page loads its code.
    for (let i = 0; i < 3; i++) await (await get(server.baseURL, path, cookie)).arrayBuffer();
    await settle();
    const before = server.output().length;
    const res = await get(server.baseURL, path, cookie);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status} (${res.headers.get('location') ?? ''})`);
    await settle();
    out.set(path, server.output().slice(before).split('\n').filter((l) => l.startsWith('[db] ')));
  }
  return out;
}

export interface PortalBenchOptions {
  seconds?: number;
  /** Print each page's statements. */
  verbose?: boolean;
  log?: (line: string) => void;
}

export async function benchPortal(opts: PortalBenchOptions = {}): Promise<PortalRow[]> {
  const seconds = opts.seconds ?? Number(process.env.BENCH_SECONDS ?? 10);
  const log = opts.log ?? ((line: string) => console.log(line));
  if (!existsSync(join(process.cwd(), '.next', 'BUILD_ID'))) {
    throw new Error('bench:portal needs a production build: run `npm run build` first (the bench builds nothing itself).');
  }
  // The database: a fresh PGlite folder, or a fresh PostgreSQL database next to DATABASE_URL's.
  const env: Record<string, string> = { NEXTAUTH_SECRET: randomBytes(32).toString('hex') };
  let pgliteDir: string | null = null;
  if (process.env.DATABASE_URL) env.DATABASE_URL = await recreateBenchDatabase(process.env.DATABASE_URL, PORTAL_BENCH_DATABASE);
  else env.PGLITE_DIR = pgliteDir = join(mkdtempSync(join(tmpdir(), 'accountdesk-bench-portal-')), 'pglite');
  const dbKind = env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  log(`bench:portal on ${dbKind}: seeding ${OWNERS} accounts with ${INVOICES_PER_ACCOUNT} invoices each…`);
  const opened = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
  let emails: string[];
  try {
    await migrate(opened);
    await seed(opened.db);
    ({ emails } = await seedPortalAccounts(opened.db, new Date()));
  } finally {
    await opened.close();
  }

  const measured = ['/login', '/account', '/account/billing', '/account/invoices'];
  let bench: Bench;
  let queries: Map<string, string[]>;
  // Pass 1: sign in and count each page's statements.
  let server = await startServer({ ...env, DB_LOG_QUERIES: '1' });
  try {
    const cookies: string[] = [];
    for (const email of emails) cookies.push(await signIn(server.baseURL, email));
    bench = { baseURL: server.baseURL, cookies };
    queries = await countQueries(server, measured.map((path) => ({ path, cookie: path === '/login' ? undefined : cookies[0] })));
  } finally {
    await server.stop();
  }
  // A build from before DB_LOG_QUERIES existed logs nothing: then the counts are unknown, not 0.
  const logged = (queries.get('/account')?.length ?? 0) > 0;
  if (!logged) log('  (this build does not log its queries: rebuild to count them)');
  for (const [path, lines] of queries) {
    if (!logged) queries.delete(path);
    else log(`  ${path}: ${lines.length} SQL statements per request`);
    if (logged && opts.verbose) for (const l of lines) log(`      ${l.slice(5, 240)}`);
  }

  // Pass 2: the load runs, on a server without the query log.
  server = await startServer(env);
  const rows: PortalRow[] = [];
  try {
    bench.baseURL = server.baseURL;
    for (const path of measured) {
      for (let i = 0; i < 3; i++) await (await get(server.baseURL, path, path === '/login' ? undefined : bench.cookies[i])).arrayBuffer();
    }
    const targets: Target[] = [
      { name: `/login · ${CONNECTIONS} conn`, path: '/login', connections: CONNECTIONS, cookies: [] },
      { name: `/account · ${CONNECTIONS} conn · ${bench.cookies.length} sessions`, path: '/account', connections: CONNECTIONS, cookies: bench.cookies },
      { name: '/login · 1 conn', path: '/login', connections: 1, cookies: [] },
      { name: `/account · 1 conn · ${bench.cookies.length} sessions`, path: '/account', connections: 1, cookies: bench.cookies },
      { name: `/account/billing · ${CONNECTIONS} conn`, path: '/account/billing', connections: CONNECTIONS, cookies: bench.cookies },
      { name: `/account/invoices · ${CONNECTIONS} conn · ${INVOICES_PER_ACCOUNT} invoices`, path: '/account/invoices', connections: CONNECTIONS, cookies: bench.cookies },
    ];
    const results = new Map<string, Awaited<ReturnType<typeof drive>>>();
    for (const t of targets) {
      log(`  driving ${t.name} for ${seconds} s…`);
      results.set(t.name, await drive(server, t, seconds));
    }
    const login50 = results.get(targets[0].name)!;
    const login1 = results.get(targets[2].name)!;
    for (const t of targets) {
      const r = results.get(t.name)!;
      const row: PortalRow = { name: t.name, path: t.path, connections: t.connections, ...r, queries: queries.get(t.path)?.length ?? null, ratio: null, ratioKind: null, target: '', pass: null };
      if (t.path !== '/login') {
        if (t.connections === 1) {
          row.ratio = r.mean / login1.mean;
          row.ratioKind = 'latency';
        } else {
          row.ratio = r.requestsPerSecond / login50.requestsPerSecond;
          row.ratioKind = 'req/s';
        }
      }
      if (t.path === '/account' && t.connections > 1) {
        row.target = 'req/s ratio ≥ 0.6, p95 < 500 ms';
        row.pass = row.ratio! >= 0.6 && r.p95 < 500;
      } else if (t.path === '/account' && t.connections === 1) {
        row.target = 'latency ≤ 2× /login';
        row.pass = row.ratio! <= 2;
      } else if (t.path === '/login') row.target = 'baseline';
      rows.push(row);
    }
  } finally {
    await server.stop();
    if (pgliteDir) rmSync(join(pgliteDir, '..'), { recursive: true, force: true });
  }
  return rows;
}

/** The least mean wait this run allows on this machine (see bench-limits). */
export const leastMeanWait = (row: PortalRow) => leastMeanWaitMs(row, CORES);

export function formatPortalTable(rows: PortalRow[]): string {
  const cells: [head: string, cell: (r: PortalRow) => string, left?: boolean][] = [
    ['measure', (r) => r.name, true],
    ['req/s', (r) => r.requestsPerSecond.toFixed(0)],
    ['p50 ms', (r) => r.p50.toFixed(1)],
    ['p95 ms', (r) => r.p95.toFixed(1)],
    ['p99 ms', (r) => r.p99.toFixed(1)],
    ['mean ms', (r) => r.mean.toFixed(1)],
    ['server CPU ms/req', (r) => (r.cpuPerRequest === null ? '—' : r.cpuPerRequest.toFixed(1))],
    ['main thread ms/req', (r) => (r.mainThreadCpuPerRequest === null ? '—' : r.mainThreadCpuPerRequest.toFixed(1))],
    ['machine CPU ms/req', (r) => (r.machineCpuPerRequest === null ? '—' : r.machineCpuPerRequest.toFixed(1))],
    ['least mean ms', (r) => leastMeanWait(r)?.toFixed(0) ?? '—'],
    ['queries', (r) => (r.queries === null ? '—' : String(r.queries))],
    ['ratio', (r) => (r.ratio === null || !Number.isFinite(r.ratio) ? '—' : `${r.ratio.toFixed(2)} (${r.ratioKind})`)],
    ['target', (r) => r.target, true],
    ['result', (r) => (r.pass === null ? '' : r.pass ? 'pass' : 'FAIL'), true],
  ];
  const head = cells.map(([h]) => h);
  const body = rows.map((r) => cells.map(([, cell]) => cell(r)));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (row: string[]) => row.map((c, i) => (cells[i][2] ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main() {
  const rows = await benchPortal({ verbose: process.argv.includes('--verbose') });
  console.log(`\nbench:portal (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${Number(process.env.BENCH_SECONDS ?? 10)} s per run)\n`);
  console.log(formatPortalTable(rows));
  const failed = rows.filter((r) => r.pass === false);
  if (failed.length) console.log(`\n${failed.length} target(s) not met.`);
  if (rows.some((r) => !Number.isFinite(r.p50))) console.log('A run got no answer in its time: the machine is too busy for these figures to mean anything.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
