// Shared helpers for the Playwright specs. Each test gets its own client IP (the test server
// trusts X-Forwarded-For), so per-IP rate limits never leak between tests.
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';

export const STAFF = { email: 'staff@accountdesk.test', password: 'staff-password-2026' };
export const PASSWORD = 'correct horse battery staple';

function randomIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${(b[2] % 250) + 1}`;
}

export const test = base.extend<{ clientIp: string; closeOwnContexts: void }>({
  clientIp: async ({}, use) => use(randomIp()),
  extraHTTPHeaders: async ({ clientIp }, use) => use({ 'x-forwarded-for': clientIp }),
  // The browser contexts a test opens besides its own (a second person, staff) are closed when it
  // ends. Left open, their pages stayed alive in the one browser of the run, which kept working on
  // them: the suite got slower test by test. Contexts from beforeAll (shared by a file's tests) were
  // there before the test began and are left to the file's afterAll.
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      for (const context of browser.contexts()) if (!before.has(context)) await context.close().catch(() => {});
    },
    { auto: true },
  ],
});
export { expect };

export function uniqueId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
}

export async function outbox(request: APIRequestContext, to: string): Promise<OutboxMail[]> {
  const res = await request.get(`/api/test/outbox?to=${encodeURIComponent(to)}`);
  expect(res.ok()).toBeTruthy();
  return res.json();
}

/** Waits for an email whose subject matches and returns it. */
export async function waitForMail(request: APIRequestContext, to: string, subject: RegExp): Promise<OutboxMail> {
  let found: OutboxMail | undefined;
  await expect
    .poll(async () => {
      found = (await outbox(request, to)).find((m) => subject.test(m.subject));
      return !!found;
    })
    .toBe(true);
  return found!;
}

export function firstLink(mail: OutboxMail): string {
  const m = mail.text.match(/https?:\/\/\S+/);
  if (!m) throw new Error(`No link in email "${mail.subject}"`);
  return m[0];
}

export async function setClock(request: APIRequestContext, now: string | null) {
  const res = await request.post('/api/test/clock', { data: { now } });
  expect(res.ok()).toBeTruthy();
}

export async function runJobs(request: APIRequestContext) {
  const res = await request.post('/api/test/jobs');
  expect(res.ok()).toBeTruthy();
  return res.json();
}

/** Fills and submits the sign-in form at `from` (the login page, perhaps with a `?next=`). */
export async function signIn(page: Page, email: string, password: string, from = '/login') {
  await page.goto(from);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs in on `page`'s browser context without rendering the form: the same next-auth credentials
 * endpoint the sign-in form's script posts to, with its CSRF token. The session cookie lands in
 * the context, so the next page load is signed in.
 */
export async function signInOverHttp(page: Page, email: string, password: string) {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
  const answer = (await res.json().catch(() => ({}))) as { url?: string };
  expect(res.ok() && !!answer.url && !new URL(answer.url).searchParams.has('error'), `sign-in of ${email}: ${res.status()} ${answer.url}`).toBe(true);
}

/** Staff signed in on `page` (over the sign-in endpoint, see signInOverHttp), on the staff dashboard. */
export async function signInAsStaff(page: Page) {
  await signInOverHttp(page, STAFF.email, STAFF.password);
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Staff dashboard' })).toBeVisible();
}

/** The same page, now signed in as staff: the person signed in before (an owner) is signed out first. */
export async function switchToStaff(page: Page) {
  await page.context().clearCookies();
  await signInAsStaff(page);
}

/** Where the Playwright web server's output is written (see playwright.config.ts). */
export const SERVER_LOG = process.env.E2E_SERVER_LOG ?? '.test-results/server.log';

/** Test mode: the sandbox processor's next charge times out (after charging) or fails. */
export async function injectProcessorFault(request: APIRequestContext, fault: 'timeout' | 'fail' | null) {
  const res = await request.post('/api/test/processor', { data: { fault } });
  expect(res.ok()).toBeTruthy();
}
