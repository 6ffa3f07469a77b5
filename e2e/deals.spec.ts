// APS-1..5 and ACC-7 in the browser: staff import a codes file, a visitor redeems a code on
// /appsumo, the owner invites a free second user who accepts, and a reuse of the code is refused
// and shown to staff. The seeded AppSumo deal closed in 2019, so the clock goes back to its last evening.
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { confirmEmail, newOwnerData, type Owner } from './accounts';
import { addCard } from './billing';
import { expect, firstLink, PASSWORD, runJobs, setClock, signIn, test, uniqueId, waitForMail, signInAsStaff } from './support';

async function fillRedemption(page: Page, code: string, o: Owner) {
  await page.goto('/appsumo');
  await page.getByLabel('Code').fill(code);
  await page.getByLabel('Full name').fill(o.fullName);
  await page.getByLabel('Email').fill(o.email);
  await page.getByLabel('Password').fill(o.password);
  await page.getByLabel('Company name').fill(o.company);
  await page.getByLabel('Account address').fill(o.slug);
  await page.getByLabel('Date of birth').fill('1988-02-03');
  await page.getByLabel('I accept the terms of service').check();
  await page.getByRole('button', { name: 'Redeem code' }).click();
}

/** Staff upload a codes file on the AppSumo deal's page, or straight from the deals list. */
async function importCodes(page: Page, csv: string, from: 'deal page' | 'deals list' = 'deal page') {
  await signInAsStaff(page);
  await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
  await page.goto('/staff/deals');
  if (from === 'deal page') await page.getByRole('link', { name: 'AppSumo' }).click();
  else if (await page.getByLabel('Deal', { exact: true }).count()) await page.getByLabel('Deal', { exact: true }).selectOption({ label: 'AppSumo' });
  await page.getByLabel('Codes CSV').setInputFiles({ name: 'codes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import codes' }).click();
}

