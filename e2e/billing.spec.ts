// PAY-1..PAY-7, INV-3/INV-4 as an owner meets them on /account/billing and the processor's pages.
import { readFileSync } from 'node:fs';
import { signUpOwner } from './accounts';
import { addCard, addPaypal, CARDS, submitCard } from './billing';
import { expect, injectProcessorFault, outbox, runJobs, SERVER_LOG, setClock, signIn, test, waitForMail } from './support';

const banner = (page: import('@playwright/test').Page) => page.getByTestId('billing-banner');

test.afterEach(async ({ request }) => {
  await setClock(request, null);
  await injectProcessorFault(request, null);
});

test('PAY-1 a new account is on a 14-day trial and the portal shows the days left', async ({ page, request }) => {
  await signUpOwner(page, request);
  await expect(banner(page)).toContainText('14 days left');
  await page.goto('/account/billing');
  await expect(page.getByText(/Your free trial ends on \d{1,2} \w{3} \d{4} \(14 days left\)/)).toBeVisible();
});

test('PAY-3 adding a card during the trial charges the first period, ends the trial and emails the owner (PAY-6)', async ({ page, request }) => {
  const owner = await signUpOwner(page, request);
  await addCard(page, CARDS.ok, { interval: 'yearly' });
  const notice = page.getByRole('status').filter({ hasText: 'Payment received' });
  await expect(notice).toContainText(/€\d+\.\d{2} was charged for invoice INV-\d{4}-\d{6}/);
  await expect(page.getByText('Visa •••• 4242, expires 12/2030')).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await expect(page.getByText(/Your subscription renews on/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Replace card' })).toBeVisible();
  // Team, 1 seat, yearly: €150.00 + 23 % Slovak VAT (no billing details yet: the company's country).
  const mail = await waitForMail(request, owner.email, /Payment received/);
  expect(mail.subject).toMatch(/€184\.50 for invoice INV-\d{4}-\d{6}/);
  expect(mail.text).toContain('Visa ending in 4242');
});

test('PAY-5 a declined card shows a clear error and saves nothing', async ({ page, request }) => {
  const owner = await signUpOwner(page, request);
  await submitCard(page, CARDS.declined);
  await expect(page).toHaveURL(/\/account\/billing/);
  await expect(page.getByRole('alert').filter({ hasText: 'Payment declined' })).toContainText('Your bank declined the card. Nothing was charged');
  await expect(page.getByText('No payment method yet.')).toBeVisible();
  await expect(banner(page)).toContainText('days left');
  await expect(page.getByRole('button', { name: 'Add card' })).toBeVisible();
  expect((await outbox(request, owner.email)).filter((m) => /Payment/.test(m.subject))).toHaveLength(0);
  // Insufficient funds says so too.
  await submitCard(page, CARDS.insufficientFunds);
  await expect(page.getByRole('alert').filter({ hasText: 'Payment declined' })).toContainText('does not have enough funds');
});

test('PAY-5 the hosted card form checks the card and the app never sees the number', async ({ page, request }) => {
  await signUpOwner(page, request);
  await page.goto('/account/billing');
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page).toHaveURL(/\/api\/processor\/card\?/);
  await page.getByLabel('Cardholder name').fill('Jana Novakova');
  await page.getByLabel('Card number').fill('4242 4242 4242 4241');
  await page.getByLabel('Expiry date').fill('01/20');
  await page.getByLabel('CVC').fill('1');
  await page.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByRole('alert')).toContainText('3 fields need your attention');
  await expect(page.getByText('This card number is not valid.')).toBeVisible();
  await expect(page.getByText('This card has expired.')).toBeVisible();
  await expect(page.getByLabel('Card number')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Cardholder name')).toHaveValue('Jana Novakova');
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry date').fill('12/30');
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Payment received' })).toBeVisible();
  // Nothing the app wrote to its output contains the number.
  const log = readFileSync(SERVER_LOG, 'utf8');
  expect(log.length).toBeGreaterThan(0);
  for (const f of ['4242424242424242', '4242 4242 4242 4242', '4242424242424241']) expect(log).not.toContain(f);
});

test('PAY-5 a charge that times out is retried with the same key and charges exactly once', async ({ page, request }) => {
  const owner = await signUpOwner(page, request);
  await injectProcessorFault(request, 'timeout');
  await addCard(page);
  await expect(page.getByRole('status').filter({ hasText: 'Payment received' })).toBeVisible();
  await waitForMail(request, owner.email, /Payment received/);
  expect((await outbox(request, owner.email)).filter((m) => /Payment received/.test(m.subject))).toHaveLength(1);
  // Coming back from the processor again (reload, back button) does not charge again either.
  await page.goBack();
  await page.goto('/account/billing');
  expect((await outbox(request, owner.email)).filter((m) => /Payment received/.test(m.subject))).toHaveLength(1);
});

test('PAY-7 PayPal approval pays the first period and the card can replace it later', async ({ page, request }) => {
  const owner = await signUpOwner(page, request);
  await addPaypal(page);
  await expect(page.getByRole('status').filter({ hasText: 'Payment received' })).toBeVisible();
  await expect(page.getByText('PayPal (sandbox-buyer@paypal.test)')).toBeVisible();
  const mail = await waitForMail(request, owner.email, /Payment received/);
  expect(mail.text).toContain('PayPal');
  // PAY-5: the owner can replace the method at any time; no new charge while the period is paid.
  await addCard(page);
  await expect(page.getByRole('status').filter({ hasText: 'Payment method saved' })).toBeVisible();
  await expect(page.getByText('Visa •••• 4242')).toBeVisible();
  expect((await outbox(request, owner.email)).filter((m) => /Payment received/.test(m.subject))).toHaveLength(1);
});

test('PAY-2 a trial that ends without a card suspends the account; adding a card reactivates it', async ({ page, request }) => {
  const owner = await signUpOwner(page, request);
  // Eleven days on, the owner is reminded; fifteen days on, the trial is over.
  await setClock(request, new Date(Date.now() + 11 * 86_400_000 + 3_600_000).toISOString());
  await runJobs(request);
  await waitForMail(request, owner.email, /trial ends on/);
  await setClock(request, new Date(Date.now() + 15 * 86_400_000).toISOString());
  await runJobs(request);
  await waitForMail(request, owner.email, /suspended/);

  await page.goto('/account');
  await expect(page).toHaveURL(/\/account\/billing$/);
  await expect(banner(page)).toContainText('Your free trial has ended');
  await page.goto('/account/users');
  await expect(page).toHaveURL(/\/account\/billing$/);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users' })).toHaveCount(0);

  await addCard(page);
  await expect(page.getByRole('status').filter({ hasText: 'Payment received' })).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText('Active', { exact: true }).first()).toBeVisible();
});

