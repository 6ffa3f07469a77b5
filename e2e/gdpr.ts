// Helpers for privacy requests in the browser: a visitor files one through /privacy/request and
// confirms it from the email (GDPR-3, GDPR-4).
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, firstLink, uniqueId, waitForMail } from './support';

export interface FiledRequest {
  email: string;
  fullName: string;
  reference: string;
}

/** Files a request of `type` (an option's label or value) as a visitor and confirms it; returns its reference. */
export async function fileAndConfirmRequest(
  page: Page,
  request: APIRequestContext,
  type: string,
  opts: { details?: string } = {},
): Promise<FiledRequest> {
  const email = `requester-${uniqueId()}@example.test`;
  const fullName = 'Eva Horvathova';
  await page.goto('/privacy/request');
  await page.getByLabel('Request type').selectOption(type);
  await page.getByLabel('Full name').fill(fullName);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Details').fill(opts.details ?? 'My account is acme-test; I signed up in 2025.');
  if (type === 'consent_withdrawal') {
    // The controller is filled in with the seller's name already.
    await expect(page.getByLabel('Data controller')).not.toHaveValue('');
    await page.getByLabel('Company').fill('Horvath Consulting');
    await page.getByLabel('Consent to withdraw').fill('Product news and offers by email');
    await page.getByLabel('Your written request').fill('I withdraw my consent to the processing of my personal data for marketing.');
    await page.getByLabel('Signature (type your name)').fill(fullName);
    await page.getByLabel('I confirm this is my signed request').check();
  }
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /check your email/i })).toBeVisible({ timeout: 30_000 });

  const mail = await waitForMail(request, email, /confirm your privacy request/i);
  await page.goto(firstLink(mail));
  await expect(page.getByRole('heading', { level: 1, name: /your request has been received/i })).toBeVisible();
  const text = await page.locator('main').innerText();
  const reference = text.match(/PR-\d{4}-\d{6}/)?.[0];
  expect(reference, 'the confirmation page names the reference').toBeTruthy();
  return { email, fullName, reference: reference! };
}

/** Opens a request's staff page from the queue (staff signed in on `page`). */
export async function openInQueue(page: Page, reference: string) {
  await page.goto('/staff/gdpr');
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
}
