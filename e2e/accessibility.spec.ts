// Every route of the route map, as each kind of person sees it, in English and in Dutch: no axe
// violation of impact "serious" or "critical" (rule, elements and page are printed). One signed-in
// browser context per role, pages visited one after another.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { signUpOwner, type Owner } from './accounts';
import { a11yProblems, describeProblems, type A11yProblem } from './a11y';
import { addCard } from './billing';
import { fileAndConfirmRequest } from './gdpr';
import { expect, PASSWORD, runJobs, setClock, signIn, test, uniqueId, waitForMail, signInAsStaff } from './support';

const PUBLIC = [
  '/',
  '/pricing',
  '/terms',
  // ACC-6: an earlier (or the current) version on its own page.
  '/terms/2026-11',
  '/privacy',
  '/privacy/request',
  '/privacy/request/confirm?token=not-a-real-token',
  '/unsubscribe',
  '/unsubscribe?token=not-a-real-token',
  '/news/confirm?token=not-a-real-token',
  '/status',
  '/signup',
  '/login',
  '/verify-email',
  '/verify-email?token=not-a-real-token',
  '/forgot-password',
  '/reset-password',
  '/reset-password?token=not-a-real-token',
  '/account-stopped',
  '/appsumo',
  '/invitation',
  '/invitation?token=not-a-real-token',
];
const PORTAL = [
  '/account',
  '/account/users',
  '/account/plan',
  '/account/billing',
  '/account/invoices',
  '/account/privacy',
  '/account/custom-services',
  '/account/security',
  '/account/audit',
  '/account/stop',
  '/account/suspended',
];
const STAFF_PAGES = [
  '/staff',
  '/staff/accounts',
  '/staff/gdpr',
  '/staff/gdpr/sub-processors',
  '/staff/custom-services',
  '/staff/deals',
  '/staff/cancellations',
  '/staff/prices',
  '/staff/terms',
  '/staff/login-sharing',
  '/staff/maintenance',
  '/staff/enterprise',
  '/staff/announcements',
  '/staff/outbox',
  '/staff/audit',
  '/staff/invoices',
];
const LANGUAGES = ['en', 'nl'] as const;

