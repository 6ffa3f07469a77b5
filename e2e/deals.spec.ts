// APS-1..5 and ACC-7 in the browser: staff import a codes file, a visitor redeems a code on
// /appsumo, the owner invites a free second user who accepts, and a reuse of the code is refused
// and shown to staff. The seeded AppSumo deal closed in 2019, so the clock goes back to its last evening.
import type { Browser, Page } from '@playwright/test';
import { confirmEmail, newOwnerData, type Owner } from './accounts';
import { expect, firstLink, PASSWORD, setClock, signIn, STAFF, test, uniqueId, waitForMail } from './support';

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
    await signIn(page, STAFF.email, STAFF.password);
    await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
    await page.goto('/staff/deals');
    await page.getByRole('link', { name: 'AppSumo' }).click();
    await page.getByLabel('Codes CSV').setInputFiles({ name: 'codes.csv', mimeType: 'text/csv', buffer: Buffer.from(`code\n${code}\n${other}\n${code.toLowerCase()}\nnot a code\n`) });
    await page.getByRole('button', { name: 'Import codes' }).click();
    await expect(page.getByText('2 codes imported, 2 lines skipped.')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('cell', { name: 'Repeats the code on line 2' })).toBeVisible();
    await page.getByLabel('Search codes').fill(id.toLowerCase());
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('cell', { name: code, exact: true })).toBeVisible();

    // A visitor redeems the code: no trial, no card.
    const buyer = newOwnerData();
    const visitor = await freshPage(browser, '203.0.113.41');
    await fillRedemption(visitor, code, buyer);
    await expect(visitor.getByRole('heading', { level: 1, name: /check your email/i })).toBeVisible({ timeout: 30_000 });
    await confirmEmail(visitor, request, buyer.email);
    await signIn(visitor, buyer.email, buyer.password);
    await expect(visitor).toHaveURL(/\/account$/, { timeout: 30_000 });

    // ACC-7 / APS-6: the owner invites one more user, free on the deal.
    await visitor.goto('/account/users');
    const agentEmail = `agent-${id.toLowerCase()}@example.test`;
    await visitor.getByLabel('Email').fill(agentEmail);
    await visitor.getByLabel('Role').selectOption('agent');
    await visitor.getByRole('button', { name: 'Invite user' }).click();
    await expect(visitor.getByText(`Invitation sent to ${agentEmail}.`)).toBeVisible({ timeout: 20_000 });
    const invitation = await waitForMail(request, agentEmail, /invited/i);
    const invitee = await freshPage(browser, '203.0.113.42');
    await invitee.goto(firstLink(invitation));
    await invitee.getByLabel('Full name').fill('Peter Agent');
    await invitee.getByLabel('Password').fill(PASSWORD);
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await expect(invitee.getByRole('link', { name: 'Sign in' }).last()).toBeVisible({ timeout: 30_000 });
    await signIn(invitee, agentEmail, PASSWORD);
    await expect(invitee).toHaveURL(/\/account$/, { timeout: 30_000 });
    // An agent does not manage users.
    await expect(invitee.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users' })).toHaveCount(0);

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
    await expect(visitor).toHaveURL(/\/account\/billing$/);
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
