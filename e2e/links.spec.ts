// Links are prefetched on intent, not on sight (components/ui/link.tsx): a portal page asks the
// server for no other page until a person points at or tabs to a link.
import type { Page, Request } from '@playwright/test';
import { signUpOwner } from './accounts';
import { expect, test } from './support';

/** The router's prefetches (flight requests for a page not being opened). */
function prefetches(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r: Request) => {
    if (r.headers()['next-router-prefetch'] === '1') seen.push(new URL(r.url()).pathname);
  });
  return seen;
}

test('a portal page prefetches no link in view; pointing at a navigation link prefetches that page, and following it works', async ({ page, request }) => {
  await signUpOwner(page, request);
  const seen = prefetches(page);
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(seen).toEqual([]);

  const billing = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Billing', exact: true });
  await billing.hover();
  // The router may fetch a page's prefetch in more than one request; all of them are for that page.
  await expect.poll(() => seen.length).toBeGreaterThan(0);
  expect([...new Set(seen)]).toEqual(['/account/billing']);
  await billing.click();
  await expect(page).toHaveURL(/\/account\/billing$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
});
