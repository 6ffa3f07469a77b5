import { signUpOwner } from './accounts';
import { expect, signIn, test } from './support';

test('ACC-9 the security page lists active sessions, and "Sign out everywhere" ends them all', async ({ page, request, browser, clientIp }, testInfo) => {
  const o = await signUpOwner(page, request);

  // The same owner signs in from a second browser.
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
  try {
    const page2 = await other.newPage();
    await signIn(page2, o.email, o.password);
    await expect(page2).toHaveURL(/\/account$/);

    await page.goto('/account/security');
    await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'Device' })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(3); // header + two sessions
    await expect(table.getByText('This device')).toHaveCount(1);
    await expect(page.getByText(/at least 12 characters/i)).toBeVisible();

    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(page).toHaveURL(/\/login/);

    // The other browser's session has ended too.
    await page2.reload();
    await expect(page2).toHaveURL(/\/login/);
    await page2.goto('/account/security');
    await expect(page2).toHaveURL(/\/login/);

    // Signing in again works and starts one fresh session.
    await signIn(page, o.email, o.password);
    await expect(page).toHaveURL(/\/account$/);
    await page.goto('/account/security');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);

    // ACC-10/OPS-2: the owner reads it in the audit log.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Signed out on every device' })).toBeVisible();
  } finally {
    await other.close();
  }
});

test('ACC-10 the owner reads the account audit log with who, what, when and from where', async ({ page, request, clientIp }) => {
  const o = await signUpOwner(page, request);
  await page.goto('/account/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const table = page.getByRole('table');
  for (const h of ['Time', 'Who', 'What', 'From IP']) await expect(table.getByRole('columnheader', { name: h })).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: 'Signed in' }).first();
  await expect(row).toContainText(o.fullName);
  await expect(row).toContainText(clientIp);
});
