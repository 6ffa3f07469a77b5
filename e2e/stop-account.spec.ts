import { signUpOwner } from './accounts';
import { expect, signIn, test, waitForMail } from './support';

const CONFIRM = 'Type your account address to confirm';

test('CAN-1 the owner stops the account by typing its address; everyone loses access and the owner is emailed', async ({ page, request }) => {
  const o = await signUpOwner(page, request);
  const address = `${o.slug}.accountdesk.app`;

  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect(page.getByText(address).first()).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Stop account' }).click();
  await expect(page).toHaveURL(/\/account\/stop$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Stop account' })).toBeVisible();
  await expect(page.getByText(/cannot be undone/i)).toBeVisible();
  await expect(page.getByText(/10 years/)).toBeVisible();

  // A wrong address is refused next to the field and nothing happens.
  await page.getByLabel(CONFIRM).fill('some-other-account');
  await page.getByRole('button', { name: 'Stop account' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /does not match/i })).toBeVisible();
  await expect(page.getByLabel(CONFIRM)).toHaveAccessibleDescription(/does not match/i);
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();

  // The full address, typed in another case with stray spaces, is accepted.
  await page.goto('/account/stop');
  await page.getByLabel(CONFIRM).fill(`  ${address.toUpperCase()} `);
  await page.getByRole('button', { name: 'Stop account' }).click();
  await expect(page).toHaveURL(/\/account-stopped$/);
  await expect(page.getByRole('heading', { level: 1, name: /your account has been stopped/i })).toBeVisible();

  const mail = await waitForMail(request, o.email, /stopped/i);
  expect(mail.text).toContain(address);
  expect(mail.text).toMatch(/cannot be undone/i);

  // The portal is closed and signing in again is refused with a clear message.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, o.email, o.password);
  await expect(page.getByRole('alert').filter({ hasText: /do not match|stopped/i })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
