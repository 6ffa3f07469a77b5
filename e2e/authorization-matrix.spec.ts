// Issue 13, authorization matrix for pages and route handlers: every app/**/page.tsx and
// app/**/route.ts × {anonymous, owner A, admin of A, agent of A, owner B, staff, staff in "Access
// account" mode on A}, fetched over HTTP only (no rendering in the browser, no redirects followed),
// each cell compared with the outcome written out below. Paths with ids are fetched with A's and
// B's real ids. Every answer to A's people must not mention B (email, address), nor B's answers A.
// The table must list exactly the pages and route handlers on disk (both directions).
// (The server actions have their own matrix: lib/actions/authorization-matrix.test.ts.)
import type { APIResponse, Browser, BrowserContext } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { signUpOwner, type Owner } from './accounts';
import { addCard } from './billing';
import { fileAndConfirmRequest } from './gdpr';
import { expect, PASSWORD, STAFF, test, uniqueId } from './support';

const PERSONAS = ['anonymous', 'ownerA', 'adminA', 'agentA', 'ownerB', 'staff', 'staffAccessA'] as const;
type Persona = (typeof PERSONAS)[number];

/**
 * Pages: 'ok' (200), 'not-found' (404), 'login' (a redirect to /login…), or '→<path>' (a
 * redirect there, e.g. '→/account?denied=owner'). Route handlers: '<status>' or '<status> →<path>'.
 */
type Outcome = string;
type Expect = Record<Persona, Outcome>;

interface Ids {
  accountA: string;
  accountB: string;
  invoiceA: string;
  invoiceB: string;
  serviceA: string;
  serviceB: string;
  deal: string;
  announcement: string;
  gdpr: string;
  outbox: string;
  terms: string;
}
interface Case {
  path: (ids: Ids) => string;
  method?: 'GET' | 'POST';
  data?: unknown;
  headers?: Record<string, string>;
  expect: Expect;
}

const all = (o: Outcome): Expect => ({ anonymous: o, ownerA: o, adminA: o, agentA: o, ownerB: o, staff: o, staffAccessA: o });
const PUBLIC = all('ok');
/** /login, /signup, /appsumo: a signed-in person is sent home. */
const SIGNED_IN_GO_HOME: Expect = { anonymous: 'ok', ownerA: '→/account', adminA: '→/account', agentA: '→/account', ownerB: '→/account', staff: '→/staff', staffAccessA: '→/staff' };
/** Every /staff page. */
const STAFF_PAGE: Expect = {
  anonymous: 'login',
  ownerA: '→/account?denied=staff',
  adminA: '→/account?denied=staff',
  agentA: '→/account?denied=staff',
  ownerB: '→/account?denied=staff',
  staff: 'ok',
  staffAccessA: 'ok',
};
/** Any member of the account; staff only through "Access account" (read-only). */
const MEMBER_PAGE: Expect = { anonymous: 'login', ownerA: 'ok', adminA: 'ok', agentA: 'ok', ownerB: 'ok', staff: '→/staff', staffAccessA: 'ok' };
const OWNER_PAGE: Expect = { ...MEMBER_PAGE, adminA: '→/account?denied=owner', agentA: '→/account?denied=owner' };
const MANAGER_PAGE: Expect = { ...MEMBER_PAGE, agentA: '→/account?denied=managers' };

