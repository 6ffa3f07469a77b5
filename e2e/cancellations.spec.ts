// CAN-2 in the browser: staff record a cancellation that arrived by email on a Friday before a
// Slovak holiday; it is due the same time on Tuesday, shows as overdue after that, and carrying it
// out stops the account and emails the requester.
import { signUpOwner } from './accounts';
import { expect, setClock, test, uniqueId, waitForMail, signInAsStaff } from './support';

test('CAN-2 a cancellation emailed on the Friday before a Slovak holiday is due on Tuesday; carried out, the account stops and the requester is told', async ({ page, request, browser }) => {
  test.slow();
  await setClock(request, '2027-07-02T12:00:00Z'); // Friday 2 July 2027, 14:00 in Bratislava
  try {
    const ownerPage = await (await browser.newContext()).newPage();
    const owner = await signUpOwner(ownerPage, request);
    const requester = `office-${uniqueId()}@example.test`;

    await signInAsStaff(page);
    await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
    await page.goto('/staff/cancellations');
    await page.getByLabel('Account', { exact: true }).fill(`${owner.slug}.accountdesk.app`);
    await page.getByLabel('Received at').fill('2027-07-02T13:40');
    await page.getByLabel("Requester's address, if not the owner").fill(requester);
    await page.getByRole('button', { name: 'Record cancellation' }).click();
    // Monday 5 July 2027 is Saints Cyril and Methodius Day.
    await expect(page.getByText(`Cancellation of ${owner.slug}.accountdesk.app recorded; due 6 Jul 2027, 13:40.`)).toBeVisible();
    const row = page.getByRole('table', { name: 'Waiting to be carried out' }).getByRole('row').filter({ hasText: owner.slug });
    await expect(row).toContainText('6 Jul 2027, 13:40');
    await expect(row).not.toContainText('Overdue');

    await setClock(request, '2027-07-06T12:00:00Z');
    await page.reload();
    await expect(row).toContainText('Overdue');
    await row.getByRole('button', { name: `Stop ${owner.slug}.accountdesk.app now and erase its data` }).click();
    await expect(page.getByText(`${owner.slug}.accountdesk.app is stopped and its personal data erased; the requester was emailed.`)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Carried out' }).getByRole('row').filter({ hasText: owner.slug })).toContainText('6 Jul 2027');
    await waitForMail(request, requester, new RegExp(`Your cancellation of ${owner.slug}.accountdesk.app is done`));
    await waitForMail(request, owner.email, /has been stopped/);

    // The owner's session ended with the account.
    await ownerPage.goto('/account');
    await expect(ownerPage).toHaveURL(/\/login|\/account-stopped/);
  } finally {
    await setClock(request, null);
  }
});