/** The owner invites someone from /account/users. */
async function invite(page: Page, email: string, role: 'admin' | 'agent') {
  await page.goto('/account/users');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role').selectOption(role);
  await page.getByRole('button', { name: 'Invite user' }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible({ timeout: 20_000 });
}

/** The invitee opens the emailed link in their own browser, sets a name and password and signs in. */
async function acceptInvitation(browser: Browser, request: APIRequestContext, email: string, fullName: string, clientIp: string): Promise<Page> {
  const invitation = await waitForMail(request, email, /invited/i);
  const invitee = await freshPage(browser, clientIp);
  await invitee.goto(firstLink(invitation));
  await invitee.getByLabel('Full name').fill(fullName);
  await invitee.getByLabel('Password').fill(PASSWORD);
  await invitee.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(invitee.getByRole('link', { name: 'Sign in' }).last()).toBeVisible({ timeout: 30_000 });
  await signIn(invitee, email, PASSWORD);
  await expect(invitee).toHaveURL(/\/account$/, { timeout: 30_000 });
  return invitee;
}

async function freshPage(browser: Browser, clientIp: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': clientIp } });
  return context.newPage();
}

test('APS-1 APS-2 APS-3 ACC-7 staff import codes, a visitor redeems one, invites a free user who accepts; reusing the code is refused and shown to staff', async ({ page, request, browser }) => {
  test.slow();
  const id = uniqueId().toUpperCase();
  const [code, other] = [`E2E-${id}-A`, `E2E-${id}-B`];
  await setClock(request, '2019-11-30T18:00:00Z');
  try {
    // Staff import a file with a repeated and a malformed line.
    await importCodes(page, `code\n${code}\n${other}\n${code.toLowerCase()}\nnot a code\n`);
    await expect(page.getByText('2 codes imported, 2 lines skipped.')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('cell', { name: 'Repeats the code on line 2' })).toBeVisible();
    await page.getByLabel('Search codes').fill(id.toLowerCase());
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('cell', { name: code, exact: true })).toBeVisible();
    // The deals list finds a code in any deal too.
    await page.goto('/staff/deals');
    await page.getByLabel('Search codes').fill(other.toLowerCase());
    await page.getByRole('button', { name: 'Search' }).click();
    const found = page.getByRole('table', { name: 'Codes matching the search' }).getByRole('row').filter({ hasText: other });
    await expect(found).toContainText('AppSumo');
    await expect(found).toContainText('Unused');
    await found.getByRole('link', { name: 'AppSumo' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'AppSumo' })).toBeVisible();

    // A visitor redeems the code: no trial, no card.
    const buyer = newOwnerData();
    const visitor = await freshPage(browser, '203.0.113.41');
    await fillRedemption(visitor, code, buyer);
    await expect(visitor.getByRole('heading', { level: 1, name: /check your email/i })).toBeVisible({ timeout: 30_000 });
    await confirmEmail(visitor, request, buyer.email);
    await signIn(visitor, buyer.email, buyer.password);
    await expect(visitor).toHaveURL(/\/account$/, { timeout: 30_000 });

    // ACC-7 / APS-6: the owner invites one more user, free on the deal.
    const agentEmail = `agent-${id.toLowerCase()}@example.test`;
    await invite(visitor, agentEmail, 'agent');
    const invitee = await acceptInvitation(browser, request, agentEmail, 'Peter Agent', '203.0.113.42');
    // An agent does not manage users.
    await expect(invitee.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
    // ACC-7: nor billing or stopping the account, even by typing the address.
    for (const path of ['/account/billing', '/account/stop']) {
      await invitee.goto(path);
      await expect(invitee).toHaveURL(/\/account\?denied=owner$/);
      await expect(invitee.getByText('That page is for the account owner only. Ask Jana Novakova if you need something there.')).toBeVisible();
    }
    await invitee.goto('/account/users');
    await expect(invitee).toHaveURL(/\/account\?denied=managers$/);
    await expect(invitee.getByText('That page is for the account owner and admins only.', { exact: false })).toBeVisible();

    // APS-3: the same code again is refused at the Code field and logged for staff.
    const copycat = newOwnerData();
    const second = await freshPage(browser, '203.0.113.43');
    await fillRedemption(second, code, copycat);
    await expect(second.getByText('This code has already been redeemed. Each code works once.').first()).toBeVisible({ timeout: 30_000 });
    await expect(second.getByLabel('Code')).toHaveAttribute('aria-invalid', 'true');
    await page.reload();
    await expect(page.getByRole('table', { name: 'Refused reuse attempts' }).getByRole('cell', { name: copycat.email })).toBeVisible();
    const attempts = page.getByRole('table', { name: 'Refused reuse attempts' });
    await expect(attempts.getByRole('link', { name: new RegExp(buyer.slug) })).toBeVisible();

    // Staff suspend the holder from there; its owner is emailed and sees why.
    await attempts.getByLabel('Reason').fill('The code is being shared publicly.');
    await attempts.getByRole('button', { name: 'Suspend account' }).click();
    await expect(attempts.getByRole('cell', { name: 'Suspended', exact: true })).toBeVisible({ timeout: 20_000 });
    await waitForMail(request, buyer.email, /suspended/i);
    await visitor.goto('/account');
    await expect(visitor).toHaveURL(/\/account\/suspended$/);
    await expect(visitor.getByText('Our staff have suspended this account.')).toBeVisible();
    await expect(visitor.getByText('Reason: The code is being shared publicly.')).toBeVisible();
  } finally {
    await setClock(request, null);
  }
});

test('APS-4 after the deadline /appsumo shows when the deal closed and a code is refused with that date', async ({ page }) => {
  await page.goto('/appsumo');
  await expect(page.getByText('This deal closed on 30 Nov 2019 at 23:59.').first()).toBeVisible();
});

