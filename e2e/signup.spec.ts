import { createChallenge } from 'altcha-lib/v1';
import { confirmEmail, newOwnerData, submitSignup } from './accounts';
import { expect, outbox, signIn, test, waitForMail } from './support';
import { checkA11y } from './a11y';

function isoYearsAgo(years: number, extraDays = 0): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() + extraDays);
  return d.toISOString().slice(0, 10);
}

async function fillValid(page: import('@playwright/test').Page, o = newOwnerData()) {
  await page.goto('/signup');
  await page.getByLabel('Full name').fill(o.fullName);
  await page.getByLabel('Email').fill(o.email);
  await page.getByLabel('Password').fill(o.password);
  await page.getByLabel('Company name').fill(o.company);
  await page.getByLabel('Account address').fill(o.slug);
  await page.getByLabel('Date of birth').fill('1990-04-12');
  await page.getByLabel('I accept the terms of service').check();
  return o;
}

test('ACC-1 the address is proposed from the company name and can be edited', async ({ page }) => {
  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1, name: /create your account/i })).toBeVisible();
  await page.getByLabel('Company name').fill('Café Žilina s.r.o.');
  await expect(page.getByLabel('Account address')).toHaveValue('cafe-zilina-sro');
  await expect(page.getByText('.accountdesk.app')).toBeVisible();
  await page.getByLabel('Account address').fill('zilina-desk');
  await page.getByLabel('Company name').fill('Café Žilina a.s.');
  await expect(page.getByLabel('Account address')).toHaveValue('zilina-desk');
});

test('ACC-1 a taken or reserved address is refused next to the field', async ({ page, request }) => {
  const first = newOwnerData();
  await submitSignup(page, first);
  await fillValid(page, newOwnerData({ slug: first.slug.toUpperCase() }));
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Account address')).toHaveAccessibleDescription(/this address is taken/i);
  await expect(page.getByRole('alert').filter({ hasText: /correct the highlighted|taken/i })).toBeVisible();
  await checkA11y(page, 'signup form with its error messages');

  await page.getByLabel('Account address').fill('admin');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Account address')).toHaveAccessibleDescription(/reserved/i);
  void request;
});

test('ACC-3 someone under 18 is refused with a clear message', async ({ page }) => {
  await fillValid(page);
  await page.getByLabel('Date of birth').fill(isoYearsAgo(18, 2));
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Date of birth')).toHaveAccessibleDescription(/you must be 18 or older to create an account/i);
  await expect(page.getByRole('heading', { level: 1, name: /check your email/i })).toHaveCount(0);
});

test('ACC-5 the terms checkbox is unticked by default and required', async ({ page }) => {
  await fillValid(page);
  await page.getByLabel('I accept the terms of service').uncheck();
  await page.goto('/signup');
  await expect(page.getByLabel('I accept the terms of service')).not.toBeChecked();
  await expect(page.getByRole('link', { name: /read the terms/i })).toHaveAttribute('href', '/terms');
  const o = newOwnerData();
  await fillValid(page, o);
  await page.getByLabel('I accept the terms of service').uncheck();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Accept the terms of service to continue.')).toBeVisible();
  await expect(page.getByLabel('I accept the terms of service')).toHaveAccessibleDescription(/accept the terms/i);
  await page.getByLabel('I accept the terms of service').check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /check your email/i })).toBeVisible();
});

test('ACC-9 a password shorter than 12 characters is refused', async ({ page }) => {
  await fillValid(page);
  await page.getByLabel('Password').fill('short-pw-11');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/at least 12 characters/i);
});

test('ACC-2 sign-in is refused until the emailed link is opened, then works', async ({ page, request }) => {
  const o = newOwnerData();
  await submitSignup(page, o);
  await expect(page.getByText(o.email)).toBeVisible();
  await signIn(page, o.email, o.password);
  await expect(page.getByRole('alert').filter({ hasText: /confirm your email/i })).toBeVisible();
  await expect(page.getByRole('button', { name: /send a new confirmation link/i })).toBeVisible();
  await confirmEmail(page, request, o.email);
  await signIn(page, o.email, o.password);
  await expect(page).toHaveURL(/\/account$/);
});

