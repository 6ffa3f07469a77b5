// INV-7 and INV-8 as staff and an owner meet them: staff add prepaid credit on the account's page,
// the owner sees the balance and when it runs out, a renewal is paid from it instead of the card,
// and stopping the account refunds half of what is left as a credit note.
import { signUpOwner } from './accounts';
import { checkA11y } from './a11y';
import { addCard } from './billing';
import { expect, outbox, runJobs, setClock, signIn, test, waitForMail, switchToStaff } from './support';

test.afterEach(async ({ request }) => {
  await setClock(request, null);
});

/** Today on the Bratislava calendar, as a date input takes it. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Bratislava' });

test('INV-7 INV-8 staff add prepaid credit, a renewal is paid from it, and stopping the account refunds half of the rest as a credit note', async ({ page, request }) => {
  // A long walk (two roles, a renewal, a stop, three accessibility checks).
  test.setTimeout(180_000);
  const o = await signUpOwner(page, request);
  // Team, 1 seat, monthly: €15.00 + 23 % Slovak VAT = €18.45 a month.
  await addCard(page);
  await waitForMail(request, o.email, /Payment received/);

  // Staff add a year of credit: 12 × €18.45.
  await switchToStaff(page);
  await page.goto(`/staff/accounts?q=${encodeURIComponent(o.slug)}`);
  await page.getByRole('link', { name: o.slug }).click();
  const section = page.getByRole('region', { name: 'Prepaid credit' });
  await expect(section).toBeVisible();
  await expect(section.getByText('No prepaid credit has been added to this account.')).toBeVisible();
  // A missing amount is refused next to the field.
  await section.getByLabel('Reference').fill('PO-2026-4711');
  await section.getByLabel('Agreed on').fill(today());
  await section.getByRole('button', { name: 'Add prepaid credit' }).click();
  await expect(section.getByLabel('Amount (EUR)')).toHaveAttribute('aria-invalid', 'true');
  await section.getByLabel('Amount (EUR)').fill('221.40');
  await section.getByRole('button', { name: 'Add prepaid credit' }).click();
  await expect(section.getByRole('status')).toContainText('Prepaid credit added');
  const ledger = section.getByRole('table', { name: 'Prepaid credit ledger' });
  await expect(ledger.getByRole('row').filter({ hasText: 'PO-2026-4711' })).toContainText('€221.40');
  await expect(section.getByText('€221.40').first()).toBeVisible();
  await checkA11y(page, 'staff account with prepaid credit');
  const entry = page.getByRole('table', { name: 'Account audit log' }).getByRole('row').filter({ hasText: 'billing.prepaid_credit_added' });
  await expect(entry).toHaveCount(1);
  const added = await waitForMail(request, o.email, /Prepaid credit added/);
  expect(added.text).toContain('€221.40');

  // The owner sees the balance and that it pays the next 12 renewals.
  await page.context().clearCookies();
  await signIn(page, o.email, o.password);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto('/account/billing');
  const card = page.getByRole('region', { name: 'Prepaid credit' });
  await expect(card).toContainText('Credit balance');
  await expect(card).toContainText('€221.40');
  await expect(card).toContainText('Credit lasts until');
  await expect(card).toContainText('Pays the next 12 renewal invoices.');
  await expect(card).toContainText('€18.45');
  await checkA11y(page, 'billing with prepaid credit');

  // A month on, the renewal invoice is paid from the credit: no card charge, no card receipt.
  await setClock(request, new Date(Date.now() + 32 * 86_400_000).toISOString());
  await runJobs(request);
  const paid = await waitForMail(request, o.email, /paid from your prepaid credit/);
  const number = paid.subject.match(/INV-\d{4}-\d{6}/)![0];
  expect(paid.text).toContain('Nothing was charged to your payment method');
  expect((await outbox(request, o.email)).filter((m) => /Payment received/.test(m.subject))).toHaveLength(1);

  await signIn(page, o.email, o.password);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto('/account/invoices');
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('Paid');
  await row.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByText('Paid from prepaid credit')).toBeVisible();
  await page.goto('/account/billing');
  await expect(page.getByRole('region', { name: 'Prepaid credit' })).toContainText('€202.95');
  await expect(page.getByRole('region', { name: 'Prepaid credit' })).toContainText('Pays the next 11 renewal invoices.');

  // INV-8: before stopping, the owner is told the figures: half of €202.95 back, the rest kept.
  await page.goto('/account/stop');
  await expect(page.getByText('You have €202.95 of prepaid credit; €101.48 will be refunded, €101.47 is kept as the cancellation fee')).toBeVisible();
  await checkA11y(page, 'stop account with prepaid credit');
  await page.getByLabel('Type your account address to confirm').fill(`${o.slug}.accountdesk.app`);
  await page.getByRole('button', { name: 'Stop account' }).click();
  await expect(page).toHaveURL(/\/account-stopped$/);
  const refund = await waitForMail(request, o.email, /Refund of your unused prepaid credit/);
  expect(refund.text).toContain('€101.48');
  expect(refund.text).toContain('€101.47');
  const creditNote = refund.text.match(/CN-\d{4}-\d{6}/)![0];

  // Staff find the credit note among the account's documents, and the refund in the ledger.
  await switchToStaff(page);
  await page.goto(`/staff/accounts?q=${encodeURIComponent(o.slug)}`);
  await page.getByRole('link', { name: o.slug }).click();
  await expect(page.getByRole('row').filter({ hasText: creditNote }).first()).toBeVisible();
  const finalLedger = page.getByRole('region', { name: 'Prepaid credit' }).getByRole('table', { name: 'Prepaid credit ledger' });
  await expect(finalLedger.getByRole('row').filter({ hasText: 'Refunded at cancellation' })).toContainText('Paid out');
  await expect(finalLedger.getByRole('row').filter({ hasText: 'Kept as the cancellation fee' })).toContainText('€101.47');
});
