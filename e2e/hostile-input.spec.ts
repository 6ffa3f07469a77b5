// Hostile input (issue 13) in the browser: markup typed into names shows as text on the owner's
// and the staff pages (no element is made of it, no script runs), and oversized uploads and bodies
// are refused early: the codes file by its size with a message on the field, a hosted payment form
// and a server action body above their limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { signUpOwner } from './accounts';
import { expect, test, uniqueId, switchToStaff } from './support';

const MARKUP = '<img src=x onerror=alert(1)><b>Bold</b>';

/** No element was made of the markup: no <img src=x>, no <b>Bold</b>, and no dialog opened. */
async function expectNoInjectedElements(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('b', { hasText: /^Bold$/ })).toHaveCount(0);
}

test('markup in a person’s, a company’s and a billing name shows as text on the portal and staff pages', async ({ page, request }) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const id = uniqueId();
  const o = await signUpOwner(page, request, { fullName: MARKUP, company: `${MARKUP} ${id}` });

  // The portal: the team list shows the owner's name, the billing page the saved billing name.
  await page.goto('/account/users');
  await expect(page.getByText(MARKUP).first()).toBeVisible();
  await expectNoInjectedElements(page);

  await page.goto('/account/billing');
  await page.getByLabel('Name', { exact: true }).fill(`${MARKUP} billing`);
  await page.getByLabel('Company', { exact: true }).fill(`${MARKUP} company`);
  await page.getByLabel('Street', { exact: true }).fill('Hauptstraße 5');
  await page.getByLabel('City', { exact: true }).fill('Berlin');
  await page.getByLabel('Postal code', { exact: true }).fill('10115');
  await page.getByLabel('Province or region', { exact: true }).fill('Berlin');
  await page.getByLabel('Country', { exact: true }).selectOption('DE');
  await page.getByLabel('Invoice email', { exact: true }).fill(o.email);
  await page.getByRole('button', { name: 'Save billing details' }).click();
  await expect(page.getByRole('status').filter({ hasText: /billing details saved/i })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(`${MARKUP} billing`);
  await expectNoInjectedElements(page);

  // The back office: the accounts list and the account page show the names literally.
  await switchToStaff(page);
  await page.goto('/staff/accounts');
  await page.getByLabel('Search accounts').fill(o.email);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('row').filter({ hasText: o.slug })).toContainText(`${MARKUP} ${id}`);
  await expectNoInjectedElements(page);
  await page.getByRole('link', { name: o.slug }).click();
  await expect(page.getByRole('heading', { level: 1, name: o.slug })).toBeVisible();
  await expect(page.getByText(`${MARKUP} ${id}`).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: o.email })).toContainText(MARKUP);
  await expectNoInjectedElements(page);
  expect(dialogs).toEqual([]);
});

test('a codes file over 8 MB is refused with a message on the file field, before it is sent', async ({ page }) => {
  test.setTimeout(120_000);
  await switchToStaff(page);
  await page.goto('/staff/deals');
  await page.getByRole('link', { name: 'AppSumo' }).click();
  const actionPosts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.headers()['next-action']) actionPosts.push(r.url());
  });
  const big = Buffer.alloc(8 * 1024 * 1024 + 1, 'A');
  await page.getByLabel('Codes CSV').setInputFiles({ name: 'codes.csv', mimeType: 'text/csv', buffer: big });
  await page.getByRole('button', { name: 'Import codes' }).click();
  await expect(page.getByText('The file is larger than 8 MB. Split it into smaller files.')).toBeVisible();
  await expect(page.getByLabel('Codes CSV')).toHaveAttribute('aria-invalid', 'true');
  expect(actionPosts).toEqual([]);
});

test('a hosted payment form refuses a body over 16 KB with 413, unread', async ({ request }) => {
  const res = await request.post('/api/processor/card', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: `return=%2Faccount%2Fbilling&reference=x&padding=${'A'.repeat(20 * 1024)}`,
  });
  expect(res.status()).toBe(413);
});

test('a server action body over the 10 MB limit is refused and the action never runs', async ({ request }) => {
  test.setTimeout(120_000);
  // The id Next gave the codes import action in this build (any real action will do).
  const manifest = JSON.parse(readFileSync(join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as { node: Record<string, { exportedName?: string }> };
  const actionId = Object.entries(manifest.node).find(([, v]) => v.exportedName === 'importCodesAction')?.[0];
  expect(actionId, 'importCodesAction in the server reference manifest').toBeTruthy();
  const boundary = `----hostile${uniqueId()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="1_file"; filename="codes.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.alloc(11 * 1024 * 1024, 'A'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await request.post('/staff/deals', {
    headers: { 'next-action': actionId!, 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/x-component' },
    data: body,
  });
  // Next stops reading at the limit and answers with an error (it does not run the action).
  expect(res.status()).toBeGreaterThanOrEqual(400);
  expect(res.ok()).toBe(false);
});
