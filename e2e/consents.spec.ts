// GDPR-2, GDPR-8, GDPR-10 in the browser: consents at signup and in the portal, an announcement
// from staff with its one-click unsubscribe, the public unsubscribe form and product news by
// double opt-in.
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { confirmEmail, newOwnerData, type Owner } from './accounts';
import { expect, firstLink, signIn, test, uniqueId, waitForMail, signInAsStaff } from './support';

const MARKETING_CONSENT = 'Yes, send me product news and offers';

/** Signup with the marketing consent ticked (the customer-service one left alone), confirmed and signed in. */
async function signUpConsenting(page: Page, request: APIRequestContext): Promise<Owner> {
  const o = newOwnerData();
  await page.goto('/signup');
  await page.getByLabel('Full name').fill(o.fullName);
  await page.getByLabel('Email').fill(o.email);
  await page.getByLabel('Password').fill(o.password);
  await page.getByLabel('Company name').fill(o.company);
  await page.getByLabel('Account address').fill(o.slug);
  await page.getByLabel('Date of birth').fill('1990-04-12');
  await page.getByLabel('I accept the terms of service').check();
  // GDPR-2: both consents start unticked.
  await expect(page.getByLabel(MARKETING_CONSENT)).not.toBeChecked();
  await expect(page.getByLabel(/our customer team may contact me/)).not.toBeChecked();
  await page.getByLabel(MARKETING_CONSENT).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /check your email/i })).toBeVisible({ timeout: 30_000 });
  await confirmEmail(page, request, o.email);
  await signIn(page, o.email, o.password);
  await expect(page).toHaveURL(/\/account$/);
  return o;
}

async function staffPage(browser: Browser, clientIp: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
  const page = await context.newPage();
  await signInAsStaff(page);
  await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
  return page;
}

/** Staff write, preview and send an announcement; returns once it is sent. */
async function sendAnnouncement(page: Page, subject: string) {
  await page.goto('/staff/announcements');
  await page.getByLabel('Subject (English)').fill(subject);
  await page.getByLabel('Body (English)').fill(`Hello from ${subject}.\n\nA second paragraph.`);
  await page.getByLabel('Subject (Dutch)').fill(`Nieuws ${subject}`);
  await page.getByLabel('Body (Dutch)').fill(`Hallo van ${subject}.\n\nEen tweede alinea.`);
  await page.getByRole('button', { name: 'Preview announcement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(`Subject: Nieuws ${subject}`)).toBeVisible();
  await page.getByRole('button', { name: 'Send announcement' }).click();
  await expect(page.getByText(/^Sent on .* to \d+ recipients?\.$/)).toBeVisible({ timeout: 20_000 });
}

interface RawMail {
  to: string;
  subject: string;
  text: string;
  kind: string;
  headers: Record<string, string>;
}
async function rawOutbox(request: APIRequestContext, to: string): Promise<RawMail[]> {
  const res = await request.get(`/api/test/outbox?to=${encodeURIComponent(to)}`);
  expect(res.ok()).toBeTruthy();
  return res.json();
}

test('GDPR-2 consent given at signup shows in the portal, is withdrawn and given again at once', async ({ page, request }) => {
  test.slow();
  await signUpConsenting(page, request);
  await page.goto('/account/privacy');
  const consents = page.getByRole('table', { name: 'Your consents' });
  const marketing = consents.getByRole('row').filter({ hasText: 'Product news and offers' });
  const service = consents.getByRole('row').filter({ hasText: 'Customer-service contact' });
  await expect(marketing).toContainText('Given');
  await expect(marketing).toContainText('when you signed up');
  await expect(service).toContainText('Not given');
  await marketing.getByRole('button', { name: 'Withdraw consent: Product news and offers' }).click();
  await expect(marketing).toContainText('Not given');
  await expect(marketing).toContainText('on this page');
  await marketing.getByRole('button', { name: 'Give consent: Product news and offers' }).click();
  await expect(marketing.getByRole('button', { name: 'Withdraw consent: Product news and offers' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Request a copy of your data, correction or erasure' })).toHaveAttribute('href', '/privacy/request');
});

test('GDPR-10 GDPR-8 an announcement reaches the consenting owner with one-click unsubscribe headers; after following the link the next one does not', async ({ page, request, browser, clientIp }) => {
  test.slow();
  const owner = await signUpConsenting(page, request);
  const staff = await staffPage(browser, clientIp);
  const first = `Spring news ${uniqueId()}`;
  await sendAnnouncement(staff, first);

  const mail = (await waitForMail(request, owner.email, new RegExp(first))) as unknown as RawMail;
  const [raw] = (await rawOutbox(request, owner.email)).filter((m) => m.subject === first);
  expect(raw.kind).toBe('marketing');
  expect(raw.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  expect(raw.headers['List-Unsubscribe']).toMatch(/^<https?:\/\/[^>]+\/api\/unsubscribe\?token=[^>]+>/);
  const link = mail.text.match(/https?:\/\/\S+\/unsubscribe\?token=\S+/)?.[0];
  expect(link).toBeTruthy();

  // Following the link takes effect at once.
  await page.goto(link!);
  await expect(page.getByText(`Done: ${owner.email} will get no more product news or offers from us.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Subscribe again' })).toBeVisible();
  // The RFC 8058 one-click POST answers 200 without a page (and changes nothing more).
  const oneClick = raw.headers['List-Unsubscribe'].slice(1, -1).replace(/^https?:\/\/[^/]+/, '');
  const posted = await request.post(oneClick, { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(posted.status()).toBe(200);

  await page.goto('/account/privacy');
  await expect(page.getByRole('table', { name: 'Your consents' }).getByRole('row').filter({ hasText: 'Product news and offers' })).toContainText('by unsubscribing');
  await expect(page.getByText(`${owner.email} is unsubscribed from product news since`)).toBeVisible();

  const second = `Summer news ${uniqueId()}`;
  await sendAnnouncement(staff, second);
  const after = await rawOutbox(request, owner.email);
  expect(after.some((m) => m.subject === second)).toBe(false);
});

test('GDPR-10 the public unsubscribe form answers the same for any address', async ({ page }) => {
  await page.goto('/unsubscribe');
  await page.getByLabel('Email').fill(`nobody-${uniqueId()}@example.test`);
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByText("If this address receives our product news, it won't any more.")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Subscribe again' })).toBeVisible();
});

test('GDPR-10 product news by double opt-in from the home page; the link works once', async ({ page, request }) => {
  const email = `news-${uniqueId()}@example.test`;
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Subscribe to product news' }).click();
  await expect(page.getByText(/Unless this address is already subscribed/)).toBeVisible({ timeout: 30_000 });
  const mail = await waitForMail(request, email, /product news subscription/);
  const link = firstLink(mail);
  expect(link).toContain('/news/confirm?token=');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'You are subscribed' })).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();
});
