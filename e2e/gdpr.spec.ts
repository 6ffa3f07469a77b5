// GDPR-3..6: privacy requests from the public form to the staff queue.
import { readFile } from 'node:fs/promises';
import { signUpOwner } from './accounts';
import { fileAndConfirmRequest, openInQueue } from './gdpr';
import { expect, firstLink, outbox, setClock, test, waitForMail, signInAsStaff } from './support';

test.afterEach(async ({ request }) => {
  await setClock(request, null);
});

async function staffPage(browser: import('@playwright/test').Browser, baseURL: string | undefined, clientIp: string) {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
  const page = await context.newPage();
  await signInAsStaff(page);
  await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
  return { context, page };
}

test('GDPR-3 GDPR-4 GDPR-5 GDPR-6 a visitor files an access request, confirms by email, staff assign it, export JSON and complete it', async ({ page, request, browser, baseURL, clientIp }) => {
  test.setTimeout(120_000);
  const filed = await fileAndConfirmRequest(page, request, 'access');
  // GDPR-4: the link works once.
  const confirmMail = await waitForMail(request, filed.email, /confirm your privacy request/i);
  await page.goto(firstLink(confirmMail));
  await expect(page.getByRole('heading', { level: 1, name: /already been used/i })).toBeVisible();
  // The acknowledgement names the reference and the due date.
  const ack = await waitForMail(request, filed.email, new RegExp(`received your privacy request ${filed.reference}`));
  expect(ack.text).toMatch(/answer by \d{1,2} [A-Z][a-z]{2} \d{4}/);

  const staff = await staffPage(browser, baseURL, clientIp);
  const s = staff.page;
  // The dashboard counts it among the open requests.
  await expect(s.getByRole('heading', { name: 'Privacy requests' })).toBeVisible();
  await openInQueue(s, filed.reference);
  await expect(s.getByText(/given by the requester/i)).toBeVisible();
  await expect(s.getByText(filed.email)).toBeVisible();

  await s.getByLabel('Assign to').selectOption({ index: 1 });
  await s.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(s.getByText('Assigned.')).toBeVisible();
  await s.getByRole('textbox', { name: 'Note' }).fill('Identity checked against the signup email.');
  await s.getByRole('button', { name: 'Add note' }).click();
  await expect(s.getByText('Note added.')).toBeVisible();
  await s.getByRole('button', { name: 'Mark verified' }).click();
  await expect(s.getByRole('button', { name: 'Start work' })).toBeVisible();
  await s.getByRole('button', { name: 'Start work' }).click();
  await expect(s.getByRole('button', { name: 'Mark completed' })).toBeVisible();
  await s.getByRole('button', { name: 'Mark completed' }).click();
  await expect(s.getByText('Completed; the requester was emailed.')).toBeVisible();
  const done = await waitForMail(request, filed.email, new RegExp(`${filed.reference} is complete`));
  expect(done.text).toMatch(/JSON/);
  // The history lists every step.
  const history = s.getByRole('region', { name: 'Status history' });
  for (const step of ['Waiting for email confirmation → Received', 'Received → Verified', 'Verified → In progress', 'In progress → Completed', 'Note']) {
    await expect(history.getByText(step, { exact: false }).first()).toBeVisible();
  }

  // GDPR-6: the export (its route is another branch's; this step passes once it is merged).
  const download = s.waitForEvent('download', { timeout: 15_000 });
  await s.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  const json = JSON.parse(await readFile((await file.path())!, 'utf8'));
  expect(JSON.stringify(json)).toContain(filed.email);
  await staff.context.close();
});

test('GDPR-5 staff refuse a request with a reason; the requester receives the reason by email', async ({ page, request, browser, baseURL, clientIp }) => {
  const filed = await fileAndConfirmRequest(page, request, 'rectification');
  const staff = await staffPage(browser, baseURL, clientIp);
  await openInQueue(staff.page, filed.reference);
  await staff.page.getByLabel('Reason').fill('We could not match this address to any account or contact we hold.');
  await staff.page.getByRole('button', { name: 'Refuse' }).click();
  await expect(staff.page.getByText('Refused; the requester was told why.')).toBeVisible();
  const mail = await waitForMail(request, filed.email, new RegExp(`${filed.reference} was refused`));
  expect(mail.text).toContain('We could not match this address to any account or contact we hold.');
  await staff.page.reload();
  await expect(staff.page.getByText('This request is closed.')).toBeVisible();
  await staff.context.close();
});

