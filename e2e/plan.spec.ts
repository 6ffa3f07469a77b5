// PLAN-1..PLAN-4 browser walks: a yearly owner upgrades mid-period and pays the prorated
// difference at once; a monthly owner schedules a downgrade, cancels it, schedules it again and
// sees it applied at the renewal. The test clock moves; it is reset after every test.
import type { Page } from '@playwright/test';
import { anchoredPeriodEnd } from '../lib/billing/periods';
import { signUpOwner, type Owner } from './accounts';
import { addCard } from './billing';
import { expect, outbox, runJobs, setClock, signIn, test, waitForMail } from './support';

test.afterEach(async ({ request }) => {
  await setClock(request, null);
});

const DAY = 86_400_000;
/** € amounts as shown in English: €1,234.56 → cents. */
const cents = (text: string) => Math.round(Number(text.replace(/[€,\s]/g, '')) * 100);

/** The server's clock reads the test's clock plus this offset (same machine; see setClock). */
async function moveClock(request: Parameters<typeof setClock>[0], iso: string): Promise<number> {
  const before = Date.now();
  await setClock(request, iso);
  return new Date(iso).getTime() - before;
}

async function signInAgain(page: Page, o: Owner) {
  await page.context().clearCookies();
  await signIn(page, o.email, o.password);
  await expect(page).toHaveURL(/\/account/);
}

async function chooseChange(page: Page, plan: string, seats: number, period: 'Monthly' | 'Yearly') {
  await page.goto('/account/plan');
  await page.getByLabel('Plan', { exact: true }).selectOption({ label: plan });
  await page.getByLabel('Seats', { exact: true }).fill(String(seats));
  await page.getByLabel('Billing period', { exact: true }).selectOption({ label: period });
  await page.getByRole('button', { name: 'Review change' }).click();
  await expect(page.getByRole('heading', { name: 'Review your change' })).toBeVisible();
}

test('PLAN-2 a yearly owner upgrades mid-period: the review shows the prorated charge by the formula, the invoice and the charge email carry it (PLAN-1 applies at once)', async ({ page, request }) => {
  test.slow();
  // Team, 1 seat, paid yearly from 1 Dec 2026.
  let offset = await moveClock(request, '2026-12-01T10:00:00.000Z');
  const paidFrom = Date.now() + offset;
  const owner = await signUpOwner(page, request);
  await addCard(page, undefined, { interval: 'yearly' });
  const paidTo = Date.now() + offset;

  // Mid-period, on 3 May 2027, the owner moves to Business with 2 seats.
  offset = await moveClock(request, '2027-05-03T08:30:00.000Z');
  await signInAgain(page, owner);
  const reviewFrom = Date.now() + offset;
  await chooseChange(page, 'Business', 2, 'Yearly');
  const reviewTo = Date.now() + offset;

  const now = page.getByRole('region', { name: 'Charged now' });
  const shown = await now.innerText();
  const net = cents(/Net amount\s*(€[\d,.]+)/.exec(shown)![1]);
  const vat = cents(/VAT[^€]*(€[\d,.]+)/.exec(shown)![1]);
  const total = cents(/Total\s*(€[\d,.]+)/.exec(shown)![1]);
  expect(shown).toContain('Slovak VAT, 23 %');
  expect(total).toBe(net + vat);
  // The formula: (new period price − old period price) × remaining time / period length, to the
  // cent. The period began while the card was added and the review priced at its own moment: the
  // figure lies between the formula's values at those bounds.
  const diff = 2 * 29000 - 15000;
  const formula = (start: number, at: number) => {
    const end = anchoredPeriodEnd(new Date(start), 'yearly', 1).getTime();
    return Math.round((diff * (end - at)) / (end - start));
  };
  const bounds = [formula(paidFrom, reviewFrom), formula(paidFrom, reviewTo), formula(paidTo, reviewFrom), formula(paidTo, reviewTo)];
  expect(net).toBeGreaterThanOrEqual(Math.min(...bounds));
  expect(net).toBeLessThanOrEqual(Math.max(...bounds));
  expect(Math.max(...bounds) - Math.min(...bounds)).toBeLessThanOrEqual(1);
  // From the renewal: Business, 2 seats, yearly = €580.00 net.
  await expect(page.getByRole('region', { name: 'From the next renewal' })).toContainText('€580.00');
  await expect(page.getByRole('region', { name: 'From the next renewal' })).toContainText('1 Dec 2027');

  await page.getByRole('button', { name: 'Confirm change' }).click();
  const money = `€${(total / 100).toFixed(2)}`;
  const done = page.getByRole('status').filter({ hasText: 'Your plan was changed' });
  await expect(done).toContainText(`We charged ${money} for invoice INV-`);
  const number = /INV-\d{4}-\d{6}/.exec(await done.innerText())![0];

  // PLAN-1: applies at once.
  await page.reload();
  const current = page.locator('section', { has: page.getByRole('heading', { name: 'Your plan', exact: true }) });
  await expect(current).toContainText('Business');
  await expect(page.getByLabel('Plan', { exact: true })).toHaveValue('business');
  // PAY-6: the usual charge confirmation, and the change confirmation.
  const receipt = await waitForMail(request, owner.email, new RegExp(`Payment received: .* for invoice ${number}`));
  expect(receipt.subject).toContain(money);
  expect((await outbox(request, owner.email)).some((m) => m.subject === 'Your Accountdesk plan was changed' && m.text.includes(number))).toBe(true);
  // The invoice is listed with its total.
  await page.goto('/account/invoices');
  await expect(page.getByRole('row', { name: new RegExp(number) })).toContainText(money);
});

