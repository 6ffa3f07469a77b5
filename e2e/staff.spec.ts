// The staff back office: audit log (OPS-2), outbox (OPS-3), account search and who may see it.
import { signUpOwner, submitSignup, newOwnerData } from './accounts';
import { expect, runJobs, test, signInAsStaff } from './support';

test('OPS-2 staff sign-in appears in the global audit log with who, what, when and from where', async ({ page, clientIp }) => {
  await signInAsStaff(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await page.getByLabel('Search audit log').fill('auth.signed_in');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=auth\.signed_in/);
  const row = page.getByRole('row').filter({ hasText: 'auth.signed_in' }).filter({ hasText: clientIp }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('Accountdesk staff');
  for (const header of ['Time', 'Actor', 'Action', 'Target', 'IP']) {
    await expect(page.getByRole('columnheader', { name: header })).toBeVisible();
  }
  // Read-only: nothing on the page edits or deletes entries.
  await expect(page.getByRole('button', { name: /edit|delete|remove/i })).toHaveCount(0);
});

test('OPS-3 staff see a signup confirmation email in the outbox, open it and send a held email again', async ({ page, request }) => {
  const o = newOwnerData();
  await submitSignup(page, o);
  await runJobs(request); // without SMTP the email is held in the outbox
  await signInAsStaff(page);
  await page.goto('/staff/outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await page.getByLabel('Search emails').fill(o.email.toUpperCase());
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row').filter({ hasText: o.email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Held');
  await row.getByRole('link', { name: /confirm/i }).click();
  await expect(page.getByRole('heading', { level: 1, name: /confirm/i })).toBeVisible();
  await expect(page.getByText(/\/verify-email/).first()).toBeVisible();
  await expect(page.locator('iframe[sandbox=""]')).toHaveCount(1);

  await page.getByRole('button', { name: 'Send again' }).click();
  await expect(page.getByRole('status')).toContainText(/back in the queue/i);
  await expect(page.getByRole('button', { name: 'Send again' })).toHaveCount(0);
  await page.goto('/staff/audit?q=outbox.requeued');
  await expect(page.getByRole('row').filter({ hasText: 'outbox.requeued' }).first()).toBeVisible();
});

test('OPS-2 staff find a new account by its owner email and open it with its signup audit entry', async ({ page, request }) => {
  const o = await signUpOwner(page, request);
  await page.context().clearCookies();
  await signInAsStaff(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  for (const header of ['Address', 'Company', 'Owner', 'Status', 'Created']) {
    await expect(page.getByRole('columnheader', { name: header })).toBeVisible();
  }
  await page.getByLabel('Search accounts').fill(o.email.toUpperCase());
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('row')).toHaveCount(2); // header + the one account
  await page.getByRole('link', { name: o.slug }).click();
  await expect(page.getByRole('heading', { level: 1, name: o.slug })).toBeVisible();
  await expect(page.getByText(o.company).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: o.email })).toContainText(o.fullName);
  await expect(page.getByRole('table', { name: 'Account audit log' }).getByRole('row').filter({ hasText: 'account.signed_up' })).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Account emails' }).getByRole('row').filter({ hasText: /confirm/i }).first()).toBeVisible();
});

test('staff pages send an account owner away without showing staff data', async ({ page, request }) => {
  await signUpOwner(page, request);
  for (const path of ['/staff', '/staff/accounts', '/staff/outbox', '/staff/audit']) {
    await page.goto(path);
    await expect(page).not.toHaveURL(/\/staff/);
    await expect(page.getByRole('heading', { level: 1, name: /^(Accounts|Outbox|Audit log|Staff dashboard)$/ })).toHaveCount(0);
  }
});

test('an anonymous visitor to /staff lands on /login', async ({ page }) => {
  for (const path of ['/staff', '/staff/accounts']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
  }
});

test('staff placeholder sections load and unknown records answer 404', async ({ page }) => {
  await signInAsStaff(page);
  const sections: [string, string][] = [
    ['/staff/gdpr', 'Privacy requests'],
    ['/staff/custom-services', 'Custom services'],
    ['/staff/deals', 'Deals'],
    ['/staff/cancellations', 'Cancellations'],
    ['/staff/prices', 'Prices'],
    ['/staff/terms', 'Terms'],
    ['/staff/maintenance', 'Maintenance'],
  ];
  for (const [path, title] of sections) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
  expect((await page.goto('/staff/accounts/not-an-id'))?.status()).toBe(404);
  expect((await page.goto('/staff/accounts/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
  expect((await page.goto('/staff/outbox/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
});

test('the staff revenue view shows MRR by plan, subscriptions by state and weekly signups as charts with the figures in tables', async ({ page, request }) => {
  await signUpOwner(page, request);
  await page.context().clearCookies();
  await signInAsStaff(page);
  const revenue = page.getByRole('region', { name: 'Revenue' });
  await expect(revenue.getByText('Monthly recurring revenue', { exact: true }).first()).toBeVisible();
  await expect(revenue.getByText('Open debt', { exact: true })).toBeVisible();
  // Each chart is an image with a text alternative; the table beside it carries the numbers.
  await expect(revenue.getByRole('img', { name: /monthly recurring revenue per plan/ })).toBeVisible();
  const byPlan = revenue.getByRole('table', { name: 'Monthly recurring revenue by plan' });
  for (const plan of ['Free', 'Team', 'Business']) await expect(byPlan.getByRole('row').filter({ hasText: plan })).toHaveCount(1);
  await expect(byPlan.getByRole('columnheader', { name: 'Monthly revenue' })).toBeVisible();
  await expect(revenue.getByRole('table', { name: 'Subscriptions by state' }).getByRole('row').filter({ hasText: 'In trial' })).toHaveCount(1);
  const weekly = revenue.getByRole('table', { name: /^Signups and cancellations, last 12 weeks$/ });
  await expect(weekly.getByRole('row')).toHaveCount(13);
  // The owner who just signed up counts in this week's row (the last one).
  const thisWeek = weekly.getByRole('row').last();
  const signups = Number(await thisWeek.getByRole('cell').nth(1).innerText());
  expect(signups).toBeGreaterThan(0);
});
