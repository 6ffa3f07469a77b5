// Paying the way a person does: the billing page, the processor's hosted card form or its PayPal
// sandbox page, and back to the billing page.
import type { Page } from '@playwright/test';
import { expect } from './support';

export const CARDS = {
  ok: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000 0000 0000 9995',
} as const;

function buttonOrLink(page: Page, name: string | RegExp) {
  return page.getByRole('link', { name }).or(page.getByRole('button', { name })).first();
}

export interface CardOptions {
  replace?: boolean;
  holder?: string;
  expiry?: string;
  /** While the first period is unpaid: the plan (its name) and the interval to start with. */
  plan?: string;
  interval?: 'monthly' | 'yearly';
}

/** Opens the hosted card form from /account/billing ("Add card" or "Replace card") and fills it in. */
export async function submitCard(page: Page, number: string = CARDS.ok, opts: CardOptions = {}) {
  await page.goto('/account/billing');
  if (opts.plan) await page.getByLabel(opts.plan).check();
  if (opts.interval) await page.getByLabel(opts.interval === 'yearly' ? 'Yearly' : 'Monthly').check();
  await buttonOrLink(page, opts.replace ? 'Replace card' : 'Add card').click();
  await page.getByLabel('Cardholder name').fill(opts.holder ?? 'Jana Novakova');
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry date').fill(opts.expiry ?? '12/30');
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: 'Save card' }).click();
}

/** Adds a working card and waits until the billing page confirms it. */
export async function addCard(page: Page, number: string = CARDS.ok, opts: CardOptions = {}) {
  await submitCard(page, number, opts);
  await expect(page).toHaveURL(/\/account\/billing/);
  await expect(page.getByText(/•••• \d{4}/).first()).toBeVisible();
}

/** Approves PayPal on the sandbox page. */
export async function addPaypal(page: Page) {
  await page.goto('/account/billing');
  await buttonOrLink(page, 'Pay with PayPal').click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page).toHaveURL(/\/account\/billing/);
  await expect(page.getByText(/PayPal/).first()).toBeVisible();
}
