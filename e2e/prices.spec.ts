// PLAN-5 in the browser: staff announce a new Business price (a date under 30 days away is refused
// with the earliest allowed date), the owner on Business is emailed and sees it on /account/billing,
// and the renewal after the effective date is invoiced at the new price. The clock stays within
// five weeks of today and is reset at the end. Business is used because no other spec asserts its
// amounts; its price stays at the new one afterwards.
import { signUpOwner } from './accounts';
import { checkA11y } from './a11y';
import { addCard } from './billing';
import { expect, runJobs, setClock, signIn, test, waitForMail, signInAsStaff } from './support';

test('PLAN-5 a price change is announced to the owners on the plan and applied at the first renewal after its effective date', async ({ page, request, browser }) => {
  test.slow();
  // Tuesday 1 Dec 2026, 10:00 in Bratislava: the owner pays a first month of Business, which renews on 1 Jan 2027.
  await setClock(request, '2026-12-01T09:00:00Z');
  try {
    const ownerPage = await (await browser.newContext()).newPage();
    const owner = await signUpOwner(ownerPage, request);
    await addCard(ownerPage, undefined, { plan: 'Business', interval: 'monthly' });
    await waitForMail(request, owner.email, /Payment received: €35\.67 for invoice/);

    await signInAsStaff(page);
    await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
    await page.goto('/staff/prices');
    await expect(page.getByRole('heading', { level: 1, name: 'Prices' })).toBeVisible();
    const plans = page.getByRole('table', { name: 'Plans and their prices' });
    const business = plans.getByRole('row').filter({ hasText: 'Business' });
    await expect(business).toContainText('€29.00');
    await expect(business).toContainText('€290.00');

    // Too soon: the form names the earliest allowed date.
    await page.getByLabel('Plan').selectOption({ label: 'Business' });
    await page.getByLabel('New price').fill('31.00');
    await page.getByLabel('New yearly price').fill('310.00');
    await page.getByLabel('Effective date').fill('2026-12-30');
    await page.getByRole('button', { name: 'Schedule price change' }).click();
    const tooSoon = 'The new price can take effect 30 days after the announcement at the earliest: choose 31 Dec 2026 or later.';
    await expect(page.getByRole('alert').filter({ hasText: tooSoon })).toBeVisible();
    // Next to the field too.
    const effective = page.getByLabel('Effective date');
    await expect(effective).toHaveAttribute('aria-invalid', 'true');
    await expect(effective).toHaveAccessibleDescription(new RegExp(tooSoon.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    await page.getByLabel('Effective date').fill('2026-12-31');
    await page.getByRole('button', { name: 'Schedule price change' }).click();
    await expect(page.getByText(/The price change is scheduled and \d+ owners? (was|were) emailed\./)).toBeVisible();
    await expect(business).toContainText('€31.00/month, €310.00/year from 31 Dec 2026');
    await expect(page.getByRole('table', { name: 'Scheduled changes' }).getByRole('button', { name: 'Withdraw the Business price change effective 31 Dec 2026' })).toBeVisible();
    await checkA11y(page, '/staff/prices with a scheduled change');

    // The owner is told at once, and sees it on the billing page.
    const mail = await waitForMail(request, owner.email, /New price for the Business plan from 31 Dec 2026/);
    expect(mail.text).toContain('changes to €31.00 per month and €310.00 per year (it is €29.00 per month and €290.00 per year now)');
    await ownerPage.goto('/account/billing');
    await expect(ownerPage.getByRole('region', { name: 'Upcoming price change' })).toContainText(
      'From 31 Dec 2026 the per-seat price of your Business plan becomes €31.00/month (now €29.00).',
    );
    await checkA11y(ownerPage, '/account/billing with an upcoming price change');

    // 1 Jan 2027, 10:30 in Bratislava: past the effective date and at the renewal.
    await setClock(request, '2027-01-01T09:30:00Z');
    await runJobs(request);
    // €31.00 + 23 % Slovak VAT.
    const paid = await waitForMail(request, owner.email, /Payment received: €38\.13 for invoice INV-2027-\d{6}/);
    const number = paid.subject.match(/INV-2027-\d{6}/)![0];
    // Sessions last 30 days: both sign in again.
    await signIn(ownerPage, owner.email, owner.password);
    await expect(ownerPage).toHaveURL(/\/account$/);
    await ownerPage.goto('/account/invoices');
    await expect(ownerPage.getByRole('row').filter({ hasText: number })).toContainText('€38.13');
    await ownerPage.goto('/account/billing');
    await expect(ownerPage.getByRole('region', { name: 'Upcoming price change' })).toHaveCount(0);

    await signInAsStaff(page);
    await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
    await page.goto('/staff/prices');
    await expect(business).toContainText('€31.00');
    await expect(page.getByRole('table', { name: 'All price changes' }).getByRole('row').filter({ hasText: 'Business' }).first()).toContainText('In effect');
  } finally {
    await setClock(request, null);
  }
});

test('PLAN-5 staff withdraw a scheduled price change before it takes effect; the owners on the plan are told', async ({ page, request, browser }) => {
  test.slow();
  const ownerPage = await (await browser.newContext()).newPage();
  const owner = await signUpOwner(ownerPage, request);
  await addCard(ownerPage, undefined, { plan: 'Business', interval: 'yearly' });

  await signInAsStaff(page);
  await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
  await page.goto('/staff/prices');
  await page.getByLabel('Plan').selectOption({ label: 'Business' });
  await page.getByLabel('New price').fill('35');
  await page.getByLabel('New yearly price').fill('350');
  await page.getByLabel('Effective date').fill('2027-03-01');
  await page.getByRole('button', { name: 'Schedule price change' }).click();
  await expect(page.getByText(/The price change is scheduled and \d+ owners? (was|were) emailed\./)).toBeVisible();
  const announced = await waitForMail(request, owner.email, /New price for the Business plan from 1 Mar 2027/);
  expect(announced.text).toContain('Your subscription is billed yearly: renewals on or after 1 Mar 2027 are invoiced at €350.00 per seat.');
  await ownerPage.goto('/account/billing');
  await expect(ownerPage.getByRole('region', { name: 'Upcoming price change' })).toContainText('becomes €350.00/year');

  await page.getByRole('button', { name: 'Withdraw the Business price change effective 1 Mar 2027' }).click();
  // The row leaves the scheduled list (its own message with it); the history says what happened.
  await expect(page.getByRole('table', { name: 'Scheduled changes' })).toHaveCount(0);
  await waitForMail(request, owner.email, /The announced price change for the Business plan is withdrawn/);
  await page.reload();
  await expect(page.getByText('No price change is scheduled.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'All price changes' }).getByRole('row').filter({ hasText: '1 Mar 2027' })).toContainText('Withdrawn');
  await ownerPage.reload();
  await expect(ownerPage.getByRole('region', { name: 'Upcoming price change' })).toHaveCount(0);
});