test('ACC-2 an invalid link explains itself and offers a new link', async ({ page, request }) => {
  const o = newOwnerData();
  await submitSignup(page, o);
  await page.getByRole('button', { name: 'Send the link again' }).click();
  await expect(page.getByRole('status')).toContainText(/new confirmation link/i);
  await page.goto('/verify-email?token=not-a-real-token');
  await expect(page.getByRole('heading', { level: 1, name: /not valid/i })).toBeVisible();
  await expect(page.getByRole('button', { name: /send a new link/i })).toBeVisible();
  void request;
});

test('ACC-4 the form carries a proof-of-work check and refuses a forged one', async ({ page }) => {
  await page.goto('/signup');
  await expect(page.getByTestId('bot-check-status')).toHaveText(/verified/i, { timeout: 15_000 });
  await expect(page.locator('input[type=hidden][name=botCheck]')).not.toHaveValue('');

  // A challenge that our server did not sign (a bot replaying its own) is refused.
  await page.route('**/api/bot-check', async (route) => {
    const forged = await createChallenge({ hmacKey: 'not-the-server-key', maxnumber: 2000, expires: new Date(Date.now() + 600_000) });
    await route.fulfill({ json: forged });
  });
  await fillValid(page);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /human/i })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /check your email/i })).toHaveCount(0);
});

test('ACC-1 signing up with a registered email shows the same "check your email" and tells the existing owner instead', async ({ page, request }) => {
  test.slow(); // two signups
  const first = newOwnerData();
  await submitSignup(page, first);
  const before = (await outbox(request, first.email)).length;
  // Someone else tries the same email with another address: the same answer as for a new email.
  await submitSignup(page, newOwnerData({ email: first.email.toUpperCase() }));
  await expect(page.getByRole('main').getByText(/already|registered|exists/i)).toHaveCount(0);
  const notice = await waitForMail(request, first.email, /tried to sign up/i);
  expect(notice.text).toMatch(/\/login\b/);
  expect(notice.text).toMatch(/\/forgot-password\b/);
  expect((await outbox(request, first.email)).length).toBe(before + 1);
});

test('ACC-3 ACC-5 a date-of-birth message never moves the terms checkbox from under the pointer', async ({ page }) => {
  await page.goto('/signup');
  const terms = page.getByLabel('I accept the terms of service');
  const date = page.getByLabel('Date of birth');
  // An under-18 date: its message appears while the date is entered, not when the field is left.
  await date.fill(isoYearsAgo(17));
  await expect(date).toHaveAccessibleDescription(/18 or older to create an account/i);
  // A click held like a person's (press, pause, release) lands on the checkbox.
  await terms.click({ delay: 150 });
  await expect(terms).toBeChecked();
  // A valid date: the message goes as the date changes; the next clicks still land.
  await date.fill('1990-04-12');
  await expect(date).not.toHaveAccessibleDescription(/18 or older to create an account/i);
  await terms.click({ delay: 150 });
  await expect(terms).not.toBeChecked();
  await terms.click({ delay: 150 });
  await expect(terms).toBeChecked();

  // The same for any field above it: leaving a field with a mistake shows nothing until submit.
  await page.getByLabel('Email').fill('not-an-email');
  await date.fill(isoYearsAgo(17));
  await terms.click({ delay: 150 });
  await expect(terms).not.toBeChecked();
  await expect(page.getByLabel('Email')).not.toHaveAccessibleDescription(/valid email/i);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/valid email/i);
  await date.fill('1990-04-12');
  await terms.click({ delay: 150 });
  await expect(terms).toBeChecked();
});
