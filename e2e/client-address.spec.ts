// The client's address cannot be chosen by the client: without TRUST_PROXY it is the TCP peer,
// whatever X-Forwarded-For (or our own internal header) says; with TRUST_PROXY=1 it is the
// right-most X-Forwarded-For entry, the one the trusted proxy wrote.
import type { APIRequestContext, Browser } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { LOGIN_ERRORS } from '../lib/auth/login-messages';
import { LIMITS } from '../lib/rate-limit';
import { startSecondServer, type SecondServer } from './second-server';
import { signUpOwnerWithForms } from './accounts';
import { expect, test } from './support';

/**
 * Signs up an owner (signup, terms acceptance, confirmation, sign-in) through `baseURL` with these
 * request headers, and returns the addresses their audit log and session list show.
 */
async function ownerAddresses(browser: Browser, baseURL: string, headers: Record<string, string>) {
  const ctx = await browser.newContext({ baseURL, extraHTTPHeaders: headers });
  const page = await ctx.newPage();
  await signUpOwnerWithForms(page, ctx.request);
  await page.goto('/account/audit');
  const audit = await page.getByRole('table').innerText();
  await page.goto('/account/security');
  const sessions = await page.getByRole('table').innerText();
  await ctx.close();
  return { audit, sessions };
}

const octet = () => (randomBytes(1)[0] % 250) + 1;

/** One sign-in through next-auth's credentials endpoint; returns the refusal message, or null. */
async function signInError(request: APIRequestContext, email: string, password: string, headers: Record<string, string>) {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const res = await request.post('/api/auth/callback/credentials', {
    form: { email, password, csrfToken, botCheck: 'test-pass', json: 'true' },
    headers,
  });
  const { url } = (await res.json()) as { url: string };
  return new URL(url).searchParams.get('error');
}

const forgedAddress = () => `203.0.${randomBytes(1)[0]}.${(randomBytes(1)[0] % 250) + 1}`;

test.describe('without TRUST_PROXY', () => {
  let server: SecondServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startSecondServer({ TRUST_PROXY: undefined });
  });
  test.afterAll(async () => server?.stop());

  test('a forged X-Forwarded-For or peer header never becomes the address in the audit log or the session list', async ({ browser }) => {
    test.slow();
    const forgedForwarded = `203.0.113.${octet()}`;
    const forgedPeer = `198.51.100.${octet()}`;
    const { audit, sessions } = await ownerAddresses(browser, server.baseURL, {
      'x-forwarded-for': forgedForwarded,
      'x-accountdesk-peer': forgedPeer,
    });
    for (const text of [audit, sessions]) {
      expect(text).toContain('127.0.0.1');
      expect(text).not.toContain(forgedForwarded);
      expect(text).not.toContain(forgedPeer);
    }
  });

  test('a new forged X-Forwarded-For on every guess does not reset the sign-in limit', async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: server.baseURL });
    const email = `nobody-${randomBytes(4).toString('hex')}@example.test`;
    const max = LIMITS.loginFailPair.max;
    for (let i = 0; i < max; i++) {
      expect(await signInError(request, email, `wrong password ${i}`, { 'x-forwarded-for': forgedAddress() })).toBe(LOGIN_ERRORS.invalid);
    }
    expect(await signInError(request, email, 'wrong password again', { 'x-forwarded-for': forgedAddress() })).toBe(LOGIN_ERRORS.throttled);
    await request.dispose();
  });
});

test('with TRUST_PROXY=1 the address the proxy appended is used, not what the client wrote before it', async ({ browser }, testInfo) => {
  test.slow();
  const written = `203.0.113.${octet()}`;
  const appended = `198.51.100.${octet()}`;
  const { audit, sessions } = await ownerAddresses(browser, String(testInfo.project.use.baseURL), {
    'x-forwarded-for': `${written}, ${appended}`,
  });
  for (const text of [audit, sessions]) {
    expect(text).toContain(appended);
    expect(text).not.toContain(written);
  }
});

test('`next start` run directly (no peer address) refuses to start in production and says why', async () => {
  const { spawnSync } = await import('node:child_process');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ACCOUNTDESK_SERVER') env[k] = v;
  Object.assign(env, { NEXTAUTH_SECRET: 'e2e-secret', PGLITE_DIR: '/nonexistent/never-opened', NEXT_TELEMETRY_DISABLED: '1' });
  const r = spawnSync('node_modules/.bin/next', ['start', '-p', '0', '-H', '127.0.0.1'], {
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.status).toBe(1);
  expect(`${r.stdout}${r.stderr}`).toMatch(/Start the app with `npm start`/);
});
