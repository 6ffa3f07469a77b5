// CUS-1..CUS-5 in the browser: an owner asks for a custom service, staff review it and send a
// proposal (with the IP clause), the owner approves it by typing their name, staff start and
// deliver the work, and the invoice at the agreed price is issued and charged to the owner's card.
// Also: a refusal whose reason is emailed, and a request and approval that both came by email.
import type { Browser, Locator, Page } from '@playwright/test';
import { signUpOwner, type Owner } from './accounts';
import { addCard } from './billing';
import { expect, firstLink, STAFF, test, uniqueId, waitForMail, signInAsStaff } from './support';

/** A Bratislava wall-clock time as a datetime-local value, `minutesAgo` before now. */
function bratislavaLocal(minutesAgo = 0): string {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Bratislava', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(Date.now() - minutesAgo * 60_000),
  );
  return parts.replace(' ', 'T');
}

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function staffPage(browser: Browser, clientIp: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': clientIp } });
  const page = await context.newPage();
  await signInAsStaff(page);
  await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
  return page;
}

/** The owner asks in the portal; returns the request's reference and its portal path. */
async function requestService(page: Page, need: string): Promise<{ reference: string; path: string; id: string }> {
  await page.goto('/account/custom-services');
  await page.getByLabel('What do you need?').fill(need);
  await page.getByLabel('Wanted by').fill(inDays(40));
  await page.getByLabel('Budget (EUR)').fill('1500');
  await page.getByRole('button', { name: 'Request service' }).click();
  const sent = page.getByRole('status').filter({ hasText: /Request CS-\d{4}-\d{6} sent/ });
  await expect(sent).toBeVisible({ timeout: 20_000 });
  const reference = (await sent.textContent())!.match(/CS-\d{4}-\d{6}/)![0];
  const link = page.getByRole('table', { name: 'Your custom-service requests' }).getByRole('link', { name: `View request ${reference}` });
  await expect(link).toBeVisible();
  const path = (await link.getAttribute('href'))!;
  return { reference, path, id: path.split('/').pop()! };
}

/** Presses a status button; the page shows the request's new state at once (the button's own note may vanish with it). */
async function press(page: Page, button: string, then: (page: Page) => Locator) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(then(page)).toBeVisible({ timeout: 30_000 });
}

const badge = (status: string) => (page: Page) => page.getByText(status, { exact: true }).first();

async function sendProposal(staff: Page, id: string) {
  await staff.goto(`/staff/custom-services/${id}`);
  await press(staff, 'Start review', (p) => p.getByLabel('Requirements'));
  await staff.getByLabel('Requirements').fill('Push every closed ticket to the ERP within an hour.');
  await staff.getByLabel('Specification').fill('A scheduled connector calling the ERP REST API, with retries and an error report by email.');
  await staff.getByLabel('Price (EUR)').fill('1200');
  await staff.getByLabel('Expected delivery').fill(inDays(30));
  // CUS-3: the clause is shown with the proposal form.
  await expect(staff.getByText(/may reuse these results/)).toBeVisible();
  await staff.getByRole('button', { name: 'Send proposal' }).click();
  await expect(staff.getByRole('button', { name: 'Record approval' })).toBeVisible({ timeout: 30_000 });
}

test('CUS-1 CUS-3 CUS-4 CUS-5 an owner requests a custom service, staff propose, the owner approves, staff deliver, and the invoice is issued and charged', async ({ page, request, browser, clientIp }) => {
  test.setTimeout(240_000);
  const owner: Owner = await signUpOwner(page, request);
  await addCard(page);
  const { reference, path, id } = await requestService(page, 'We need our closed tickets pushed to our ERP automatically.');
  await waitForMail(request, owner.email, new RegExp(`received your custom-service request ${reference}`));

  const staff = await staffPage(browser, clientIp);
  await staff.goto('/staff/custom-services?status=requested');
  await expect(staff.getByRole('link', { name: reference })).toBeVisible();
  await sendProposal(staff, id);

  // CUS-3: the proposal email carries the terms, the IP clause and the link to approve.
  const proposal = await waitForMail(request, owner.email, new RegExp(`Our proposal for your request ${reference}`));
  expect(proposal.text).toContain('Intellectual property');
  expect(proposal.text).toContain('€1,200.00');
  expect(firstLink(proposal)).toContain(path);

  // CUS-4: the owner reads the whole agreement and approves it with their full name.
  await page.goto(path);
  await expect(page.getByText(/may reuse these results, in whole or in part, for its other customers/)).toBeVisible();
  await page.getByLabel('Type your full name to approve').fill('Someone Else');
  await page.getByRole('button', { name: 'Approve agreement' }).click();
  await expect(page.getByText("This does not match the account owner's full name.").first()).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('Type your full name to approve').fill(`  ${owner.fullName.toUpperCase()} `);
  await page.getByRole('button', { name: 'Approve agreement' }).click();
  await expect(page.getByRole('heading', { name: 'Approved agreement' })).toBeVisible({ timeout: 20_000 });
  const ownerCopy = await waitForMail(request, owner.email, new RegExp(`Agreement ${reference} approved`));
  expect(ownerCopy.text).toContain('A scheduled connector calling the ERP REST API');
  const staffCopy = await waitForMail(request, STAFF.email, new RegExp(`Agreement ${reference} approved by the customer`));
  expect(staffCopy.text).toContain('€1,200.00');
  await page.reload();
  await expect(page.getByLabel('Type your full name to approve')).toHaveCount(0);

  // CUS-5: staff start and deliver; the invoice at the agreed price is issued and charged.
  await staff.goto(`/staff/custom-services/${id}`);
  await expect(staff.getByRole('heading', { name: 'Approved agreement (frozen)' })).toBeVisible();
  await expect(staff.getByRole('button', { name: 'Send proposal' })).toHaveCount(0);
  await press(staff, 'Start work', (p) => p.getByRole('button', { name: 'Mark delivered' }));
  await press(staff, 'Mark delivered', badge('Delivered'));
  const delivered = await waitForMail(request, owner.email, new RegExp(`custom service ${reference} is delivered`));
  const invoiceNumber = delivered.text.match(/Invoice (\S+) for/)![1];
  await waitForMail(request, owner.email, new RegExp(`Payment received: .* for invoice ${invoiceNumber}`));

  await page.goto('/account/invoices');
  await expect(page.getByRole('cell', { name: invoiceNumber }).or(page.getByRole('link', { name: invoiceNumber })).first()).toBeVisible();
  await page.goto(path);
  await expect(page.getByText('Delivered', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: invoiceNumber })).toBeVisible();
});