const PAGES: Record<string, Case[]> = {
  'app/(public)/page.tsx': [{ path: () => '/', expect: PUBLIC }],
  'app/(public)/account-stopped/page.tsx': [{ path: () => '/account-stopped', expect: PUBLIC }],
  'app/(public)/appsumo/page.tsx': [{ path: () => '/appsumo', expect: SIGNED_IN_GO_HOME }],
  'app/(public)/forgot-password/page.tsx': [{ path: () => '/forgot-password', expect: PUBLIC }],
  'app/(public)/invitation/page.tsx': [{ path: () => '/invitation?token=forged', expect: PUBLIC }],
  'app/(public)/login/page.tsx': [{ path: () => '/login', expect: SIGNED_IN_GO_HOME }],
  'app/(public)/news/confirm/page.tsx': [{ path: () => '/news/confirm?token=forged', expect: PUBLIC }],
  'app/(public)/pricing/page.tsx': [{ path: () => '/pricing', expect: PUBLIC }],
  'app/(public)/privacy/page.tsx': [{ path: () => '/privacy', expect: PUBLIC }],
  'app/(public)/privacy/request/page.tsx': [{ path: () => '/privacy/request', expect: PUBLIC }],
  'app/(public)/privacy/request/confirm/page.tsx': [{ path: () => '/privacy/request/confirm?token=forged', expect: PUBLIC }],
  'app/(public)/reset-password/page.tsx': [{ path: () => '/reset-password?token=forged', expect: PUBLIC }],
  'app/(public)/signup/page.tsx': [{ path: () => '/signup', expect: SIGNED_IN_GO_HOME }],
  'app/(public)/status/page.tsx': [{ path: () => '/status', expect: PUBLIC }],
  'app/(public)/terms/page.tsx': [{ path: () => '/terms', expect: PUBLIC }],
  'app/(public)/terms/[version]/page.tsx': [
    { path: (i) => `/terms/${i.terms}`, expect: PUBLIC },
    { path: () => '/terms/no-such-version', expect: all('not-found') },
  ],
  'app/(public)/unsubscribe/page.tsx': [{ path: () => '/unsubscribe', expect: PUBLIC }],
  'app/(public)/verify-email/page.tsx': [{ path: () => '/verify-email?token=forged', expect: PUBLIC }],

  'app/account/page.tsx': [{ path: () => '/account?account=forged', expect: MEMBER_PAGE }],
  'app/account/audit/page.tsx': [{ path: () => '/account/audit', expect: OWNER_PAGE }],
  'app/account/billing/page.tsx': [{ path: () => '/account/billing', expect: OWNER_PAGE }],
  'app/account/custom-services/page.tsx': [{ path: () => '/account/custom-services', expect: MANAGER_PAGE }],
  'app/account/custom-services/[id]/page.tsx': [
    { path: (i) => `/account/custom-services/${i.serviceA}`, expect: { ...MANAGER_PAGE, ownerB: 'not-found' } },
    { path: (i) => `/account/custom-services/${i.serviceB}`, expect: { ...MANAGER_PAGE, ownerA: 'not-found', adminA: 'not-found', staffAccessA: 'not-found' } },
    { path: () => '/account/custom-services/not-a-uuid', expect: { ...MANAGER_PAGE, ownerA: 'not-found', adminA: 'not-found', ownerB: 'not-found', staffAccessA: 'not-found' } },
  ],
  'app/account/invoices/page.tsx': [{ path: () => '/account/invoices', expect: OWNER_PAGE }],
  'app/account/invoices/[id]/page.tsx': [
    { path: (i) => `/account/invoices/${i.invoiceA}`, expect: { ...OWNER_PAGE, ownerB: 'not-found' } },
    { path: (i) => `/account/invoices/${i.invoiceB}`, expect: { ...OWNER_PAGE, ownerA: 'not-found', staffAccessA: 'not-found' } },
    { path: () => '/account/invoices/not-a-uuid', expect: { ...OWNER_PAGE, ownerA: 'not-found', ownerB: 'not-found', staffAccessA: 'not-found' } },
  ],
  'app/account/plan/page.tsx': [{ path: () => '/account/plan', expect: OWNER_PAGE }],
  'app/account/privacy/page.tsx': [{ path: () => '/account/privacy', expect: MEMBER_PAGE }],
  'app/account/security/page.tsx': [{ path: () => '/account/security', expect: MEMBER_PAGE }],
  'app/account/stop/page.tsx': [{ path: () => '/account/stop', expect: OWNER_PAGE }],
  // Only for an account staff suspended; an active account's members are sent to its overview.
  'app/account/suspended/page.tsx': [
    { path: () => '/account/suspended', expect: { ...MEMBER_PAGE, ownerA: '→/account', adminA: '→/account', agentA: '→/account', ownerB: '→/account', staffAccessA: '→/account' } },
  ],
  'app/account/users/page.tsx': [{ path: () => '/account/users', expect: MANAGER_PAGE }],

  'app/staff/page.tsx': [{ path: () => '/staff', expect: STAFF_PAGE }],
  'app/staff/accounts/page.tsx': [{ path: () => '/staff/accounts', expect: STAFF_PAGE }],
  'app/staff/accounts/[id]/page.tsx': [
    { path: (i) => `/staff/accounts/${i.accountA}`, expect: STAFF_PAGE },
    { path: (i) => `/staff/accounts/${i.accountB}`, expect: STAFF_PAGE },
  ],
  'app/staff/announcements/page.tsx': [{ path: () => '/staff/announcements', expect: STAFF_PAGE }],
  'app/staff/announcements/[id]/page.tsx': [{ path: (i) => `/staff/announcements/${i.announcement}`, expect: STAFF_PAGE }],
  'app/staff/audit/page.tsx': [{ path: () => '/staff/audit', expect: STAFF_PAGE }],
  'app/staff/cancellations/page.tsx': [{ path: () => '/staff/cancellations', expect: STAFF_PAGE }],
  'app/staff/custom-services/page.tsx': [{ path: () => '/staff/custom-services', expect: STAFF_PAGE }],
  'app/staff/custom-services/[id]/page.tsx': [
    { path: (i) => `/staff/custom-services/${i.serviceA}`, expect: STAFF_PAGE },
    { path: (i) => `/staff/custom-services/${i.serviceB}`, expect: STAFF_PAGE },
  ],
  'app/staff/deals/page.tsx': [{ path: () => '/staff/deals', expect: STAFF_PAGE }],
  'app/staff/deals/[id]/page.tsx': [{ path: (i) => `/staff/deals/${i.deal}`, expect: STAFF_PAGE }],
  'app/staff/enterprise/page.tsx': [{ path: () => '/staff/enterprise', expect: STAFF_PAGE }],
  'app/staff/gdpr/page.tsx': [{ path: () => '/staff/gdpr', expect: STAFF_PAGE }],
  'app/staff/gdpr/[id]/page.tsx': [{ path: (i) => `/staff/gdpr/${i.gdpr}`, expect: STAFF_PAGE }],
  'app/staff/gdpr/sub-processors/page.tsx': [{ path: () => '/staff/gdpr/sub-processors', expect: STAFF_PAGE }],
  'app/staff/invoices/page.tsx': [{ path: () => '/staff/invoices', expect: STAFF_PAGE }],
  'app/staff/login-sharing/page.tsx': [{ path: () => '/staff/login-sharing', expect: STAFF_PAGE }],
  'app/staff/maintenance/page.tsx': [{ path: () => '/staff/maintenance', expect: STAFF_PAGE }],
  'app/staff/outbox/page.tsx': [{ path: () => '/staff/outbox', expect: STAFF_PAGE }],
  'app/staff/outbox/[id]/page.tsx': [{ path: (i) => `/staff/outbox/${i.outbox}`, expect: STAFF_PAGE }],
  'app/staff/prices/page.tsx': [{ path: () => '/staff/prices', expect: STAFF_PAGE }],
  'app/staff/terms/page.tsx': [{ path: () => '/staff/terms', expect: STAFF_PAGE }],
};