function ip(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${(b[2] % 250) + 1}`;
}

interface Role {
  context: BrowserContext;
  page: Page;
  routes: string[];
}

const roles: Record<string, Role> = {};
let baseURL = '';

async function newRole(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': ip() } });
  return { context, page: await context.newPage() };
}

/** The href of the first link on `path` that matches `pattern`. */
async function firstHref(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`No link matching ${pattern} on ${path}`);
  return href;
}

test.beforeAll(async ({ browser, playwright }, testInfo) => {
  test.setTimeout(180_000);
  baseURL = String(testInfo.project.use.baseURL);
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': ip() } });
  try {
    // Suspended first: moving the clock past the trial suspends every trial that exists by then.
    const suspended = await newRole(browser);
    const s = await signUpOwner(suspended.page, request);
    await setClock(request, new Date(Date.now() + 15 * 86_400_000).toISOString());
    await runJobs(request);
    await waitForMail(request, s.email, /suspended/);
    await setClock(request, null);

    // The others side by side (each in its own browser context).
    const [trialing, [active, a, invoice], [staff, account, mail, deal, privacyRequest], member] = await Promise.all([
      (async () => {
        const r = await newRole(browser);
        await signUpOwner(r.page, request);
        return r;
      })(),
      (async () => {
        const r = await newRole(browser);
        const o: Owner = await signUpOwner(r.page, request);
        await addCard(r.page);
        return [r, o, await firstHref(r.page, '/account/invoices', /^\/account\/invoices\/[0-9a-f-]{36}$/)] as const;
      })(),
      (async () => {
        const r = await newRole(browser);
        await signInAsStaff(r.page);
        await expect(r.page).toHaveURL(/\/staff$/, { timeout: 30_000 });
        const outboxMail = await firstHref(r.page, '/staff/outbox', /^\/staff\/outbox\/[0-9a-f-]{36}$/);
        const someAccount = await firstHref(r.page, '/staff/accounts', /^\/staff\/accounts\/[0-9a-f-]{36}$/);
        const deal = await firstHref(r.page, '/staff/deals', /^\/staff\/deals\/[0-9a-f-]{36}$/);
        // A confirmed privacy request, filed by a visitor in a context of its own.
        const visitor = await newRole(browser);
        await fileAndConfirmRequest(visitor.page, request, 'consent_withdrawal');
        await visitor.context.close();
        const privacyRequest = await firstHref(r.page, '/staff/gdpr', /^\/staff\/gdpr\/[0-9a-f-]{36}$/);
        return [r, someAccount, outboxMail, deal, privacyRequest] as const;
      })(),
      newRole(browser),
    ]);

    // A member (members cannot be invited yet: the test hook creates a verified agent).
    const memberEmail = `agent-${uniqueId()}@example.test`;
    const created = await request.post('/api/test/members', {
      data: { ownerEmail: a.email, email: memberEmail, fullName: 'Petra Agentova', password: PASSWORD, role: 'agent' },
    });
    expect(created.status()).toBe(201);
    await signIn(member.page, memberEmail, PASSWORD);
    await expect(member.page).toHaveURL(/\/account/, { timeout: 30_000 });

    // CUS-1: one custom-service request, so its portal and staff pages are checked too.
    await active.page.goto('/account/custom-services');
    await active.page.getByLabel('What do you need?').fill('A request for the accessibility check to look at.');
    await active.page.getByRole('button', { name: 'Request service' }).click();
    await expect(active.page.getByRole('status').filter({ hasText: /Request CS-/ })).toBeVisible({ timeout: 20_000 });
    const customService = await firstHref(active.page, '/account/custom-services', /^\/account\/custom-services\/[0-9a-f-]{36}$/);

    roles.anonymous = { ...(await newRole(browser)), routes: PUBLIC };
    roles['owner (trialing)'] = { ...trialing, routes: PORTAL };
    roles['owner (active)'] = { ...active, routes: [...PORTAL, invoice, customService] };
    roles['owner (suspended)'] = { ...suspended, routes: PORTAL };
    roles['member (agent)'] = { ...member, routes: [...PORTAL, invoice] };
    roles.staff = { ...staff, routes: [...STAFF_PAGES, account, mail, deal, customService.replace('/account/', '/staff/'), privacyRequest] };
  } finally {
    await request.dispose();
  }
});

test.afterAll(async () => {
  for (const r of Object.values(roles)) await r.context.close();
});

const ROLES = ['anonymous', 'owner (trialing)', 'owner (active)', 'owner (suspended)', 'member (agent)', 'staff'];

/** Visits every route of `name` in `lang`, one after another, and returns what axe found. */
async function visitAll(name: string, lang: (typeof LANGUAGES)[number]): Promise<A11yProblem[]> {
  const role = roles[name];
  expect(role, `${name}: set up in beforeAll`).toBeTruthy();
  await role.context.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: baseURL }]);
  const problems: A11yProblem[] = [];
  const seen = new Set<string>();
  for (const route of role.routes) {
    const res = await role.page.goto(route);
    expect(res?.status(), `${name} ${route}`).toBeLessThan(500);
    const url = new URL(role.page.url());
    // A redirect (a suspended account lands on billing) checks the page it lands on once.
    if (seen.has(url.pathname + url.search)) continue;
    seen.add(url.pathname + url.search);
    await expect(role.page.locator('html'), `${name} ${route}`).toHaveAttribute('lang', lang);
    problems.push(...(await a11yProblems(role.page, `${name}, ${lang}, ${route}`)));
  }
  return problems;
}

for (const [lang, language] of [['en', 'English'], ['nl', 'Dutch']] as const) {
  test(`${language}: every route of the route map has no serious or critical axe violation for a visitor, trialing, active and suspended owners, a member and staff`, async () => {
    // About 40 routes × 6 roles; generous, so a busy CI machine is slow rather than failing.
    test.setTimeout(420_000);
    // The roles' browser contexts are independent: they go through their pages side by side.
    const problems = (await Promise.all(ROLES.map((name) => visitAll(name, lang)))).flat();
    expect(problems.length, `Accessibility violations:\n${describeProblems(problems)}`).toBe(0);
  });
}

test('the check itself finds serious problems: an image without a text alternative and an unnamed button', async ({ page }) => {
  await page.setContent('<!doctype html><html lang="en"><head><title>Check</title></head><body><main><h1>Check</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></main></body></html>');
  const rules = (await a11yProblems(page, 'a page made to fail')).map((p) => p.rule).sort();
  expect(rules).toEqual(['button-name', 'image-alt']);
});
