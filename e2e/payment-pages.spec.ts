// What the billing page says after a payment, and the sandbox processor's hosted pages: nothing a
// crafted link carries is shown as a payment, and the hosted pages never send anyone off-site.
import { signUpOwner } from './accounts';
import { addCard, CARDS } from './billing';
import { checkA11y } from './a11y';
import { expect, test } from './support';

test('PAY-3 "Payment received" appears only for a paid invoice of this account, named from the database', async ({ page, request, browser, clientIp }, testInfo) => {
  test.slow(); // several sign-ups and sign-ins on a shared, busy test server
  await signUpOwner(page, request);
  for (const forged of ['<script>Anything', 'ANY TEXT', 'INV-2026-000001', '00000000-0000-4000-8000-000000000000']) {
    await page.goto(`/account/billing?paid=${encodeURIComponent(forged)}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
    await expect(page.getByText('Payment received')).toHaveCount(0);
    await expect(page.getByText(forged)).toHaveCount(0);
  }

  // The real flow still confirms the payment, with the invoice number from the database.
  await addCard(page, CARDS.ok);
  await expect(page.getByRole('status').filter({ hasText: 'Payment received' })).toContainText(/€\d+\.\d{2} was charged for invoice INV-\d{4}-\d{6}/);
  const paidId = new URL(page.url()).searchParams.get('paid');
  expect(paidId).toMatch(/^[0-9a-f-]{36}$/);

  // Another owner opening the same link sees no payment notice.
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
  try {
    const page2 = await other.newPage();
    await signUpOwner(page2, request);
    await page2.goto(`/account/billing?paid=${paidId}`);
    await expect(page2.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
    await expect(page2.getByText('Payment received')).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('PAY-5 the hosted card page refuses a reference not started from this billing page, and return values never leave the site', async ({ page, request }) => {
  test.slow(); // several sign-ups and sign-ins on a shared, busy test server
  await signUpOwner(page, request);
  await page.goto('/api/processor/card?return=/account/billing/return&reference=forged.1.x');
  await expect(page.getByRole('heading', { level: 1, name: 'This payment page cannot be used' })).toBeVisible();
  await expect(page.getByLabel('Card number')).toHaveCount(0);

  await page.goto('/account/billing');
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page).toHaveURL(/\/api\/processor\/card\?/);
  await checkA11y(page, 'hosted card form');
  const hosted = new URL(page.url());
  const reference = hosted.searchParams.get('reference')!;
  for (const evil of ['//evil.example', '/%09/evil.example', '/%5Cevil.example']) {
    const res = await page.goto(`/api/processor/card?return=${evil}&reference=${encodeURIComponent(reference)}`);
    const cancel = page.getByRole('link', { name: /Cancel|Back to billing/ });
    const href = await cancel.getAttribute('href');
    expect(new URL(href!, page.url()).host, `Cancel for return=${evil} (status ${res?.status()})`).toBe(hosted.host);
  }

  // The genuine page's Cancel goes back to billing.
  await page.goto(hosted.toString());
  await page.getByRole('link', { name: 'Cancel and return to Accountdesk' }).click();
  await expect(page).toHaveURL(/\/account\/billing\?cancelled=1/);
  await expect(page.getByRole('status').filter({ hasText: 'You left the payment page' })).toBeVisible();
  await page.getByRole('button', { name: 'Pay with PayPal' }).or(page.getByRole('link', { name: 'Pay with PayPal' })).first().click();
  await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible();
  await checkA11y(page, 'PayPal sandbox page');
});
