// INV-2/INV-4: Greece is billed as an EU member state whether its code reads GR (ISO, the country
// select) or EL (its VAT prefix).
import { signUpOwner } from './accounts';
import { addCard } from './billing';
import { expect, test } from './support';

test('INV-4 a Greek business saves its VAT number with the GR or EL prefix; INV-2 its invoice is reverse-charged, not "outside the EU"', async ({ page, request }) => {
  await signUpOwner(page, request);
  await page.goto('/account/billing');
  await page.getByLabel('Name').fill('Eleni Papadopoulou');
  await page.getByLabel('Company', { exact: true }).fill('Olive Desk A.E.');
  await page.getByLabel('Street').fill('Ermou 12');
  await page.getByLabel('City').fill('Athens');
  await page.getByLabel('Postal code').fill('105 63');
  await page.getByLabel('Country').selectOption({ label: 'Greece' });
  await page.getByLabel('Invoice email').fill('accounts@olivedesk.example');
  await page.getByRole('button', { name: 'Save billing details' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Billing details saved' })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Country')).toHaveValue('GR');
  // The ISO prefix is accepted and stored as the VAT prefix.
  await page.getByLabel('VAT number').fill('GR 094 259 216');
  await page.getByRole('button', { name: 'Save VAT number' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'VAT number EL094259216 saved' })).toBeVisible();
  await page.getByLabel('VAT number').fill('EL094259217');
  await page.getByRole('button', { name: 'Save VAT number' }).click();
  await expect(page.getByLabel('VAT number')).toHaveAccessibleDescription(/fails its check digit/);

  await page.reload();
  await expect(page.getByLabel('VAT number')).toHaveValue('EL094259216');
  await addCard(page);
  await page.goto('/account/invoices');
  await page.getByRole('table', { name: /Invoices and credit notes/ }).getByRole('link', { name: /^INV-/ }).first().click();
  const vat = page.getByRole('table', { name: /^VAT of INV-/ });
  await expect(vat).toContainText('0 %');
  await expect(vat).toContainText('Reverse charge');
  await expect(vat).not.toContainText('Outside the EU');
});
