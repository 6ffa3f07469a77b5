// OPS-1 in the browser: staff schedule planned downtime; the public status page lists it and
// signed-in users see a banner from seven days before it starts until it ends.
import { signUpOwner } from './accounts';
import { expect, setClock, test, uniqueId, signInAsStaff } from './support';

test('OPS-1 staff schedule maintenance; /status lists it and the portal shows a banner from 7 days before until it ends', async ({ page, request, browser }) => {
  test.slow();
  const affected = `Helpdesk inbox ${uniqueId()}`;
  await setClock(request, '2031-03-01T09:00:00Z');
  try {
    await signInAsStaff(page);
    await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
    await page.goto('/staff/maintenance');
    // An end before the start is refused at the field.
    await page.getByLabel('Starts').fill('2031-03-10T23:00');
    await page.getByLabel('Ends').fill('2031-03-10T22:00');
    await page.getByLabel('What is affected (English)').fill(affected);
    await page.getByLabel('What is affected (Dutch)').fill(`${affected} (NL)`);
    await page.getByRole('button', { name: 'Schedule maintenance' }).click();
    await expect(page.getByText('The end must be after the start.').first()).toBeVisible();
    await expect(page.getByLabel('Ends')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Ends').fill('2031-03-11T02:00');
    await page.getByRole('button', { name: 'Schedule maintenance' }).click();
    await expect(page.getByText('The maintenance is scheduled and announced.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Planned and under way' }).getByRole('row').filter({ hasText: affected })).toContainText('10 Mar 2031');

    // The public status page, in both languages.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto('/status');
    await expect(visitor.getByRole('heading', { level: 1, name: 'Service status' })).toBeVisible();
    await expect(visitor.getByRole('table', { name: 'Planned maintenance' }).getByRole('row').filter({ hasText: affected })).toContainText('Planned');
    await visitor.getByLabel('Language').selectOption({ label: 'Nederlands' });
    await expect(visitor.getByRole('table', { name: 'Gepland onderhoud' }).getByRole('row').filter({ hasText: `${affected} (NL)` })).toContainText('Gepland');

    // Ten days before: no banner yet; three days before and during: the banner; after: gone.
    const owner = await (await browser.newContext()).newPage();
    await signUpOwner(owner, request);
    const banner = owner.getByRole('region', { name: 'Planned maintenance' });
    await expect(owner.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(banner).toHaveCount(0);
    await setClock(request, '2031-03-07T09:00:00Z');
    await owner.reload();
    await expect(banner).toContainText(affected);
    await expect(banner.getByRole('link', { name: 'Service status' })).toHaveAttribute('href', '/status');
    await setClock(request, '2031-03-11T00:30:00Z');
    await owner.reload();
    await expect(banner).toContainText(affected);
    await setClock(request, '2031-03-11T01:00:00Z');
    await owner.reload();
    await expect(owner.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(banner).toHaveCount(0);
    await visitor.reload();
    await expect(visitor.getByRole('table', { name: 'Eerder onderhoud' }).getByRole('row').filter({ hasText: `${affected} (NL)` })).toContainText('Afgerond');
  } finally {
    await setClock(request, null);
  }
});
