// Staff billing tools: the Billing section of an account (PAY-2 trial extension) and the list of
// every account's invoices and credit notes (INV-5).
import type { Page } from '@playwright/test';
import { signUpOwner } from './accounts';
import { addCard } from './billing';
import { expect, test, waitForMail, switchToStaff } from './support';

async function openAccount(page: Page, slug: string) {
  await page.goto(`/staff/accounts?q=${encodeURIComponent(slug)}`);
  await page.getByRole('link', { name: slug }).click();
  await expect(page.getByRole('heading', { level: 1, name: slug })).toBeVisible();
}

test('PAY-2 staff extend a trial and it is audited', async ({ page, request }) => {
  const o = await signUpOwner(page, request);
  await switchToStaff(page);
  await openAccount(page, o.slug);

  await expect(page.getByRole('heading', { level: 2, name: 'Billing' })).toBeVisible();
  const subscription = page.getByRole('region', { name: 'Subscription' });
  await expect(subscription).toContainText('Trial');
  await expect(subscription).toContainText('Monthly');
  const trialEnds = subscription.getByRole('definition').filter({ hasText: /days? left/ });
  await expect(trialEnds).toContainText('(14 days left)');
  const before = await trialEnds.innerText();
  await expect(page.getByRole('region', { name: 'Payment method' })).toContainText('No payment method');

  const extend = page.getByRole('region', { name: 'Extend trial' });
  // The form checks its fields before anything is sent.
  await extend.getByLabel('Days').fill('90');
  await extend.getByLabel('Why the trial is extended').fill('Ticket 4711: evaluation delayed');
  await extend.getByRole('button', { name: 'Extend trial' }).click();
  await expect(extend.getByText(/from 1 to 60/)).toBeVisible();
  await expect(extend.getByLabel('Days')).toHaveAttribute('aria-invalid', 'true');

  await extend.getByLabel('Days').fill('7');
  await extend.getByRole('button', { name: 'Extend trial' }).click();
  await expect(extend.getByRole('status')).toContainText('Trial extended to');
  await expect(trialEnds).toContainText('(21 days left)');
  expect(await trialEnds.innerText()).not.toBe(before);

  const entry = page.getByRole('table', { name: 'Account audit log' }).getByRole('row').filter({ hasText: 'billing.trial_extended' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('(staff)');
  await expect(entry).toContainText('Ticket 4711: evaluation delayed');
  await waitForMail(request, o.email, /trial now ends on/i);
});

test("INV-5 staff see every account's documents", async ({ page, request }) => {
  const o = await signUpOwner(page, request);
  await addCard(page);
  const receipt = await waitForMail(request, o.email, /payment received/i);
  const number = receipt.subject.match(/INV-\d{4}-\d{6}/)![0];

  // Owners never reach the staff list.
  await page.goto('/staff/invoices');
  await expect(page).not.toHaveURL(/\/staff/);

  await switchToStaff(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  for (const header of ['Number', 'Account', 'Type', 'Issued', 'Total', 'Status', 'PDF']) {
    await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  await page.getByLabel('Search documents').fill(o.slug.toUpperCase());
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Invoice');
  await expect(row).toContainText('Paid');
  await expect(row).toContainText(/€\d+\.\d{2}/);
  await expect(row.getByRole('link', { name: `PDF of ${number}` })).toHaveAttribute('href', /^\/api\/invoices\/[0-9a-f-]{36}\/pdf$/);

  await page.getByLabel('Search documents').fill(number);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('row')).toHaveCount(2); // header + the one invoice

  await row.getByRole('link', { name: o.slug }).click();
  await expect(page.getByRole('heading', { level: 1, name: o.slug })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Invoices and credit notes' }).getByRole('row').filter({ hasText: number })).toContainText('Paid');
  const method = page.getByRole('region', { name: 'Payment method' });
  await expect(method).toContainText(/Visa •••• 4242, expires 12\/2030/);
  await expect(method).not.toContainText(/tok_/);
  await expect(page.getByRole('region', { name: 'Subscription' })).toContainText('Active');
  await expect(page.getByRole('region', { name: 'Extend trial' })).toHaveCount(0);
});
