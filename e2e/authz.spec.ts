import { signUpOwner } from './accounts';
import { expect, signIn, test } from './support';

// There are no id-bearing URLs in the portal yet: what the owner sees and changes always comes
// from the session, whatever the URL or the form says.
test('CAN-1 an owner cannot see or stop another account by URL or by a forged form field', async ({ page, request, browser, clientIp }, testInfo) => {
  // Owner B, in a browser of their own.
  const ctxB = await browser.newContext({ baseURL: testInfo.project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
  try {
    const pageB = await ctxB.newPage();
    const b = await signUpOwner(pageB, request);
    await ctxB.clearCookies();

    const a = await signUpOwner(page, request);
    for (const path of ['/account', '/account/security', '/account/audit', '/account/stop']) {
      await page.goto(`${path}?account=${b.slug}&accountId=${b.slug}&slug=${b.slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('main')).not.toContainText(b.slug);
      await expect(page.locator('main')).not.toContainText(b.email);
    }
    await page.goto('/account');
    await expect(page.locator('main')).toContainText(`${a.slug}.accountdesk.app`);

    // Forged hidden fields naming account B, with B's address typed: refused, B untouched.
    await page.goto('/account/stop');
    await page.evaluate((slug) => {
      const form = document.querySelector('main form')!;
      for (const name of ['accountId', 'account', 'slug']) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = slug;
        form.appendChild(input);
      }
    }, b.slug);
    await page.getByLabel('Type your account address to confirm').fill(`${b.slug}.accountdesk.app`);
    await page.getByRole('button', { name: 'Stop account' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /does not match/i })).toBeVisible();

    // With A's own address and the forged fields still present, only A is stopped.
    await page.getByLabel('Type your account address to confirm').fill(a.slug);
    await page.getByRole('button', { name: 'Stop account' }).click();
    await expect(page).toHaveURL(/\/account-stopped$/);

    await signIn(pageB, b.email, b.password);
    await expect(pageB).toHaveURL(/\/account$/);
    await expect(pageB.locator('main')).toContainText(`${b.slug}.accountdesk.app`);
    await expect(pageB.locator('main')).toContainText('Active');
  } finally {
    await ctxB.close();
  }
});
