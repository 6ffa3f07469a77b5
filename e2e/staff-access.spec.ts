// ACC-10: staff open a customer's portal only through "Access account" with a reason; the view is
// marked, read-only and ends; the owner reads start, pages and end in the audit log.
// CAN-3: staff record a contact attempt (the warning goes out), suspend, and reactivate; the owner
// sees a page saying what happened and whom to contact.
import type { Browser, Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { signUpOwner } from './accounts';
import { checkA11y } from './a11y';
import { expect, test, waitForMail, signInAsStaff } from './support';

async function staffPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const b = randomBytes(3);
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': `10.${b[0]}.${b[1]}.${(b[2] % 250) + 1}` } });
  const page = await context.newPage();
  await signInAsStaff(page);
  await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
  return page;
}

async function openAccount(page: Page, slug: string) {
  await page.goto(`/staff/accounts?q=${encodeURIComponent(slug)}`);
  await page.getByRole('link', { name: slug }).click();
  await expect(page.getByRole('heading', { level: 1, name: slug })).toBeVisible();
}

test('ACC-10 staff open an account with a reason, see the banner, are refused changes, end access, and the owner sees it all in the audit log', async ({ page, request, browser, baseURL }) => {
  test.slow();
  const owner = await signUpOwner(page, request);
  const staff = await staffPage(browser, baseURL);
  try {
    // Without a grant, staff are sent back to the back office.
    await staff.goto('/account');
    await expect(staff).toHaveURL(/\/staff$/);

    await openAccount(staff, owner.slug);
    const access = staff.getByRole('form', { name: 'Access account' });
    await access.getByRole('button', { name: 'Access account' }).click();
    await expect(access.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
    const reason = 'Ticket #4711: cannot find invoices';
    await access.getByLabel('Reason').fill(reason);
    await access.getByRole('button', { name: 'Access account' }).click();
    await expect(staff).toHaveURL(/\/account$/, { timeout: 20_000 });

    const banner = staff.getByRole('region', { name: 'Staff access' });
    await expect(banner).toContainText(`Staff access to ${owner.slug}`);
    await expect(banner).toContainText(`Reason: ${reason}.`);
    await expect(banner).toContainText(/Ends at \d{2}:\d{2}/);
    await checkA11y(staff, 'staff access banner on /account');

    // Two pages viewed.
    await staff.goto('/account/invoices');
    await expect(staff.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(banner).toBeVisible();
    await staff.goto('/account/users');
    await expect(staff.getByRole('heading', { level: 1 })).toBeVisible();
    // A person's own sessions are not shown to staff (they would be the staff member's own).
    await staff.goto('/account/security');
    await expect(staff.getByText(/not shown in staff access/)).toBeVisible();
    await expect(staff.getByRole('button', { name: 'Sign out everywhere' })).toHaveCount(0);

    // No payment method changes.
    await staff.goto('/account/billing');
    await staff.getByRole('button', { name: /Add card/ }).click();
    await expect(staff.getByText(/Staff access is read-only/).first()).toBeVisible({ timeout: 20_000 });
    await expect(staff).toHaveURL(/\/account\/billing$/);

    // No Stop account.
    await staff.goto('/account/stop');
    await staff.getByLabel('Type your account address to confirm').fill(owner.slug);
    await staff.getByRole('button', { name: 'Stop account' }).click();
    await expect(staff.getByText(/Staff access is read-only/).first()).toBeVisible({ timeout: 20_000 });

    await staff.getByRole('region', { name: 'Staff access' }).getByRole('button', { name: 'End access' }).click();
    await expect(staff).toHaveURL(/\/staff\/accounts\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    await staff.goto('/account');
    await expect(staff).toHaveURL(/\/staff$/);
  } finally {
    await staff.context().close();
  }

  // The owner reads start, the pages and the end, each with the reason.
  await page.goto('/account/audit');
  const log = page.getByRole('table');
  await expect(log.getByRole('row').filter({ hasText: 'Staff opened the account' })).toContainText('Reason: Ticket #4711: cannot find invoices');
  await expect(log.getByRole('row').filter({ hasText: 'Page opened: /account/invoices' })).toContainText('Staff viewed a page of the account');
  await expect(log.getByRole('row').filter({ hasText: 'Page opened: /account/users' })).toContainText('Accountdesk staff');
  await expect(log.getByRole('row').filter({ hasText: 'Staff access ended' })).toContainText('Reason: Ticket #4711');
  // The refused changes left the account as it was.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/account$/);
});

test('CAN-3 staff record a contact attempt before suspending, the owner sees the suspended page with whom to contact, and staff reactivate', async ({ page, request, browser, baseURL }) => {
  test.slow();
  const owner = await signUpOwner(page, request);
  const staff = await staffPage(browser, baseURL);
  try {
    await openAccount(staff, owner.slug);
    const suspend = staff.getByRole('form', { name: 'Suspend account' });
    await suspend.getByLabel('Suspension ground').selectOption({ label: 'Abuse of the service' });
    await suspend.getByLabel('Explanation for the owner').fill('Mass mailing from the widget.');
    await suspend.getByRole('button', { name: 'Suspend account' }).click();
    await expect(suspend.getByText(/Record a contact attempt first/).first()).toBeVisible({ timeout: 20_000 });

    const contact = staff.getByRole('form', { name: 'Record contact attempt' });
    await contact.getByLabel('Contacted by').selectOption({ label: 'Phone' });
    await contact.getByLabel('Problem').selectOption({ label: 'Abuse of the service' });
    await contact.getByLabel('What was said or sent').fill('Called the owner about the mass mailing; voicemail.');
    await contact.getByRole('button', { name: 'Record contact attempt' }).click();
    await expect(staff.getByText('Contact attempt recorded; the warning email was sent to the owner.')).toBeVisible({ timeout: 20_000 });
    const warning = await waitForMail(request, owner.email, /Warning/);
    expect(warning.text).toContain('We tried to reach you by phone');
    await expect(staff.getByRole('table', { name: 'Contact attempts' })).toContainText('Called the owner about the mass mailing');

    await suspend.getByRole('button', { name: 'Suspend account' }).click();
    // The section now offers reactivation instead of suspension.
    await expect(staff.getByRole('form', { name: 'Reactivate account' })).toBeVisible({ timeout: 20_000 });
    await expect(staff.getByText(/Suspended by staff since/)).toBeVisible();
    await waitForMail(request, owner.email, /is suspended/);

    // The owner: a page that says what happened and whom to contact.
    await page.goto('/account');
    await expect(page).toHaveURL(/\/account\/suspended$/);
    await expect(page.getByRole('heading', { level: 1, name: 'This account is suspended' })).toBeVisible();
    await expect(page.getByText('Abuse of the service')).toBeVisible();
    await expect(page.getByRole('link', { name: /@/ }).first()).toBeVisible();
    await checkA11y(page, '/account/suspended');

    await staff.reload();
    const reactivate = staff.getByRole('form', { name: 'Reactivate account' });
    await reactivate.getByLabel('Why it is lifted').fill('The owner stopped the mailing.');
    await reactivate.getByRole('button', { name: 'Reactivate account' }).click();
    await expect(staff.getByRole('form', { name: 'Suspend account' })).toBeVisible({ timeout: 20_000 });
    await expect(staff.getByText('Not suspended by staff.')).toBeVisible();
    await waitForMail(request, owner.email, /active again/);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/account$/);
    await page.goto('/account/audit');
    await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'Account reactivated by staff' })).toContainText('Reason: The owner stopped the mailing.');
  } finally {
    await staff.context().close();
  }
});