test('CUS-2 staff refuse a request with a reason, and the reason is emailed to the owner', async ({ page, request, browser, clientIp }) => {
  test.setTimeout(180_000);
  const owner = await signUpOwner(page, request);
  const { reference, id, path } = await requestService(page, 'Please translate our whole knowledge base into Klingon.');
  const staff = await staffPage(browser, clientIp);
  await staff.goto(`/staff/custom-services/${id}`);
  await staff.getByRole('button', { name: 'Refuse', exact: true }).click();
  await expect(staff.getByText(/Give a reason of at least 5 characters/).first()).toBeVisible();
  await staff.getByLabel('Reason').fill('We do not offer translation services.');
  await staff.getByRole('button', { name: 'Refuse', exact: true }).click();
  await expect(badge('Refused')(staff)).toBeVisible({ timeout: 30_000 });
  const mail = await waitForMail(request, owner.email, new RegExp(`request ${reference} was declined`));
  expect(mail.text).toContain('Our reason: We do not offer translation services.');
  await page.goto(path);
  await expect(page.getByText('Refused', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('We do not offer translation services.')).toBeVisible();
});

test('CUS-1 CUS-4 staff log a request that came by email and record the approving email', async ({ page, request, browser, clientIp }) => {
  test.setTimeout(180_000);
  const owner = await signUpOwner(page, request, { company: `Mailco ${uniqueId()}` });
  const staff = await staffPage(browser, clientIp);
  await staff.goto(`/staff/accounts?q=${encodeURIComponent(owner.slug)}`);
  await staff.getByRole('link', { name: new RegExp(owner.slug) }).first().click();
  await expect(staff).toHaveURL(/\/staff\/accounts\/[0-9a-f-]{36}$/);
  const card = staff.locator('section').filter({ has: staff.getByRole('heading', { name: 'Log a custom-service request received by email' }) });
  await card.getByLabel("Customer's email").fill('Hello, could you build a weekly SLA report for our team leads? Thanks, Jana');
  await card.getByLabel('Received at').fill(bratislavaLocal(60));
  await card.getByRole('button', { name: 'Log request' }).click();
  const logged = card.getByRole('status').filter({ hasText: /Request CS-\d{4}-\d{6} logged/ });
  await expect(logged).toBeVisible({ timeout: 30_000 });
  const reference = (await logged.textContent())!.match(/CS-\d{4}-\d{6}/)![0];

  await staff.goto(`/staff/custom-services?q=${encodeURIComponent(reference)}`);
  await staff.getByRole('link', { name: reference }).click();
  await expect(staff.getByText('Email as received')).toBeVisible();
  const id = staff.url().split('/').pop()!;
  await sendProposal(staff, id);
  await staff.getByLabel('Approved by (name)').fill(owner.fullName);
  await staff.getByLabel('Approving email').fill('Yes, we approve the proposal as sent. Jana');
  await staff.getByLabel('Received at').fill(bratislavaLocal(0));
  await staff.getByRole('button', { name: 'Record approval' }).click();
  await expect(staff.getByRole('heading', { name: 'Approved agreement (frozen)' })).toBeVisible({ timeout: 30_000 });
  await waitForMail(request, owner.email, new RegExp(`Agreement ${reference} approved`));
  await staff.reload();
  await expect(staff.getByText('Yes, we approve the proposal as sent. Jana')).toBeVisible();

  // The owner sees the emailed request as their email, and the agreement approved by email.
  await page.goto('/account/custom-services');
  await page.getByRole('link', { name: `View request ${reference}` }).click();
  await expect(page.getByText(/Approved by .* \(by email\)/)).toBeVisible();
});