test('GDPR-5 staff extend the deadline with a reason; the requester is emailed the new due date and the reason', async ({ page, request, browser, baseURL, clientIp }) => {
  const filed = await fileAndConfirmRequest(page, request, 'portability');
  const staff = await staffPage(browser, baseURL, clientIp);
  await openInQueue(staff.page, filed.reference);
  await staff.page.getByLabel('Extension').selectOption('2');
  await staff.page.getByLabel('Reason').fill('Your data sits in several archived systems.');
  await staff.page.getByRole('button', { name: 'Extend deadline' }).click();
  await expect(staff.page.getByText('Deadline extended; the requester was told.')).toBeVisible();
  const mail = await waitForMail(request, filed.email, new RegExp(`More time needed for your privacy request ${filed.reference}`));
  expect(mail.text).toContain('Your data sits in several archived systems.');
  expect(mail.text).toMatch(/2 more months/);
  // Two months used: no further extension is offered.
  await staff.page.reload();
  await expect(staff.page.getByRole('button', { name: 'Extend deadline' })).toHaveCount(0);
  expect((await outbox(request, filed.email)).length).toBe(3);
  await staff.context.close();
});

test('GDPR-5 the overdue filter shows a request once its month has passed (test clock)', async ({ page, request, browser, baseURL, clientIp }) => {
  const filed = await fileAndConfirmRequest(page, request, 'information');
  // Staff sign in after the clock moved (a session lasts 30 days).
  await setClock(request, new Date(Date.now() + 33 * 86_400_000).toISOString());
  const staff = await staffPage(browser, baseURL, clientIp);
  await staff.page.goto('/staff/gdpr');
  await staff.page.getByLabel('Overdue').selectOption('yes');
  await staff.page.getByRole('button', { name: 'Search' }).click();
  await expect(staff.page).toHaveURL(/overdue=yes/);
  const row = staff.page.getByRole('row').filter({ has: staff.page.getByRole('link', { name: filed.reference }) });
  await expect(row).toBeVisible();
  await expect(row.getByText('Overdue')).toBeVisible();
  await staff.page.goto('/staff');
  await expect(staff.page.getByRole('link', { name: /Due first: PR-/ })).toBeVisible();

  // Back to today: the same request is not overdue, and the filter leaves it out.
  await setClock(request, null);
  await staff.page.goto('/staff/gdpr?overdue=yes');
  await expect(staff.page.getByRole('link', { name: filed.reference })).toHaveCount(0);
  await staff.context.close();
});

test('GDPR-3 a consent withdrawal asks for the company, subject, controller, written request and a typed signature, and staff see them', async ({ page, request, browser, baseURL, clientIp }) => {
  await page.goto('/privacy/request');
  await expect(page.getByLabel('Company')).toHaveCount(0);
  await page.getByLabel('Request type').selectOption('consent_withdrawal');
  await expect(page.getByText(/typed name together with the ticked box counts as your signature/i)).toBeVisible();
  await page.getByLabel('Full name').fill('Eva Horvathova');
  await page.getByLabel('Email').fill(`withdraw-${Date.now()}@example.test`);
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByText('Enter the company name.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Tick the box to sign your request.')).toBeVisible();

  const filed = await fileAndConfirmRequest(page, request, 'consent_withdrawal');
  const staff = await staffPage(browser, baseURL, clientIp);
  await openInQueue(staff.page, filed.reference);
  await expect(staff.page.getByText('Product news and offers by email')).toBeVisible();
  await expect(staff.page.getByText('Horvath Consulting')).toBeVisible();
  await staff.context.close();
});

test('GDPR-3 GDPR-4 a signed-in owner finds their name and email filled in, and the request still waits for the emailed confirmation', async ({ page, request }) => {
  const owner = await signUpOwner(page, request);
  await page.goto('/privacy/request');
  await expect(page.getByLabel('Full name')).toHaveValue(owner.fullName);
  await expect(page.getByLabel('Email')).toHaveValue(owner.email);
  await page.getByLabel('Request type').selectOption('objection');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /check your email/i })).toBeVisible({ timeout: 30_000 });
  const mail = await waitForMail(request, owner.email, /confirm your privacy request/i);
  await page.goto(firstLink(mail));
  await expect(page.getByRole('heading', { level: 1, name: /your request has been received/i })).toBeVisible();
});
