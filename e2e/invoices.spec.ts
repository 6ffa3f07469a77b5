// INV-5 (owners list and download their invoices and credit notes; staff see all of them) and
// INV-6 (correcting the latest invoice within 15 days). The first invoice comes from adding a card.
import { readFile } from 'node:fs/promises';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { signUpOwner } from './accounts';
import { addCard } from './billing';
import { expect, setClock, test, uniqueId, waitForMail, signInAsStaff } from './support';

const INVOICE_NUMBER = /INV-\d{4}-\d{6}/;
const CREDIT_NOTE_NUMBER = /CN-\d{4}-\d{6}/;
const DATE = /\d{1,2} [A-Z][a-z]{2} \d{4}/;

async function newBrowserPage(browser: Browser, testInfo: TestInfo, clientIp: string): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
  return ctx.newPage();
}

/** The only invoice row of a freshly paid account: its number, detail page and PDF URL. */
async function firstInvoice(page: Page): Promise<{ number: string; detailUrl: string; pdfUrl: string }> {
  await page.goto('/account/invoices');
  const row = page.getByRole('row').filter({ hasText: INVOICE_NUMBER });
  await expect(row).toHaveCount(1);
  const number = (await row.getByRole('link', { name: /^INV-\d{4}-\d{6}$/ }).textContent())!.trim();
  const detailUrl = (await row.getByRole('link', { name: number, exact: true }).getAttribute('href'))!;
  const pdfUrl = (await row.getByRole('link', { name: `Download ${number} as PDF` }).getAttribute('href'))!;
  return { number, detailUrl, pdfUrl };
}

async function saveBillingDetails(page: Page, d: { name: string; company: string; invoiceEmail: string }) {
  await page.goto('/account/billing');
  await page.getByLabel('Name', { exact: true }).fill(d.name);
  await page.getByLabel('Company', { exact: true }).fill(d.company);
  await page.getByLabel('Street', { exact: true }).fill('Hauptstraße 5');
  await page.getByLabel('City', { exact: true }).fill('Berlin');
  await page.getByLabel('Postal code', { exact: true }).fill('10115');
  await page.getByLabel('Province or region', { exact: true }).fill('Berlin');
  await page.getByLabel('Country', { exact: true }).selectOption('DE');
  await page.getByLabel('Invoice email', { exact: true }).fill(d.invoiceEmail);
  await page.getByRole('button', { name: 'Save billing details' }).click();
  await expect(page.getByRole('status').filter({ hasText: /billing details saved/i })).toBeVisible();
}

test('INV-5 an owner lists invoices and downloads a PDF', async ({ page, request }) => {
  const o = await signUpOwner(page, request);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  await expect(page.getByText('No invoices yet — your first invoice is issued when you add a payment method.')).toBeVisible();

  await addCard(page);
  await page.goto('/account/invoices');
  for (const header of ['Number', 'Type', 'Issued', 'Period', 'Total', 'Status']) {
    await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  const row = page.getByRole('row').filter({ hasText: INVOICE_NUMBER });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Invoice');
  await expect(row).toContainText('Paid');
  await expect(row).toContainText(/€\d+\.\d{2}/);
  const { number } = await firstInvoice(page);

  // The PDF downloads under the invoice's number.
  const downloading = page.waitForEvent('download');
  await row.getByRole('link', { name: `Download ${number} as PDF` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const res = await page.request.get((await row.getByRole('link', { name: `Download ${number} as PDF` }).getAttribute('href'))!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  expect(res.headers()['content-disposition']).toBe(`attachment; filename="${number}.pdf"`);
  expect(res.headers()['cache-control']).toMatch(/private/);
  expect(res.headers()['cache-control']).toMatch(/no-store/);

  // The detail page: the number as heading, buyer as at issue, lines, VAT and totals.
  await row.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: number })).toBeVisible();
  await expect(page.locator('section').filter({ has: page.getByRole('heading', { name: 'Bill to' }) })).toContainText(o.company);
  await expect(page.getByRole('table', { name: `Items of ${number}` })).toBeVisible();
  await expect(page.getByRole('table', { name: `VAT of ${number}` })).toContainText('%');
  await expect(page.getByText('Paid', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: `Download ${number} as PDF` })).toBeVisible();
});

test("INV-5 another owner's invoice PDF answers 404", async ({ page, request, browser, clientIp }, testInfo) => {
  await signUpOwner(page, request);
  await addCard(page);
  const { number, detailUrl, pdfUrl } = await firstInvoice(page);
  expect((await page.request.get(pdfUrl)).status()).toBe(200);

  const other = await newBrowserPage(browser, testInfo, clientIp);
  const staff = await newBrowserPage(browser, testInfo, clientIp);
  try {
    // Another owner: neither the PDF nor the detail page exists for them.
    await signUpOwner(other, request);
    const refused = await other.request.get(pdfUrl);
    expect(refused.status()).toBe(404);
    expect(refused.headers()['content-type']).not.toMatch(/pdf/);
    expect((await other.goto(detailUrl))!.status()).toBe(404);
    await expect(other.locator('body')).not.toContainText(number);

    // Signed out: the same 404.
    expect((await request.get(pdfUrl)).status()).toBe(404);

    // Staff see every account's documents.
    await signInAsStaff(staff);
    await expect(staff).toHaveURL(/\/staff$/);
    const res = await staff.request.get(pdfUrl);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  } finally {
    await other.context().close();
    await staff.context().close();
  }
});

