// CAN-4 in the browser, with the test clock: an unused trial account gets a warning after four
// weeks and is deleted after eight, the "Stop account" way. The dates stay within five years of
// today so that the retention sweep (GDPR-9), which runs with the other jobs, has nothing to erase.
import { signUpOwner } from './accounts';
import { expect, runJobs, setClock, signIn, test, waitForMail } from './support';

test('CAN-4 an unused trial is warned after 4 weeks and deleted after 8; its owner can no longer sign in', async ({ page, request }) => {
  test.slow();
  await setClock(request, '2027-03-01T09:00:00Z');
  try {
    const owner = await signUpOwner(page, request);
    await page.context().clearCookies();

    await setClock(request, '2027-03-20T09:00:00Z');
    await runJobs(request);
    await setClock(request, '2027-03-30T09:00:00Z');
    await runJobs(request);
    const warning = await waitForMail(request, owner.email, /will be deleted for lack of use/);
    // Warned on day 29, so the 4 weeks of notice run one day past the 8 weeks.
    expect(warning.text).toContain('27 Apr 2027');
    expect(warning.text).toMatch(/sign in/i);

    await setClock(request, '2027-04-28T09:00:00Z');
    await runJobs(request);
    await waitForMail(request, owner.email, /has been stopped/);
    await signIn(page, owner.email, owner.password);
    await expect(page).not.toHaveURL(/\/account$/);
  } finally {
    await setClock(request, null);
  }
});
