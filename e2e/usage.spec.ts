// PLAN-6 and PLAN-7 in the browser: the owner creates the usage API token (shown once), the
// helpdesk reports usage with it, staff find the account among the enterprise candidates and mark
// it enterprise, staff change its fair-use limits and replace its token; /pricing shows the limits.
import { signUpOwner } from './accounts';
import { expect, test, signInAsStaff } from './support';

test('PLAN-6 PLAN-7 usage token, usage report, enterprise candidate marked by staff, account limits changed by staff and seen by the owner', async ({ page, request, browser }) => {
  test.slow();
  const owner = await signUpOwner(page, request);

  // The owner creates the token on /account/security; it is shown exactly once.
  await page.goto('/account/security');
  await expect(page.getByRole('heading', { level: 2, name: 'Usage API token' })).toBeVisible();
  await expect(page.getByText('There is no usage token yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Create usage token' }).click();
  const tokenField = page.getByLabel('Your new usage token');
  await expect(tokenField).toBeVisible();
  await expect(page.getByText('it is shown only this once')).toBeVisible();
  const token = await tokenField.inputValue();
  expect(token).toMatch(/^adu_[A-Za-z0-9_-]{40,}$/);
  await page.reload();
  await expect(page.getByLabel('Your new usage token')).toHaveCount(0);
  await expect(page.getByText(`${token.slice(0, 12)}…`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Replace usage token' })).toBeVisible();

  // The helpdesk reports usage above the end-user threshold (default 10 000).
  expect((await request.post('/api/usage', { data: { endUsers: 25000, ticketsThisMonth: 300 } })).status()).toBe(401);
  const bad = await request.post('/api/usage', { headers: { authorization: `Bearer ${token}` }, data: { endUsers: -5, ticketsThisMonth: 300 } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fields.endUsers).toBeTruthy();
  const ok = await request.post('/api/usage', { headers: { authorization: `Bearer ${token}` }, data: { endUsers: 25000, ticketsThisMonth: 300, agents: 1 } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).stored).toMatchObject({ endUsers: 25000, ticketsThisMonth: 300, agents: 1 });

  // Staff see the account on the candidates list with its figures, and mark it enterprise.
  const staff = await (await browser.newContext()).newPage();
  await signInAsStaff(staff);
  await expect(staff).toHaveURL(/\/staff$/, { timeout: 30_000 });
  await staff.getByRole('link', { name: 'Enterprise candidates' }).first().click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Enterprise candidates' })).toBeVisible();
  const row = staff.getByRole('table', { name: 'Enterprise candidates' }).getByRole('row').filter({ hasText: owner.slug });
  await expect(row).toContainText('25000');
  await expect(row).toContainText('300');
  await expect(row).toContainText('End users');
  await row.getByRole('link', { name: /as enterprise/ }).click();
  await expect(staff.getByRole('heading', { level: 2, name: 'Usage and fair use' })).toBeVisible();
  // An empty note is refused at its field.
  await staff.getByRole('button', { name: 'Mark as enterprise' }).click();
  await expect(staff.getByText('Describe the agreed price and terms.')).toBeVisible();
  await staff.getByLabel('Agreed price and terms').fill('EUR 900 a month, billed yearly, 24 months');
  await staff.getByRole('button', { name: 'Mark as enterprise' }).click();
  // The form gives way to the agreement: the badge, the date and the terms.
  const section = staff.locator('section', { has: staff.getByRole('heading', { level: 2, name: 'Usage and fair use' }) });
  await expect(section).toContainText('Marked as enterprise on');
  await staff.reload();
  await expect(section.getByText('Enterprise', { exact: true }).first()).toBeVisible();
  await expect(section).toContainText('EUR 900 a month, billed yearly, 24 months');
  await expect(section).toContainText('25000');

  // Staff change the account's fair-use limits (no notice; audited).
  await staff.getByLabel('Users limit').fill('abc');
  await staff.getByRole('button', { name: 'Save limits' }).click();
  await expect(staff.getByText('Enter a whole number of 0 or more, or leave the field empty.')).toBeVisible();
  await staff.getByLabel('Users limit').fill('3');
  await staff.getByLabel('Tickets per month limit').fill('200');
  await staff.getByRole('button', { name: 'Save limits' }).click();
  await expect(staff.getByText('The limits are saved.')).toBeVisible();
  await staff.reload();
  // Staff read the audit log by action code, with the limits before and after.
  const audit = staff.getByRole('table', { name: 'Account audit log' }).getByRole('row').filter({ hasText: 'plan.limits_changed' });
  await expect(audit).toContainText('"maxUsers":3');
  await expect(audit).toContainText('before');

  // The account left the candidates list; it is above its new tickets limit.
  await staff.goto('/staff/enterprise');
  await expect(staff.getByRole('heading', { level: 1, name: 'Enterprise candidates' })).toBeVisible();
  await expect(staff.getByRole('table', { name: 'Enterprise candidates' }).getByRole('row').filter({ hasText: owner.slug })).toHaveCount(0);
  await expect(staff.getByRole('table', { name: 'Accounts above their fair-use limits' }).getByRole('row').filter({ hasText: owner.slug })).toContainText('Tickets per month');

  // The owner sees the limits staff set, and what is in use now.
  await page.goto('/account');
  const limits = page.getByRole('table', { name: 'Fair-use limits and current use' });
  await expect(limits.getByRole('row', { name: /Users/ })).toContainText('3 users');
  await expect(limits.getByRole('row', { name: /Tickets per month/ })).toContainText('200 tickets a month');
  await expect(limits.getByRole('row', { name: /Tickets per month/ })).toContainText('300');
  await expect(limits.getByRole('row', { name: /Tickets per month/ })).toContainText('Above the limit');
  await expect(limits).toContainText('Set for this account by Accountdesk');

  // Staff replace the token: the old one stops working; the owner is told to create a new one.
  await staff.goto('/staff/enterprise');
  await staff.getByRole('table', { name: 'Accounts above their fair-use limits' }).getByRole('row').filter({ hasText: owner.slug }).getByRole('link').first().click();
  await staff.getByRole('button', { name: /Replace the usage token of/ }).click();
  await expect(staff.getByText('The usage token was replaced')).toBeVisible();
  expect((await request.post('/api/usage', { headers: { authorization: `Bearer ${token}` }, data: { endUsers: 1, ticketsThisMonth: 1 } })).status()).toBe(401);
  await page.goto('/account/security');
  await expect(page.getByText('Accountdesk staff replaced this token')).toBeVisible();
  await expect(page.getByLabel('Your new usage token')).toHaveCount(0);

  // The candidates page is staff-only.
  await page.goto('/staff/enterprise');
  await expect(page).toHaveURL(/\/account\?denied=staff/);
});

test('PLAN-7 /pricing shows each plan\'s fair-use limits, in English and Dutch', async ({ page }) => {
  await page.goto('/pricing');
  const free = page.getByLabel('Free: Fair-use limits');
  await expect(free).toContainText('1 user');
  await expect(free).toContainText('100 tickets a month');
  await expect(free).toContainText('1 GB');
  await expect(page.getByLabel('Team: Fair-use limits')).toContainText('Unlimited');
  await page.getByLabel('Language').selectOption({ label: 'Nederlands' });
  await expect(page.getByLabel('Free: Limieten voor redelijk gebruik')).toContainText('100 tickets per maand');
});
