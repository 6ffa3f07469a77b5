// GDPR-7 end to end: an owner asks for erasure on the public form, confirms it by email, staff
// complete it, and the personal data is gone while the invoices remain with their buyer
// snapshot; the reply to the owner lists what was kept and why.
// Depends on /privacy/request and /staff/gdpr (built in another branch) with completion wired
// to lib/privacy/erasure.ts eraseSubject; it cannot pass before those are merged.
import type { Browser, Page, TestInfo } from '@playwright/test';
import { signUpOwner } from './accounts';
import { addCard } from './billing';
import { expect, firstLink, outbox, signIn, test, waitForMail, signInAsStaff } from './support';

const INVOICE_NUMBER = /INV-\d{4}-\d{6}/;

async function newBrowserPage(browser: Browser, testInfo: TestInfo, clientIp: string): Promise<Page> {
  const ctx = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
  return ctx.newPage();
}

test('GDPR-7 an owner\'s erasure request completed by staff removes their personal data while invoices remain with the buyer snapshot, and the reply lists what was kept', async ({ page, request, browser, clientIp }, testInfo) => {
  const o = await signUpOwner(page, request);
  await addCard(page);
  await page.goto('/account/invoices');
  const invoiceNumber = (await page.getByRole('link', { name: /^INV-\d{4}-\d{6}$/ }).first().textContent())!.trim();
  expect(invoiceNumber).toMatch(INVOICE_NUMBER);

  // The owner files the request on the public form and confirms it from the email.
  await page.goto('/privacy/request');
  // The option's value is the request type code (matches by value or by label).
  await page.getByLabel('Request type').selectOption('erasure');
  await page.getByLabel('Full name').fill(o.fullName);
  await page.getByLabel('Email').fill(o.email);
  await page.getByLabel('Details').fill('Please erase everything you hold about me.');
  await page.getByRole('button', { name: 'Send request' }).click();
  const confirmation = await waitForMail(request, o.email, /confirm your privacy request/i);
  await page.goto(firstLink(confirmation));
  await waitForMail(request, o.email, /received your privacy request/i);

  // Staff find the request in the queue and complete it.
  const staff = await newBrowserPage(browser, testInfo, clientIp);
  await signInAsStaff(staff);
  await expect(staff).toHaveURL(/\/staff$/, { timeout: 30_000 });
  await staff.goto('/staff/gdpr');
  const row = staff.getByRole('row').filter({ hasText: o.email });
  await expect(row).toHaveCount(1);
  await row.getByRole('link').first().click();
  await expect(staff).toHaveURL(/\/staff\/gdpr\/[0-9a-f-]{36}$/);
  await staff.getByRole('button', { name: 'Mark completed' }).click();
  await expect(staff.getByText('Completed; the requester was emailed.')).toBeVisible({ timeout: 20_000 });

  // The reply lists what was kept and why: the invoices, for 10 years.
  let reply: { text: string } | undefined;
  await expect
    .poll(async () => {
      reply = (await outbox(request, o.email)).find((m) => /10 years/.test(m.text) && /invoice/i.test(m.text));
      return !!reply;
    })
    .toBe(true);
  expect(reply!.text).toMatch(/what we keep/i);

  // The person can no longer sign in: their login is gone.
  await page.context().clearCookies();
  await signIn(page, o.email, o.password);
  await expect(page).not.toHaveURL(/\/account$/);

  // Staff still see the account (stopped) and its invoice with the buyer's snapshot, but not the person.
  await staff.goto(`/staff/accounts?q=${encodeURIComponent(o.slug)}`);
  await staff.getByRole('link', { name: new RegExp(o.slug) }).first().click();
  await expect(staff.getByText(/stopped/i).first()).toBeVisible();
  await expect(staff.getByText(invoiceNumber).first()).toBeVisible();
  await expect(staff.getByText(o.email)).toHaveCount(0);
  await staff.context().close();
});
