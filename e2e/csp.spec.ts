// A strict Content-Security-Policy in the production server: scripts run only with the nonce of
// the request that rendered them, and every page and flow still works under it.
import type { APIResponse, Page } from '@playwright/test';
import { signUpOwnerWithForms } from './accounts';
import { submitCard } from './billing';
import { expect, test } from './support';

function scriptSrc(res: APIResponse): string {
  const csp = res.headers()['content-security-policy'] ?? '';
  return (
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src ')) ?? ''
  );
}

function nonceOf(res: APIResponse): string {
  const m = scriptSrc(res).match(/'nonce-([^']+)'/);
  expect(m, 'script-src has a nonce').not.toBeNull();
  return m![1];
}

test("script-src has a per-request nonce and neither 'unsafe-inline' nor 'unsafe-eval'", async ({ request }) => {
  for (const path of ['/', '/login', '/signup', '/pricing', '/terms']) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const src = scriptSrc(res);
    expect(src).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(src).not.toContain("'unsafe-inline'");
    expect(src).not.toContain("'unsafe-eval'");
    expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // Every script the page carries has this response's nonce.
    const nonce = nonceOf(res);
    const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
});

test('two requests for the same page get different nonces', async ({ request }) => {
  const a = nonceOf(await request.get('/login'));
  const b = nonceOf(await request.get('/login'));
  expect(a).not.toBe(b);
});

test('no Strict-Transport-Security on a server whose public URL is plain http', async ({ request }) => {
  const res = await request.get('/');
  expect(res.headers()['strict-transport-security']).toBeUndefined();
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(res.headers()['x-frame-options']).toBe('DENY');
});

function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
  });
  return violations;
}

test('signup (with its proof-of-work bot check), the portal and the processor pages run without CSP violations', async ({ page, request }) => {
  test.slow(); // several sign-ups and sign-ins on a shared, busy test server
  const violations = watchViolations(page);
  // signUpOwnerWithForms solves the bot check in the browser and submits the form with it.
  await signUpOwnerWithForms(page, request);
  for (const path of ['/account', '/account/billing', '/account/security', '/account/audit']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  // Client-side navigation still works (the app's scripts are running).
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
  // The processor's hosted card form renders and submits under the policy.
  await submitCard(page);
  await expect(page).toHaveURL(/\/account\/billing/);
  await expect(page.getByRole('status').filter({ hasText: 'Payment received' })).toBeVisible();
  expect(violations).toEqual([]);
});