test('INV-6 a correction within 15 days issues a credit note and a new invoice', async ({ page, request }) => {
  await signUpOwner(page, request);
  await addCard(page);
  const { number: original } = await firstInvoice(page);
  const invoiceEmail = `billing-${uniqueId()}@example.test`;
  const company = `Berger ${uniqueId()} GmbH`;
  await saveBillingDetails(page, { name: 'Klaus Berger', company, invoiceEmail });

  await page.goto('/account/invoices');
  await expect(page.getByText(/You can ask for the latest invoice to show your current billing details until/)).toContainText(DATE);
  await page.getByRole('button', { name: 'Request correction' }).click();
  const done = page.getByRole('status').filter({ hasText: CREDIT_NOTE_NUMBER });
  await expect(done).toBeVisible();
  const creditNote = (await done.textContent())!.match(CREDIT_NOTE_NUMBER)![0];
  const replacement = (await done.textContent())!.match(INVOICE_NUMBER)![0];
  expect(replacement).not.toBe(original);
  await expect(done).toContainText(invoiceEmail);

  // The list: the credit note, the replacement (paid by the original payment) and the cancelled original.
  const rowOf = (n: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: n, exact: true }) });
  await expect(rowOf(creditNote)).toContainText('Credit note');
  await expect(rowOf(creditNote)).toContainText('−€');
  await expect(rowOf(replacement)).toContainText('Paid');
  await expect(rowOf(original)).toContainText('Cancelled');
  await expect(page.getByRole('row').filter({ hasText: /(INV|CN)-\d{4}-\d{6}/ })).toHaveCount(3);

  // Both documents are emailed to the invoice email.
  const cnMail = await waitForMail(request, invoiceEmail, new RegExp(`^Credit note ${creditNote}`));
  expect(cnMail.text).toContain(original);
  const invMail = await waitForMail(request, invoiceEmail, new RegExp(`^Corrected invoice ${replacement}`));
  expect(invMail.text).toContain(original);

  // The documents link to each other, and the new invoice shows the new details.
  await rowOf(original).getByRole('link', { name: original, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: original })).toBeVisible();
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: replacement, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: replacement })).toBeVisible();
  await expect(page.locator('main')).toContainText(company);
  await expect(page.getByText(`Replaces invoice ${original}.`, { exact: true })).toBeVisible();
  await page.goto('/account/invoices');
  await rowOf(creditNote).getByRole('link', { name: creditNote, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: creditNote })).toBeVisible();
  await expect(page.getByText(`Cancels invoice ${original}.`, { exact: true })).toBeVisible();
});

test('INV-6 a correction after 15 days is refused with the date of the next invoice', async ({ page, request }) => {
  await signUpOwner(page, request);
  await addCard(page);
  await saveBillingDetails(page, { name: 'Klaus Berger', company: `Berger ${uniqueId()} GmbH`, invoiceEmail: `billing-${uniqueId()}@example.test` });
  const { number } = await firstInvoice(page);
  // The next invoice is due when the paid period ends.
  const period = (await page.getByRole('row').filter({ hasText: number }).getByRole('cell').nth(3).textContent())!;
  const nextInvoice = period.split('–')[1].trim();
  expect(nextInvoice).toMatch(DATE);
  await expect(page.getByRole('button', { name: 'Request correction' })).toBeVisible();

  try {
    // 16 days (and a few hours, so no daylight-saving change can make it 15 calendar days) later.
    await setClock(request, new Date(Date.now() + 16 * 86_400_000 + 3 * 3_600_000).toISOString());
    // The page opened before the deadline: the server refuses.
    await page.getByRole('button', { name: 'Request correction' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'can no longer be corrected' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(`Invoice ${number}`);
    await expect(alert).toContainText(`Your next invoice, on ${nextInvoice}, will show your new details.`);

    // Opened now, the page says so up front; asking anyway gets the same answer.
    await page.reload();
    await expect(page.getByText(`Invoice ${number} can no longer be corrected`).first()).toContainText(`Your next invoice, on ${nextInvoice}`);
    await page.getByRole('button', { name: 'Request correction' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'can no longer be corrected' })).toContainText(nextInvoice);
    await expect(page.getByRole('row').filter({ hasText: CREDIT_NOTE_NUMBER })).toHaveCount(0);
  } finally {
    await setClock(request, null);
  }
});
