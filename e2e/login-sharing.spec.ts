// ACC-8 in the browser: one login used at the same time from two devices on two networks (two
// browser contexts with different user agents and X-Forwarded-For addresses; the test server trusts
// the proxy header) on three days is flagged by the jobs; staff see the evidence and add the
// surcharge; the owner is emailed, and the next renewal invoice carries one seat for the login.
import { randomBytes } from 'node:crypto';
import { signUpOwner } from './accounts';
import { addCard } from './billing';
import { expect, outbox, runJobs, setClock, signIn, test, waitForMail, signInAsStaff } from './support';

const FIREFOX_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:140.0) Gecko/20100101 Firefox/140.0';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

test('ACC-8 a login shared between devices and networks on three days is flagged; staff add the surcharge; the owner is emailed and the next renewal invoice has the line', async ({ page, request, browser }) => {
  test.slow();
  const owner = await signUpOwner(page, request);
  await addCard(page);
  // Twenty minutes past an hour, so both browsers' visits of a day fall in the same hour.
  const base = Math.floor(Date.now() / HOUR) * HOUR + 20 * 60_000;
  const otherNetwork = `198.51.100.${(randomBytes(1)[0] % 250) + 1}`;
  const laptop = await browser.newContext({ userAgent: FIREFOX_MAC, extraHTTPHeaders: { 'x-forwarded-for': otherNetwork } });
  const staffContext = await browser.newContext();
  try {
    const second = await laptop.newPage();
    await signIn(second, owner.email, owner.password);
    await expect(second).toHaveURL(/\/account$/);
    for (const d of [1, 2, 3]) {
      await setClock(request, new Date(base + d * DAY).toISOString());
      for (const p of [page, second]) {
        await p.goto('/account/security');
        await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
      }
    }
    await runJobs(request);

    // Staff see the flag with its evidence and add the surcharge.
    const staff = await staffContext.newPage();
    await signInAsStaff(staff);
    await expect(staff).toHaveURL(/\/staff$/, { timeout: 30_000 });
    await staff.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Login sharing' }).click();
    await expect(staff.getByRole('heading', { level: 1, name: 'Login sharing' })).toBeVisible();
    const row = staff.getByRole('table', { name: 'Flagged logins' }).getByRole('row').filter({ hasText: owner.email });
    // The three days, and today's first visits too when both fell in one hour.
    await expect(row).toContainText(/[34] days with overlapping use/);
    await expect(row).toContainText('Firefox on Mac OS');
    await expect(row).toContainText('198.51.100.0/24');
    await expect(row).toContainText('Open');
    await row.getByRole('button', { name: 'Add surcharge' }).click();
    await expect(row).toContainText('Surcharged');
    await expect(row.getByRole('button', { name: 'End surcharge' })).toBeVisible();

    const mail = await waitForMail(request, owner.email, /surcharge for a shared login/);
    expect(mail.text).toContain(owner.fullName);
    expect(mail.text).toMatch(/€\d+\.\d{2} per month/);

    // A month after paying, the renewal invoice carries one seat for the shared login.
    await setClock(request, new Date(Date.now() + 32 * DAY).toISOString());
    await runJobs(request);
    await expect
      .poll(async () => (await outbox(request, owner.email)).filter((m) => /Payment received/.test(m.subject)).length)
      .toBe(2);
    const paid = (await outbox(request, owner.email)).filter((m) => /Payment received/.test(m.subject)).map((m) => m.subject.match(/invoice (INV-\S+)/)![1]);
    const renewal = paid.sort().at(-1)!;
    await page.context().clearCookies();
    await signIn(page, owner.email, owner.password);
    await expect(page).toHaveURL(/\/account/);
    await page.goto('/account/invoices');
    await page.getByRole('table').getByRole('link', { name: renewal, exact: true }).click();
    const items = page.getByRole('table', { name: new RegExp(renewal) }).first();
    await expect(items).toContainText(`Shared login surcharge: ${owner.fullName} (one seat per month)`);
  } finally {
    await setClock(request, null);
    await laptop.close();
    await staffContext.close();
  }
});
