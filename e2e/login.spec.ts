import { signUpOwner } from './accounts';
import { expect, PASSWORD, signIn, STAFF, test } from './support';

test('a wrong password shows a clear alert', async ({ page }) => {
  await signIn(page, 'nobody-here@example.test', 'wrong password 123');
  await expect(page.getByRole('alert').filter({ hasText: /do not match an account/i })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('ACC-9 a verified owner signs in and lands on the account; a wrong password is refused', async ({ page, request }) => {
  const o = await signUpOwner(page, request);
  await page.context().clearCookies();
  await signIn(page, o.email, `${PASSWORD} nope`);
  await expect(page.getByRole('alert').filter({ hasText: /do not match/i })).toBeVisible();
});

test('staff land on the back office after signing in', async ({ page }) => {
  await signIn(page, STAFF.email, STAFF.password);
  await expect(page).toHaveURL(/\/staff/);
});

test('the login page links to signup', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByRole('link', { name: /create an account/i }).click();
  await expect(page).toHaveURL(/\/signup$/);
});
