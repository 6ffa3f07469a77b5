// ACC-9: ending sessions when it matters most — a suspended owner signing out everywhere, and
// staff ending every session of a user from the account page (audited).
import type { Browser, Page, TestInfo } from '@playwright/test';
import { signUpOwner } from './accounts';
import { expect, runJobs, setClock, signIn, test, waitForMail, signInAsStaff } from './support';

test.afterEach(async ({ request }) => {
  await setClock(request, null);
});

async function secondBrowser(browser: Browser, testInfo: TestInfo, clientIp: string) {
  return browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
}

async function signedOut(page: Page) {
  await page.goto('/account/security');
  await expect(page).toHaveURL(/\/login/);
}

test('ACC-9 PAY-2 a suspended owner reaches Security and "Sign out everywhere" signs out their other browser too', async ({ page, request, browser, clientIp }, testInfo) => {
  test.slow(); // several sign-ups and sign-ins on a shared, busy test server
  const o = await signUpOwner(page, request);
  await setClock(request, new Date(Date.now() + 15 * 86_400_000).toISOString());
  await runJobs(request);
  await waitForMail(request, o.email, /suspended/);

  const other = await secondBrowser(browser, testInfo, clientIp);
  try {
    const page2 = await other.newPage();
    await signIn(page2, o.email, o.password);
    await expect(page2).toHaveURL(/\/account\/billing$/);

    // PAY-2 still holds for the helpdesk sections…
    await page.goto('/account/users');
    await expect(page).toHaveURL(/\/account\/billing$/);
    // …but the owner's own security page is open.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Security' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(3); // header + two sessions
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(page).toHaveURL(/\/login/);

    await signedOut(page2);
    await signedOut(page);
  } finally {
    await other.close();
  }
});

test('ACC-9 staff end all sessions of a user from the account page: the user is signed out and the audit log shows it', async ({ page, request, browser, clientIp }, testInfo) => {
  test.slow(); // several sign-ups and sign-ins on a shared, busy test server
  const o = await signUpOwner(page, request);

  const staffContext = await secondBrowser(browser, testInfo, clientIp);
  try {
    const staff = await staffContext.newPage();
    await signInAsStaff(staff);
    await expect(staff).toHaveURL(/\/staff$/);
    await staff.goto(`/staff/accounts?q=${encodeURIComponent(o.slug)}`);
    await staff.getByRole('link', { name: o.slug }).click();
    await expect(staff.getByRole('heading', { level: 1, name: o.slug })).toBeVisible();

    const row = staff.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: o.email });
    await row.getByRole('button', { name: 'End all sessions' }).click();
    // Nothing happens before the confirmation; Cancel backs out.
    await row.getByRole('button', { name: 'Cancel' }).click();
    await page.goto('/account/security');
    await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();

    await row.getByRole('button', { name: 'End all sessions' }).click();
    await row.getByRole('button', { name: 'Yes, end all sessions' }).click();
    await expect(row.getByRole('status')).toContainText(`Ended 1 session of ${o.fullName}.`);

    // The owner's browser is signed out at once.
    await signedOut(page);

    // Audited with the staff member as actor, in the account's log…
    const entry = staff.getByRole('table', { name: 'Account audit log' }).getByRole('row').filter({ hasText: 'auth.sessions_ended_by_staff' });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText('(staff)');

    // …which the owner reads after signing in again.
    await signIn(page, o.email, o.password);
    await expect(page).toHaveURL(/\/account$/);
    await page.goto('/account/audit');
    const ownerEntry = page.getByRole('row').filter({ hasText: 'Staff ended all sessions of a user' });
    await expect(ownerEntry).toHaveCount(1);
    await expect(ownerEntry).toContainText('Accountdesk staff');
  } finally {
    await staffContext.close();
  }
});
