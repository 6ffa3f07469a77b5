// WCAG 3.3.1 / 4.1.2: a refused form says so where a screen reader and a keyboard user meet it —
// each invalid field is aria-invalid and described by its message, a summary is in role="alert",
// and the focus is on the first invalid field. Both for the browser's own check and for a refusal
// that only the server can make (a taken account address).
import type { Locator, Page } from '@playwright/test';
import { newOwnerData, submitSignup } from './accounts';
import { expect, test } from './support';

/** The field is aria-invalid and its aria-describedby points at an element holding `message`. */
async function expectInvalid(page: Page, field: Locator, message: RegExp) {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  expect(ids.length, 'aria-describedby').toBeGreaterThan(0);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  expect(texts.join(' ')).toMatch(message);
  await expect(field).toHaveAccessibleDescription(message);
}

test('ACC-1 the browser check of the signup form marks each empty field, describes it, summarises in an alert and focuses the first one', async ({ page }) => {
  await page.goto('/signup');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectInvalid(page, page.getByLabel('Full name'), /./);
  await expectInvalid(page, page.getByLabel('Email'), /./);
  await expectInvalid(page, page.getByLabel('Company name'), /./);
  await expect(page.getByLabel('Full name')).toBeFocused();
  await expect(page.getByRole('alert').first()).toBeVisible();
  // Fields that are fine are not marked.
  await page.getByLabel('Full name').fill('Jana Novakova');
  await expect(page.getByLabel('Full name')).toHaveAttribute('aria-invalid', 'false');
});

test('ACC-1 a refusal only the server can make (a taken address) marks the field, describes it, alerts and focuses it', async ({ page }) => {
  test.slow(); // two signups: proof-of-work and argon2id on a busy test server
  const first = newOwnerData();
  await submitSignup(page, first);
  const second = newOwnerData({ slug: first.slug });
  await page.goto('/signup');
  await page.getByLabel('Full name').fill(second.fullName);
  await page.getByLabel('Email').fill(second.email);
  await page.getByLabel('Password').fill(second.password);
  await page.getByLabel('Company name').fill(second.company);
  await page.getByLabel('Account address').fill(second.slug);
  await page.getByLabel('Date of birth').fill('1990-04-12');
  await page.getByLabel('I accept the terms of service').check();
  await page.getByRole('button', { name: 'Create account' }).click();
  const address = page.getByLabel('Account address');
  await expectInvalid(page, address, /this address is taken/i);
  await expect(page.getByRole('alert').filter({ hasText: /correct the highlighted|taken/i })).toBeVisible();
  await expect(address).toBeFocused();
  // Only the refused field is marked.
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'false');
});
