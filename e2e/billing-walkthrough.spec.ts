// The whole billing story as one owner lives it: signup → trial banner → card → invoice email and
// PDF → billing details and VAT number → correction → credit note and new invoice.
import { signUpOwner } from './accounts';
import { addCard } from './billing';
import { expect, firstLink, test, uniqueId, waitForMail } from './support';

test('PAY-3 INV-6 walk-through: trial, first payment, invoice PDF, billing details with a VAT number, correction', async ({ page, request }) => {
  const owner = await signUpOwner(page, request);
  await expect(page.getByTestId('billing-banner')).toContainText('14 days left in your free trial');

  // The first period is charged at once; the invoice is announced by email.
  await page.getByRole('link', { name: 'Add a payment method' }).click();
  await expect(page).toHaveURL(/\/account\/billing$/);
  await addCard(page);
  const paid = page.getByRole('status').filter({ hasText: 'Payment received' });
  const original = (await paid.textContent())!.match(/INV-\d{4}-\d{6}/)![0];
  const mail = await waitForMail(request, owner.email, new RegExp(`Payment received: €18\\.45 for invoice ${original}`));
  expect(mail.text).toContain('Visa ending in 4242');

  // The PDF, from the link in the email's page.
  await page.goto(firstLink(mail).replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  const row = (n: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: n, exact: true }) });
  await expect(row(original)).toContainText('Paid');
  const pdf = await page.request.get((await row(original).getByRole('link', { name: `Download ${original} as PDF` }).getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // New billing details (a German business) and its VAT number.
  const invoiceEmail = `accounts-${uniqueId()}@example.test`;
  await page.goto('/account/billing');
  await page.getByLabel('Name', { exact: true }).fill('Klaus Berger');
  await page.getByLabel('Company', { exact: true }).fill('Berger Software GmbH');
  await page.getByLabel('Street').fill('Hauptstraße 5');
  await page.getByLabel('City').fill('Berlin');
  await page.getByLabel('Postal code').fill('10115');
  await page.getByLabel('Province or region').fill('Berlin');
  await page.getByLabel('Country').selectOption('DE');
  await page.getByLabel('Invoice email').fill(invoiceEmail);
  await page.getByRole('button', { name: 'Save billing details' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Billing details saved' })).toBeVisible();
  await page.getByLabel('VAT number').fill('DE136695976');
  await page.getByRole('button', { name: 'Save VAT number' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'VAT number DE136695976 saved' })).toBeVisible();

  // The correction: a credit note and a new invoice, same amounts and the same (Slovak) VAT.
  await page.goto('/account/invoices');
  await page.getByRole('button', { name: 'Request correction' }).click();
  const done = page.getByRole('status').filter({ hasText: /CN-\d{4}-\d{6}/ });
  await expect(done).toBeVisible();
  const creditNote = (await done.textContent())!.match(/CN-\d{4}-\d{6}/)![0];
  const replacement = (await done.textContent())!.match(/INV-\d{4}-\d{6}/g)!.find((n) => n !== original)!;
  await page.reload();
  await expect(row(creditNote)).toContainText('Credit note');
  await expect(row(creditNote)).toContainText('€18.45');
  await expect(row(replacement)).toContainText('€18.45');
  await expect(row(replacement)).toContainText('Paid');
  await expect(row(original)).toContainText('Cancelled');
  await waitForMail(request, invoiceEmail, new RegExp(creditNote));
  await waitForMail(request, invoiceEmail, new RegExp(replacement));

  await row(replacement).getByRole('link', { name: replacement, exact: true }).click();
  await expect(page.locator('main')).toContainText('Berger Software GmbH');
  await expect(page.locator('main')).toContainText('23');
  await expect(page.locator('main')).not.toContainText('Reverse charge');
});