const STAFF_ROUTE = (ok: Outcome): Expect => ({
  anonymous: '307 →/login?next=/staff',
  ownerA: '307 →/account?denied=staff',
  adminA: '307 →/account?denied=staff',
  agentA: '307 →/account?denied=staff',
  ownerB: '307 →/account?denied=staff',
  staff: ok,
  staffAccessA: ok,
});

const ROUTES: Record<string, Case[]> = {
  // The processor's way back: only the owner, only with a reference signed for this session.
  'app/account/billing/return/route.ts': [
    {
      path: () => '/account/billing/return?token=forged&reference=forged',
      expect: {
        anonymous: '303 →/login',
        ownerA: '303 →/account/billing?error=invalid',
        adminA: '303 →/account/billing?error=owner_only',
        agentA: '303 →/account/billing?error=owner_only',
        ownerB: '303 →/account/billing?error=invalid',
        staff: '303 →/account/billing?error=owner_only',
        staffAccessA: '303 →/account/billing?error=owner_only',
      },
    },
  ],
  // next-auth: the session endpoint answers everyone (with their own session only).
  'app/api/auth/[...nextauth]/route.ts': [{ path: () => '/api/auth/session', expect: all('200') }],
  'app/api/bot-check/route.ts': [{ path: () => '/api/bot-check', expect: all('200') }],
  'app/api/health/route.ts': [{ path: () => '/api/health', expect: all('200') }],
  // INV-5: the owner's own documents and staff; everyone else the same 404 as for no document.
  'app/api/invoices/[id]/pdf/route.ts': [
    { path: (i) => `/api/invoices/${i.invoiceA}/pdf`, expect: { ...all('404'), ownerA: '200', staff: '200', staffAccessA: '200' } },
    { path: (i) => `/api/invoices/${i.invoiceB}/pdf`, expect: { ...all('404'), ownerB: '200', staff: '200', staffAccessA: '200' } },
  ],
  // The jobs trigger wants JOBS_SECRET, whoever is signed in.
  'app/api/jobs/route.ts': [{ method: 'POST', path: () => '/api/jobs', headers: { authorization: 'Bearer forged' }, expect: all('401') }],
  // The sandbox processor's hosted pages are the processor's, not ours (no session involved): a
  // reference it did not sign is refused for everyone alike.
  'app/api/processor/card/route.ts': [{ path: () => '/api/processor/card?reference=forged', expect: all('400') }],
  'app/api/processor/paypal/route.ts': [{ path: () => '/api/processor/paypal?reference=forged', expect: all('400') }],
  // Test hooks: open in test mode only (every one answers 404 otherwise: app/api/test/hooks.test.ts).
  'app/api/test/clock/route.ts': [{ method: 'POST', path: () => '/api/test/clock', data: { now: null }, expect: all('200') }],
  'app/api/test/jobs/route.ts': [{ method: 'POST', path: () => '/api/test/jobs', data: {}, expect: all('200') }],
  'app/api/test/members/route.ts': [{ method: 'POST', path: () => '/api/test/members', data: {}, expect: all('400') }],
  'app/api/test/owners/route.ts': [{ method: 'POST', path: () => '/api/test/owners', data: {}, expect: all('400') }],
  'app/api/test/outbox/route.ts': [{ path: () => '/api/test/outbox?to=nobody@example.test', expect: all('200') }],
  'app/api/test/processor/route.ts': [{ method: 'POST', path: () => '/api/test/processor', data: { fault: null }, expect: all('200') }],
  // GDPR-10: the one-click link is signed; a forged token does nothing.
  'app/api/unsubscribe/route.ts': [{ method: 'POST', path: () => '/api/unsubscribe?token=forged', expect: all('400') }],
  // PLAN-6: the usage API wants the account's token, not a session.
  'app/api/usage/route.ts': [{ method: 'POST', path: () => '/api/usage', data: { endUsers: 1, ticketsThisMonth: 1 }, expect: all('401') }],
  // GDPR-6: staff only.
  'app/staff/gdpr/[id]/export/route.ts': [{ path: (i) => `/staff/gdpr/${i.gdpr}/export`, expect: STAFF_ROUTE('200') }],
};

