// GDPR-1 and GDPR-11 in the browser: staff keep the sub-processor list that the public privacy
// notice shows live in the reader's language; the cookie banner asks once, stores the choice, and
// "Cookie settings" in the footer brings it back. Before a choice only necessary cookies exist.
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { COOKIE_CHOICE_COOKIE, isNecessaryCookie } from '../lib/privacy/cookie-choice';
import { expect, test, uniqueId, signInAsStaff } from './support';

const banner = (page: Page) => page.getByRole('region', { name: 'Cookie choice' });

async function signedOutPage(browser: Browser, clientIp: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': clientIp } });
  return { context, page: await context.newPage() };
}

/** What makes a button look the way it does: both choices must match on every one of these. */
async function looks(button: Locator) {
  const box = await button.boundingBox();
  const style = await button.evaluate((el) => {
    const s = getComputedStyle(el);
    return { font: `${s.fontSize} ${s.fontWeight}`, colors: `${s.color} ${s.backgroundColor} ${s.borderColor}`, padding: s.padding, radius: s.borderRadius };
  });
  return { height: box?.height, width: box?.width, ...style };
}

test('GDPR-1 staff add a sub-processor and it appears on /privacy in English and Dutch; edits and removal follow', async ({ page, browser, clientIp }) => {
  test.slow();
  const name = `Test Hosting ${uniqueId()}`;
  await signInAsStaff(page);
  await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
  // The banner is on staff pages too, and choosing there does not get in the way.
  await expect(banner(page)).toBeVisible();
  await page.goto('/staff/gdpr');
  await page.getByRole('link', { name: 'Sub-processors' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sub-processors' })).toBeVisible();

  // Every field is checked, with its message next to it.
  await page.getByRole('button', { name: 'Add sub-processor' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the highlighted fields.' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/company name/i);
  await expect(page.getByLabel('Country')).toHaveAccessibleDescription(/country/i);

  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Country').selectOption('DE');
  await page.getByLabel('Purpose (English)').fill('Hosts the application and its database');
  await page.getByLabel('Purpose (Dutch)').fill('Host de applicatie en de database');
  await page.getByLabel('Website').fill('http://insecure.example');
  await page.getByLabel('Order').fill('1');
  await page.getByRole('button', { name: 'Add sub-processor' }).click();
  await expect(page.getByLabel('Website')).toHaveAccessibleDescription(/full https:\/\//);
  await page.getByLabel('Website').fill('https://hosting.example');
  await page.getByRole('button', { name: 'Add sub-processor' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sub-processor added.' })).toBeVisible({ timeout: 20_000 });
  const row = page.getByRole('table', { name: 'Sub-processors' }).getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Hosts the application and its database');
  await expect(row).toContainText('Germany');

  // A visitor, signed out, reads it on /privacy in English, then in Dutch.
  const visitor = await signedOutPage(browser, clientIp);
  await visitor.page.goto('/privacy');
  await expect(visitor.page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
  const publicRow = visitor.page.getByRole('table', { name: 'Sub-processors' }).getByRole('row').filter({ hasText: name });
  await expect(publicRow).toContainText('Hosts the application and its database');
  await expect(publicRow).toContainText('Germany');
  await expect(publicRow.getByRole('link', { name: 'hosting.example' })).toHaveAttribute('href', 'https://hosting.example');
  for (const heading of ['Who is responsible for your data', 'Your rights', 'Supervisory authority', 'How to withdraw consent', 'Cookies'])
    await expect(visitor.page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  await expect(visitor.page.getByText('Úrad na ochranu osobných údajov Slovenskej republiky', { exact: false })).toBeVisible();
  await expect(visitor.page.getByRole('link', { name: 'File a privacy request' })).toHaveAttribute('href', '/privacy/request');
  await visitor.page.getByLabel('Language').selectOption({ label: 'Nederlands' });
  await expect(visitor.page.getByRole('heading', { level: 1, name: 'Privacyverklaring' })).toBeVisible({ timeout: 20_000 });
  const dutchRow = visitor.page.getByRole('table', { name: 'Subverwerkers' }).getByRole('row').filter({ hasText: name });
  await expect(dutchRow).toContainText('Host de applicatie en de database');
  await expect(dutchRow).toContainText('Duitsland');

  // Staff edit it; the notice follows.
  await page.getByRole('link', { name: `Edit ${name}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Edit ${name}` })).toBeVisible();
  await page.getByLabel('Purpose (English)').fill('Hosts the application');
  await page.getByRole('button', { name: 'Save sub-processor' }).click();
  await expect(row).toContainText('Hosts the application', { timeout: 20_000 });
  await expect(row).not.toContainText('and its database');
  await visitor.page.reload();
  await expect(dutchRow).toContainText('Host de applicatie en de database');

  // And remove it: it is gone from the notice.
  await page.getByRole('button', { name: `Remove ${name}` }).click();
  await expect(row).toHaveCount(0, { timeout: 20_000 });
  await visitor.page.reload();
  await expect(visitor.page.getByRole('heading', { level: 1, name: 'Privacyverklaring' })).toBeVisible();
  await expect(visitor.page.getByText(name)).toHaveCount(0);
  await visitor.context.close();

  // Each change is in the audit log.
  // (Filtered: sweeps run by other tests with the clock moved may fill the first page.)
  await page.goto('/staff/audit?q=sub_processor');
  const entries = page.getByRole('row').filter({ hasText: name });
  for (const action of ['sub_processor.created', 'sub_processor.updated', 'sub_processor.removed'])
    await expect(entries.filter({ hasText: action })).toContainText('Accountdesk staff');
});

test('GDPR-11 the first visit shows the banner; only necessary cookies until a choice; the choice is stored and can be changed from the footer', async ({ page, context }) => {
  await page.goto('/');
  await expect(banner(page)).toBeVisible();
  const necessary = banner(page).getByRole('button', { name: 'Only necessary' });
  const all = banner(page).getByRole('button', { name: 'Accept all' });
  await expect(necessary).toBeVisible();
  await expect(all).toBeVisible();
  // Equal weight: the two choices look exactly alike.
  expect(await looks(necessary)).toEqual(await looks(all));
  // A bar in the page, not an overlay.
  expect(await banner(page).evaluate((el) => getComputedStyle(el).position)).not.toMatch(/fixed|absolute/);
  await expect(banner(page).getByRole('link', { name: 'About cookies' })).toHaveAttribute('href', '/privacy#cookies');

  // Browsing without answering: the banner stays, and nothing but necessary cookies is set.
  await page.goto('/pricing');
  await page.goto('/login');
  await expect(banner(page)).toBeVisible();
  const before = await context.cookies();
  expect(before.filter((c) => !isNecessaryCookie(c.name)).map((c) => c.name)).toEqual([]);
  expect(before.find((c) => c.name === COOKIE_CHOICE_COOKIE)).toBeUndefined();

  await necessary.click();
  await expect(banner(page)).toHaveCount(0);
  let stored = (await context.cookies()).find((c) => c.name === COOKIE_CHOICE_COOKIE);
  expect(stored?.value).toMatch(/^necessary\.\d{4}-\d{2}-\d{2}$/);
  // Kept for a year.
  const days = ((stored?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(364);
  expect(days).toBeLessThan(366);

  // Remembered on the next pages.
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);

  // "Cookie settings" in the footer brings it back, with the current choice, and the choice changes.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Cookie settings' }).click();
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText('only necessary cookies');
  await expect(banner(page)).toBeFocused();
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(banner(page)).toHaveCount(0);
  stored = (await context.cookies()).find((c) => c.name === COOKIE_CHOICE_COOKIE);
  expect(stored?.value).toMatch(/^all\.\d{4}-\d{2}-\d{2}$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);

  // The privacy page's cookie section can reopen it too, and every cookie it lists is necessary.
  await page.getByRole('button', { name: 'Change cookie choice' }).click();
  await expect(banner(page)).toContainText('all cookies');
  const listed = await page.getByRole('table', { name: 'Cookies we use' }).locator('code').allTextContents();
  expect(listed.length).toBeGreaterThan(0);
  expect(listed.every(isNecessaryCookie)).toBe(true);
  expect((await context.cookies()).filter((c) => !isNecessaryCookie(c.name)).map((c) => c.name)).toEqual([]);
});
