// Creating owners: the way a person does (the signup form, the confirmation email, then the sign-in
// form) where the signup is what a test is about, and through the signup service where it is not.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, firstLink, PASSWORD, signIn, signInOverHttp, uniqueId, waitForMail } from './support';

export interface Owner {
  fullName: string;
  email: string;
  password: string;
  company: string;
  slug: string;
}

export function newOwnerData(overrides: Partial<Owner> = {}): Owner {
  const id = uniqueId();
  return {
    fullName: 'Jana Novakova',
    email: `owner-${id}@example.test`,
    password: PASSWORD,
    company: `Acme ${id}`,
    slug: `acme-${id}`,
    ...overrides,
  };
}

/** Fills and submits /signup. Leaves the page on the "check your email" screen. */
export async function submitSignup(page: Page, o: Owner, dateOfBirth = '1990-04-12') {
  await page.goto('/signup');
  await page.getByLabel('Full name').fill(o.fullName);
  await page.getByLabel('Email').fill(o.email);
  await page.getByLabel('Password').fill(o.password);
  await page.getByLabel('Company name').fill(o.company);
  await page.getByLabel('Account address').fill(o.slug);
  await page.getByLabel('Date of birth').fill(dateOfBirth);
  await page.getByLabel('I accept the terms of service').check();
  await page.getByRole('button', { name: 'Create account' }).click();
  // The answer waits for the proof-of-work solution and an argon2id hash: slow on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name: /check your email/i })).toBeVisible({ timeout: 30_000 });
}

/** Opens the confirmation link from the outbox. */
export async function confirmEmail(page: Page, request: APIRequestContext, email: string) {
  const mail = await waitForMail(request, email, /confirm/i);
  await page.goto(firstLink(mail));
  await expect(page.getByRole('heading', { level: 1, name: /email confirmed/i })).toBeVisible();
}

/** Signup form → confirmation email → sign-in form, as a person does it; ends on /account. */
export async function signUpOwnerWithForms(page: Page, request: APIRequestContext, overrides: Partial<Owner> = {}): Promise<Owner> {
  const o = newOwnerData(overrides);
  await submitSignup(page, o);
  await confirmEmail(page, request, o.email);
  await signIn(page, o.email, o.password);
  await expect(page).toHaveURL(/\/account$/);
  return o;
}

/**
 * An owner with a confirmed email, for tests whose subject is not the signup: made by the signup
 * and confirmation services (the /api/test/owners hook), then signed in on `page` through the
 * endpoint the sign-in form posts to; ends on /account. The forms themselves are walked by
 * `signUpOwnerWithForms` in the signup, login, language and CSP specs. (Three page loads, a
 * bot-check puzzle and a password hash less per owner: about a third of the browser suite's time.)
 */
export async function signUpOwner(page: Page, request: APIRequestContext, overrides: Partial<Owner> = {}): Promise<Owner> {
  const o = newOwnerData(overrides);
  const res = await request.post('/api/test/owners', {
    data: { fullName: o.fullName, email: o.email, password: o.password, companyName: o.company, slug: o.slug },
  });
  expect(res.status(), await res.text()).toBe(201);
  await signInOverHttp(page, o.email, o.password);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/account$/);
  return o;
}