test('PLAN-4 a downgrade is scheduled with what will be lost, can be canceled, and is applied at the renewal', async ({ page, request }) => {
  test.slow();
  // Business, 1 seat, monthly from 7 Dec 2026.
  await moveClock(request, '2026-12-07T10:00:00.000Z');
  const owner = await signUpOwner(page, request);
  await addCard(page, undefined, { plan: 'Business' });

  await moveClock(request, '2026-12-20T09:00:00.000Z');
  await chooseChange(page, 'Team', 1, 'Monthly');
  const review = page.getByRole('region', { name: 'Review your change' });
  await expect(review).toContainText('Takes effect at the next renewal, on 7 Jan 2027: Team, 1 seat, paid monthly.');
  await expect(review).toContainText('Nothing is charged now.');
  await expect(review).toContainText('Automation rules');
  await expect(review).toContainText('Call center');
  await expect(review).toContainText('There is no refund or credit for the rest of the current period.');
  await expect(page.getByRole('region', { name: 'From the next renewal' })).toContainText('€15.00');
  await page.getByRole('button', { name: 'Confirm change' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your change is scheduled for the next renewal.' })).toBeVisible();
  await waitForMail(request, owner.email, /plan change is scheduled/);

  // The owner changes their mind, then schedules it again.
  await page.reload();
  await expect(page.getByText('From 7 Jan 2027 your subscription changes to Team, 1 seat, paid monthly.')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel scheduled change' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The scheduled change was canceled.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Cancel scheduled change' })).toHaveCount(0);
  await chooseChange(page, 'Team', 1, 'Monthly');
  await page.getByRole('button', { name: 'Confirm change' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your change is scheduled for the next renewal.' })).toBeVisible();

  // The renewal on 7 Jan 2027 bills Team: €15.00 + 23 % VAT = €18.45.
  await moveClock(request, new Date(new Date('2027-01-07T10:00:00.000Z').getTime() + DAY / 2).toISOString());
  await runJobs(request);
  const paid = await waitForMail(request, owner.email, /Payment received: €18\.45 for invoice INV-/);
  expect(paid.subject).toContain('€18.45');
  await signInAgain(page, owner);
  await page.goto('/account/plan');
  await expect(page.getByRole('button', { name: 'Cancel scheduled change' })).toHaveCount(0);
  await expect(page.getByText('Next renewal', { exact: true })).toBeVisible();
  await expect(page.getByText('7 Feb 2027', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Plan', { exact: true })).toHaveValue('team');
});
