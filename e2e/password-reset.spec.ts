// ACC-9: "Forgot password?" → emailed one-time link valid for one hour → "Set new password".
import type { APIRequestContext, Browser, Page, TestInfo } from '@playwright/test';
import { signUpOwner } from './accounts';
import { expect, firstLink, outbox, PASSWORD, setClock, signIn, test, waitForMail } from './support';

const NEW_PASSWORD = 'a fresh password for 2027';
const NEUTRAL = /if that email address belongs to an accountdesk login, a link to choose a new password is on its way/i;

async function askForLink(page: Page, email: string) {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole('heading', { level: 1, name: /forgot your password/i })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status').filter({ hasText: NEUTRAL })).toBeVisible();
}

async function resetLink(request: APIRequestContext, email: string): Promise<string> {
  const mail = await waitForMail(request, email, /choose a new accountdesk password/i);
  const link = firstLink(mail);
  expect(link).toMatch(/\/reset-password\?token=[\w-]+$/);
  return new URL(link).pathname + new URL(link).search;
}

/**
 * A signed-up owner (signed in on `page`) asks for a link from a second browser, as one does
 * from another device; returns that browser's page and the emailed link.
 */
async function ownerWithResetLink(
  { page, request, browser, clientIp }: { page: Page; request: APIRequestContext; browser: Browser; clientIp: string },
  testInfo: TestInfo,
) {
  const owner = await signUpOwner(page, request);
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
  const page2 = await other.newPage();
  await askForLink(page2, owner.email);
  return { owner, other, page2, link: await resetLink(request, owner.email) };
}

async function setNewPassword(page: Page, link: string, password = NEW_PASSWORD) {
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: /choose a new password/i })).toBeVisible();
  await page.getByLabel('New password').fill(password);
  await page.getByRole('button', { name: 'Set new password' }).click();
}

test('ACC-9 forgot password: the emailed link sets a new password, ends the old session, and only the new password signs in', async ({
  page,
  request,
  browser,
  clientIp,
}, testInfo) => {
  test.slow(); // signup, confirmation, two browsers and three sign-ins
  const o = await signUpOwner(page, request); // signed in on `page`
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
  try {
    const page2 = await other.newPage();
    await askForLink(page2, o.email.toUpperCase());
    const link = await resetLink(request, o.email);

    // The same password rule as signup.
    await setNewPassword(page2, link, 'too-short-1');
    await expect(page2.getByLabel('New password')).toHaveAccessibleDescription(/at least 12 characters/i);
    await page2.getByLabel('New password').fill(NEW_PASSWORD);
    await page2.getByRole('button', { name: 'Set new password' }).click();
    await expect(page2.getByRole('status').filter({ hasText: /password has been changed/i })).toBeVisible();
    await waitForMail(request, o.email, /password was changed/i);

    // The session that was open before the reset has ended.
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login/);

    // The old password no longer works; the new one does.
    await signIn(page2, o.email, PASSWORD);
    await expect(page2.getByRole('alert').first()).toBeVisible();
    await expect(page2).not.toHaveURL(/\/account$/);
    await signIn(page2, o.email, NEW_PASSWORD);
    await expect(page2).toHaveURL(/\/account$/);
  } finally {
    await other.close();
  }
});

test('ACC-9 forgot password answers the same for an unknown email and sends nothing', async ({ page, request }) => {
  const nobody = `nobody-${Date.now().toString(36)}@example.test`;
  await askForLink(page, nobody);
  expect(await outbox(request, nobody)).toHaveLength(0);
});

test('ACC-9 an expired link (after one hour) says so and offers a new one', async ({ page, request, browser, clientIp }, testInfo) => {
  test.slow(); // signup, confirmation and two browsers
  const { owner: o, other, page2, link } = await ownerWithResetLink({ page, request, browser, clientIp }, testInfo);
  try {
    await setClock(request, new Date(Date.now() + 61 * 60_000).toISOString());
    await page2.goto(link);
    await expect(page2.getByRole('heading', { level: 1, name: /this link has expired/i })).toBeVisible();
    await expect(page2.getByText(/work for one hour/i)).toBeVisible();
    await expect(page2.getByLabel('New password')).toHaveCount(0);
    await page2.getByRole('link', { name: 'Ask for a new link' }).click();
    await expect(page2).toHaveURL(/\/forgot-password$/);
    // The old password still works.
    await setClock(request, null);
    await signIn(page2, o.email, o.password);
    await expect(page2).toHaveURL(/\/account$/);
  } finally {
    await setClock(request, null);
    await other.close();
  }
});

test('ACC-9 a used link cannot be used again, neither opened anew nor from a form still open', async ({ page, request, browser, clientIp }, testInfo) => {
  test.slow(); // signup, confirmation and two browsers
  const { owner: o, other, page2, link } = await ownerWithResetLink({ page, request, browser, clientIp }, testInfo);
  try {
    // A second tab opens the form before the first one uses the link.
    const page3 = await other.newPage();
    await page3.goto(link);
    await expect(page3.getByLabel('New password')).toBeVisible();

    await setNewPassword(page2, link);
    await expect(page2.getByRole('status').filter({ hasText: /password has been changed/i })).toBeVisible();

    await page3.getByLabel('New password').fill('someone else wants in 2027');
    await page3.getByRole('button', { name: 'Set new password' }).click();
    await expect(page3.getByRole('alert').filter({ hasText: /already been used/i })).toBeVisible();
    await expect(page3.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');

    await page2.goto(link);
    await expect(page2.getByRole('heading', { level: 1, name: /this link has already been used/i })).toBeVisible();
    await expect(page2.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();

    await signIn(page2, o.email, NEW_PASSWORD);
    await expect(page2).toHaveURL(/\/account$/);
  } finally {
    await other.close();
  }
});