test('INV-3 the billing details form checks every field and saves; INV-4 the VAT number is checked and applies from now on', async ({ page, request }) => {
  await signUpOwner(page, request);
  await page.goto('/account/billing');
  await page.getByLabel('Street').fill('');
  await page.getByLabel('Country').selectOption('SK');
  await page.getByLabel('Company ID').fill('12');
  await page.getByLabel('Invoice email').fill('not-an-email');
  await page.getByRole('button', { name: 'Save billing details' }).click();
  await expect(page.getByText('Enter the street and number.')).toBeVisible();
  await expect(page.getByText('Enter a valid IČO (8 digits)', { exact: false })).toBeVisible();
  await expect(page.getByText('Enter a valid email address', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Street')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Name').fill('Jana Novakova');
  await page.getByLabel('Company', { exact: true }).fill('Acme s.r.o.');
  await page.getByLabel('Street').fill('Hlavná 1');
  await page.getByLabel('City').fill('Bratislava');
  await page.getByLabel('Postal code').fill('811 01');
  await page.getByLabel('Province or region').fill('Bratislavský kraj');
  await page.getByLabel('Country').selectOption('DE');
  await page.getByLabel('Invoice email').fill('billing@acme.example');
  await page.getByLabel('Company ID').fill('HRB 12345');
  await page.getByRole('button', { name: 'Save billing details' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Billing details saved' })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('City')).toHaveValue('Bratislava');
  await expect(page.getByText('VAT already invoiced is not refunded')).toBeVisible();
  await page.getByLabel('VAT number').fill('DE136695977');
  await page.getByRole('button', { name: 'Save VAT number' }).click();
  await expect(page.getByLabel('VAT number')).toHaveAccessibleDescription(/fails its check digit/);
  await page.getByLabel('VAT number').fill('BE0411905847');
  await page.getByRole('button', { name: 'Save VAT number' }).click();
  await expect(page.getByLabel('VAT number')).toHaveAccessibleDescription(/starts with DE/);
  await page.getByLabel('VAT number').fill('DE 136 695 976');
  await page.getByRole('button', { name: 'Save VAT number' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'VAT number DE136695976 saved' })).toContainText('not refunded');
});

test('PAY-4 PAY-8 a renewal is billed in advance; a failing card is retried on days 1, 3 and 5, then the account is suspended until a working card pays', async ({ page, request }) => {
  const owner = await signUpOwner(page, request);
  await addCard(page);
  // The owner swaps in a card that will be declined; no charge while the period is paid.
  await addCard(page, CARDS.declined, { replace: true });
  await expect(page.getByRole('status').filter({ hasText: 'Payment method saved' })).toBeVisible();

  const day = 86_400_000;
  const start = Date.now();
  const at = async (days: number) => {
    await setClock(request, new Date(start + days * day).toISOString());
    await runJobs(request);
  };
  // A month on, the renewal invoice is issued and its charge fails: the owner is told at once.
  await at(32);
  const firstFailure = await waitForMail(request, owner.email, /Payment failed for invoice INV-/);
  expect(firstFailure.text).toContain('/account/billing');
  // A month later the old session has expired: the owner signs in again.
  await signIn(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/account/);
  await page.goto('/account/billing');
  await expect(page.getByTestId('billing-banner')).toContainText(/We could not collect €18\.45 for invoice INV-\d{4}-\d{6}\. We will try again on/);
  // Retries on days 1, 3 and 5 after the first failure; the last one suspends.
  // (Half a day later than each due time: the test's own steps take a few seconds of clock time.)
  await at(33.5);
  await at(35.5);
  await at(37.5);
  await waitForMail(request, owner.email, /account is suspended/);
  expect((await outbox(request, owner.email)).filter((m) => /Payment failed/.test(m.subject))).toHaveLength(3);
  // Signed out (a signed-in person opening /login is sent on), the owner signs in again.
  await page.context().clearCookies();
  await signIn(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/account\/billing$/);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/account\/billing$/);
  await expect(page.getByTestId('billing-banner')).toContainText(/suspended because invoice INV-\d{4}-\d{6} \(€18\.45\) is unpaid/);

  // A working card settles the open invoice and reactivates the account.
  await addCard(page, CARDS.ok, { replace: true });
  await expect(page.getByRole('status').filter({ hasText: 'Payment received' })).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/account$/);
  expect((await outbox(request, owner.email)).filter((m) => /Payment received/.test(m.subject))).toHaveLength(2);
});