test('APS-6 APS-8 APS-9 APS-7 a deal owner adds a third user after billing details and a card, sees the cost, is warned, and next month the per-day invoice is charged', async ({ page, request, browser }) => {
  test.slow();
  const id = uniqueId().toUpperCase();
  const code = `E2E-${id}-X`;
  await setClock(request, '2019-11-30T18:00:00Z');
  try {
    await importCodes(page, `${code}\n`, 'deals list');
    await expect(page.getByText('1 code imported', { exact: false })).toBeVisible({ timeout: 20_000 });

    const buyer = newOwnerData();
    const owner = await freshPage(browser, '203.0.113.51');
    await fillRedemption(owner, code, buyer);
    await expect(owner.getByRole('heading', { level: 1, name: /check your email/i })).toBeVisible({ timeout: 30_000 });
    await confirmEmail(owner, request, buyer.email);
    await signIn(owner, buyer.email, buyer.password);
    await expect(owner).toHaveURL(/\/account$/, { timeout: 30_000 });

    // APS-6: the owner plus one user are free, and no billing details are asked for that.
    const second = `second-${id.toLowerCase()}@example.test`;
    await invite(owner, second, 'admin');
    await acceptInvitation(browser, request, second, 'Adam Second', '203.0.113.53');

    // APS-9: the third user waits for complete billing details and a payment method.
    const third = `third-${id.toLowerCase()}@example.test`;
    await owner.goto('/account/users');
    await expect(owner.getByText('Extra users beyond your lifetime deal cost €39.00 a month each. Before the first one, we need:')).toBeVisible();
    await expect(owner.getByText(/complete billing details \(.*company ID\) on the Billing page/)).toBeVisible();
    await owner.getByLabel('Email').fill(third);
    await owner.getByLabel('Role').selectOption('agent');
    await owner.getByRole('button', { name: 'Invite user' }).click();
    await expect(owner.getByText(/billing details/i).last()).toBeVisible();
    await expect(owner.getByRole('cell', { name: third })).toHaveCount(0);

    await owner.getByRole('link', { name: 'Billing page' }).first().click();
    await expect(owner).toHaveURL(/\/account\/billing$/);
    await owner.getByLabel('Name', { exact: true }).fill(buyer.fullName);
    await owner.getByLabel('Company', { exact: true }).fill(buyer.company);
    await owner.getByLabel('Street').fill('Hlavná 12');
    await owner.getByLabel('City').fill('Bratislava');
    await owner.getByLabel('Postal code').fill('811 01');
    await owner.getByLabel('Province or region').fill('Bratislavský kraj');
    await owner.getByLabel('Country').selectOption('SK');
    await owner.getByLabel('Company ID').fill('35757442');
    await owner.getByLabel('Invoice email').fill(buyer.email);
    await owner.getByRole('button', { name: 'Save billing details' }).click();
    await expect(owner.getByRole('status').filter({ hasText: 'Billing details saved' })).toBeVisible();
    await addCard(owner);

    // APS-8: the cost is shown before inviting, and the owner is warned once the user joins.
    await owner.goto('/account/users');
    await expect(owner.getByText('The next user is beyond your lifetime seats: €39.00 a month, billed for each day the user exists', { exact: false })).toBeVisible();
    await invite(owner, third, 'agent');
    await acceptInvitation(browser, request, third, 'Tereza Third', '203.0.113.52');
    await waitForMail(request, buyer.email, /lifetime deal's seats are exceeded/);

    // APS-7: on the first of the month the past month's day is invoiced and charged.
    await setClock(request, '2019-12-01T06:00:00Z');
    await runJobs(request);
    const invoice = await waitForMail(request, buyer.email, /Payment received/);
    const number = invoice.subject.match(/INV-\d{4}-\d{6}/)![0];
    await owner.goto('/account/invoices');
    const row = owner.getByRole('row').filter({ has: owner.getByRole('link', { name: number, exact: true }) });
    await expect(row).toContainText('Paid');
    await row.getByRole('link', { name: number, exact: true }).click();
    await expect(owner.locator('main')).toContainText('Extra user Tereza Third, 30 Nov 2019 – 30 Nov 2019 (1 day)');
    await expect(owner.locator('main')).toContainText('€1.30');
  } finally {
    await setClock(request, null);
  }
});
