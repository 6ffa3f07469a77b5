// ACC-6 in the browser: staff publish a terms version in English and Dutch; a signed-in owner sees
// the notice linking to it until they continue; /terms shows the new version and lists the older
// one, which stays readable.
import { signUpOwner } from './accounts';
import { expect, test, uniqueId, signInAsStaff } from './support';

test('ACC-6 staff publish a new terms version; the owner sees the notice until Continue; /terms shows it and lists the earlier version', async ({ page, request, browser }) => {
  test.slow();
  // An owner who signed up under the version in force now.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUpOwner(owner, request);
  await expect(owner.getByRole('region', { name: 'New terms of service' })).toHaveCount(0);

  const version = `e2e-${uniqueId()}`;
  const marker = `Logins are personal ${uniqueId()}`;
  await signInAsStaff(page);
  await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
  await page.goto('/staff/terms');
  await expect(page.getByRole('heading', { level: 1, name: 'Terms of service' })).toBeVisible();
  const previous = (await page.getByRole('table', { name: 'Published versions' }).getByRole('row').nth(1).getByRole('cell').first().innerText()).trim();

  // Missing Dutch text is refused at its field.
  await page.getByLabel('Version').fill(version);
  await page.getByLabel('Terms (English)').fill(`## Your logins\n${marker}: each login belongs to one person.\n\n- Do not share a login.\n- <b>no html</b>`);
  await page.getByRole('button', { name: 'Publish terms' }).click();
  await expect(page.getByText('Write the Dutch terms (at least 20 characters).').first()).toBeVisible();
  await expect(page.getByLabel('Terms (Dutch)')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Terms (Dutch)').fill(`## Uw logins\n${marker}: elke login is van één persoon.\n\n- Deel een login niet.`);
  // The preview shows the Markdown as readers will see it, without raw HTML.
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'Your logins' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Uw logins' })).toBeVisible();
  await expect(preview.locator('b')).toHaveCount(0);
  await page.getByRole('button', { name: 'Publish terms' }).click();
  await expect(page.getByText(`Version ${version} is published and in force.`)).toBeVisible();
  const versions = page.getByRole('table', { name: 'Published versions' });
  await expect(versions.getByRole('row').nth(1)).toContainText(version);
  await expect(versions.getByRole('row').nth(1)).toContainText('In force');

  // The owner now sees the notice on every portal page, with a link to the terms, until Continue.
  await owner.goto('/account');
  const notice = owner.getByRole('region', { name: 'New terms of service' });
  await expect(notice).toContainText(version);
  await expect(notice.getByRole('link', { name: 'Read the new terms' })).toHaveAttribute('href', '/terms');
  await owner.goto('/account/billing');
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Continue' }).click();
  await expect(notice).toHaveCount(0);
  await owner.goto('/account');
  await expect(owner.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(notice).toHaveCount(0);
  // The acceptance is in the account's audit log.
  await owner.goto('/account/audit');
  await expect(owner.getByRole('table').first()).toContainText('Terms of service accepted');
  await ownerContext.close();

  // /terms: the new version in the reader's language, and the earlier one listed and readable.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto('/terms');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Terms of service' })).toBeVisible();
  await expect(visitor.getByText(`Version ${version}, in force since`)).toBeVisible();
  await expect(visitor.getByText(marker)).toBeVisible();
  await expect(visitor.getByRole('heading', { level: 2, name: 'Your logins' })).toBeVisible();
  const earlier = visitor.getByRole('table', { name: 'Earlier versions' });
  await expect(earlier.getByRole('row').filter({ hasText: previous })).toBeVisible();
  await earlier.getByRole('link', { name: `Read the terms of service version ${previous}` }).click();
  await expect(visitor).toHaveURL(new RegExp(`/terms/${previous}$`));
  await expect(visitor.getByRole('heading', { level: 1, name: `Terms of service, version ${previous}` })).toBeVisible();
  await expect(visitor.getByText(/It has been replaced by a newer version/)).toBeVisible();
  await expect(visitor.getByText(marker)).toHaveCount(0);
  // In Dutch, the new version's Dutch text.
  await visitor.goto('/terms');
  await visitor.getByLabel('Language').selectOption({ label: 'Nederlands' });
  await expect(visitor.getByRole('heading', { level: 2, name: 'Uw logins' })).toBeVisible();
  await expect(visitor.getByText('elke login is van één persoon', { exact: false })).toBeVisible();
  await visitorContext.close();
});