// ---------------------------------------------------------------------------------------------

const ROOT = path.resolve(__dirname, '..');
function filesNamed(name: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === name) out.push(path.relative(ROOT, full).split(path.sep).join('/'));
    }
  };
  walk(path.join(ROOT, 'app'));
  return out.sort();
}

interface PersonaCtx {
  context: BrowserContext;
  /** What an answer to this persona must never contain (the other account's email and address). */
  forbidden: string[];
}

let P: Record<Persona, PersonaCtx>;
let ids: Ids;
let ownerA: Owner;
let ownerB: Owner;

function ip(): string {
  const n = Math.floor(Math.random() * 60000);
  return `10.${200 + (n % 50)}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': ip() } });
}

/** Signs in through next-auth's credentials endpoint (what the login form posts). */
async function httpSignIn(context: BrowserContext, email: string, password: string) {
  const csrf = (await (await context.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await context.request.post('/api/auth/callback/credentials', { form: { csrfToken: csrf.csrfToken, email, password, json: 'true' }, maxRedirects: 0 });
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.endsWith('next-auth.session-token')), `signed in as ${email}`).toBe(true);
}

/** The ids in links `prefix/<uuid>` of a page. */
async function linkedIds(context: BrowserContext, pagePath: string, prefix: string): Promise<string[]> {
  const html = await (await context.request.get(pagePath, { maxRedirects: 0 })).text();
  const re = new RegExp(`href="${prefix.replace(/[/]/g, '\\/')}/([0-9a-f-]{36})"`, 'g');
  return [...new Set([...html.matchAll(re)].map((m) => m[1]))];
}

async function requestService(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto('/account/custom-services');
  await page.getByLabel('What do you need?').fill('A connector that syncs closed tickets to our ERP.');
  await page.getByRole('button', { name: 'Request service' }).click();
  await expect(page.getByText(/CS-\d{4}-\d{6}/).first()).toBeVisible({ timeout: 20_000 });
  await page.close();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }, workerInfo) => {
  test.setTimeout(300_000);
  const baseURL = workerInfo.project.use.baseURL!;
  const ctx = {} as Record<Persona, BrowserContext>;
  for (const p of PERSONAS) ctx[p] = await newContext(browser, baseURL);

  // Owners A and B sign up as people do, pay (an invoice each) and request a custom service.
  for (const [persona, set] of [['ownerA', (o: Owner) => (ownerA = o)], ['ownerB', (o: Owner) => (ownerB = o)]] as const) {
    const page = await ctx[persona].newPage();
    set(await signUpOwner(page, ctx[persona].request, { slug: `authz-${persona.slice(-1).toLowerCase()}-${uniqueId()}` }));
    await addCard(page);
    await page.close();
    await requestService(ctx[persona]);
  }
  // Admin and agent of A (the test hook makes verified members), signed in over HTTP.
  for (const [persona, role] of [['adminA', 'admin'], ['agentA', 'agent']] as const) {
    const email = `${role}-${uniqueId()}@example.test`;
    const res = await ctx[persona].request.post('/api/test/members', { data: { ownerEmail: ownerA.email, email, password: PASSWORD, role, fullName: `Member ${role}` } });
    expect(res.status()).toBe(201);
    await httpSignIn(ctx[persona], email, PASSWORD);
  }
  await httpSignIn(ctx.staff, STAFF.email, STAFF.password);

  // A privacy request (GDPR-3/4: filed and confirmed by a visitor) and an announcement for the staff pages.
  const visitor = await ctx.anonymous.newPage();
  const filed = await fileAndConfirmRequest(visitor, ctx.anonymous.request, 'access');
  await visitor.close();
  await ctx.anonymous.clearCookies();
  const staffPage = await ctx.staff.newPage();
  await staffPage.goto('/staff/announcements');
  await staffPage.getByLabel('Subject (English)').fill('Matrix news');
  await staffPage.getByLabel('Body (English)').fill('Something new for every account.');
  await staffPage.getByLabel('Subject (Dutch)').fill('Matrix nieuws');
  await staffPage.getByLabel('Body (Dutch)').fill('Iets nieuws voor elk account.');
  await staffPage.getByRole('button', { name: 'Preview announcement' }).click();
  await expect(staffPage).toHaveURL(/\/staff\/announcements\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  const announcement = staffPage.url().split('/').pop()!;
  await staffPage.close();

  const [accountA] = await linkedIds(ctx.staff, `/staff/accounts?q=${ownerA.slug}`, '/staff/accounts');
  const [accountB] = await linkedIds(ctx.staff, `/staff/accounts?q=${ownerB.slug}`, '/staff/accounts');
  const [invoiceA] = await linkedIds(ctx.ownerA, '/account/invoices', '/account/invoices');
  const [invoiceB] = await linkedIds(ctx.ownerB, '/account/invoices', '/account/invoices');
  const [serviceA] = await linkedIds(ctx.ownerA, '/account/custom-services', '/account/custom-services');
  const [serviceB] = await linkedIds(ctx.ownerB, '/account/custom-services', '/account/custom-services');
  const [deal] = await linkedIds(ctx.staff, '/staff/deals', '/staff/deals');
  // This test's own request (confirmed, so it can be exported), not whichever the queue lists first:
  // other specs leave refused and closed ones in the same database.
  const queue = await (await ctx.staff.request.get('/staff/gdpr', { maxRedirects: 0 })).text();
  const gdpr = queue.match(new RegExp(`href="/staff/gdpr/([0-9a-f-]{36})"[^>]*>${filed.reference}<`))?.[1] ?? '';
  const [outbox] = await linkedIds(ctx.staff, '/staff/outbox', '/staff/outbox');
  const termsHtml = await (await ctx.anonymous.request.get('/terms')).text();
  const terms = termsHtml.match(/href="\/terms\/([A-Za-z0-9._-]+)"/)?.[1] ?? '2026-11';
  ids = { accountA, accountB, invoiceA, invoiceB, serviceA, serviceB, deal, announcement, gdpr, outbox, terms };
  for (const [k, v] of Object.entries(ids)) expect(v, `the id ${k} was found`).toBeTruthy();

  // Staff in "Access account" mode on A (ACC-10: with a reason), in a session of its own.
  await httpSignIn(ctx.staffAccessA, STAFF.email, STAFF.password);
  const accessPage = await ctx.staffAccessA.newPage();
  await accessPage.goto(`/staff/accounts/${accountA}`);
  const access = accessPage.getByRole('form', { name: 'Access account' });
  await access.getByLabel('Reason').fill('Ticket #4711: authorization matrix');
  await access.getByRole('button', { name: 'Access account' }).click();
  await expect(accessPage).toHaveURL(/\/account$/, { timeout: 20_000 });
  await accessPage.close();

  const of = (o: Owner) => [o.email, o.slug];
  P = {
    anonymous: { context: ctx.anonymous, forbidden: [...of(ownerA), ...of(ownerB)] },
    ownerA: { context: ctx.ownerA, forbidden: of(ownerB) },
    adminA: { context: ctx.adminA, forbidden: of(ownerB) },
    agentA: { context: ctx.agentA, forbidden: of(ownerB) },
    ownerB: { context: ctx.ownerB, forbidden: of(ownerA) },
    staff: { context: ctx.staff, forbidden: [] },
    staffAccessA: { context: ctx.staffAccessA, forbidden: of(ownerB) },
  };
});

test.afterAll(async () => {
  for (const p of PERSONAS) await P?.[p]?.context.close();
});

async function fetchAs(persona: Persona, c: Case): Promise<APIResponse> {
  const r = P[persona].context.request;
  const url = c.path(ids);
  const opts = { maxRedirects: 0, headers: c.headers, ...(c.data !== undefined ? { data: c.data } : {}) };
  return c.method === 'POST' ? r.post(url, opts) : r.get(url, opts);
}

function where(res: APIResponse): string {
  const loc = res.headers()['location'] ?? '';
  return loc.replace(/^https?:\/\/[^/]+/, '');
}

function pageOutcome(res: APIResponse): Outcome {
  const s = res.status();
  if (s === 200) return 'ok';
  if (s === 404) return 'not-found';
  if (s >= 300 && s < 400) {
    const to = where(res);
    return to === '/login' || to.startsWith('/login?') ? 'login' : `→${to}`;
  }
  return String(s);
}

function routeOutcome(res: APIResponse): Outcome {
  const s = res.status();
  return s >= 300 && s < 400 ? `${s} →${where(res)}` : String(s);
}

/** Runs every case for every persona; returns the cells that differ from the table and any leak. */
async function runMatrix(table: Record<string, Case[]>, outcome: (r: APIResponse) => Outcome): Promise<{ mismatches: string[]; cells: number }> {
  const mismatches: string[] = [];
  let cells = 0;
  for (const [file, cases] of Object.entries(table)) {
    for (const c of cases) {
      // The seven personas side by side (each in its own context), the cases one after another.
      const answers = await Promise.all(PERSONAS.map(async (persona) => ({ persona, res: await fetchAs(persona, c) })));
      for (const { persona, res } of answers) {
        const got = outcome(res);
        cells++;
        if (got !== c.expect[persona]) mismatches.push(`${file} ${c.method ?? 'GET'} ${c.path(ids)} as ${persona}: expected ${c.expect[persona]}, got ${got}`);
        const type = res.headers()['content-type'] ?? '';
        // Staff in access mode are still staff: the back office shows them every account. Test
        // hooks (test mode only) answer about the whole server.
        const checked = !c.path(ids).startsWith('/api/test/') && (persona !== 'staffAccessA' || c.path(ids).startsWith('/account'));
        if (checked && /text|json/.test(type)) {
          const body = (await res.text()).toLowerCase();
          for (const secret of P[persona].forbidden) if (body.includes(secret.toLowerCase())) mismatches.push(`${file} ${c.path(ids)} as ${persona}: LEAK of ${secret}`);
        }
      }
    }
  }
  return { mismatches, cells };
}

test('every page and route handler on disk has a row in the authorization table, and every row names a file on disk', () => {
  expect({ pages: filesNamed('page.tsx'), routes: filesNamed('route.ts') }).toEqual({ pages: Object.keys(PAGES).sort(), routes: Object.keys(ROUTES).sort() });
  for (const cases of [...Object.values(PAGES), ...Object.values(ROUTES)]) for (const c of cases) expect(Object.keys(c.expect).sort()).toEqual([...PERSONAS].sort());
});

test('every page × persona answers as the table says, with A’s and B’s real ids, and never shows one account’s owner to the other', async () => {
  test.setTimeout(300_000);
  const { mismatches, cells } = await runMatrix(PAGES, pageOutcome);
  expect(mismatches).toEqual([]);
  expect(cells).toBeGreaterThan(PERSONAS.length * 53);
});

test('every route handler × persona answers as the table says, and never hands one account’s data to the other', async () => {
  test.setTimeout(180_000);
  const { mismatches } = await runMatrix(ROUTES, routeOutcome);
  expect(mismatches).toEqual([]);
});

test('PLAN-6 the usage API token is the owner’s: admin and agent of A get the security page without it, and so do staff in access mode', async () => {
  // The words are in every portal page's client messages; what matters is the section shown.
  const sectionOn = async (persona: Persona) => {
    const page = await P[persona].context.newPage();
    await page.goto('/account/security');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const shown = (await page.getByRole('heading', { name: 'Usage API token' }).count()) > 0;
    await page.close();
    return shown;
  };
  expect({ ownerA: await sectionOn('ownerA'), adminA: await sectionOn('adminA'), agentA: await sectionOn('agentA'), staffAccessA: await sectionOn('staffAccessA') }).toEqual({ ownerA: true, adminA: false, agentA: false, staffAccessA: false });
});
