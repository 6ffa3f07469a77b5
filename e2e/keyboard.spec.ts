// WCAG 2.1.1 and 2.4.7: everything the issue names can be done with the keyboard alone, the first
// Tab reaches "Skip to main content", and every kind of control shows where the focus is.
import type { Locator, Page } from '@playwright/test';
import { newOwnerData } from './accounts';
import { expect, firstLink, test, waitForMail } from './support';

test.use({ locale: 'en-US' }); // the date input's segments are month/day/year

/** Presses Tab (only Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Moves to `target` with Tab and types `text` with the keyboard. */
async function tabAndType(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

test('ACC-1 CAN-1 signup, sign-in and "Stop account" can be done with the keyboard alone', async ({ page, request }) => {
  test.slow(); // signup waits for the proof-of-work solution and an argon2id hash
  const o = newOwnerData();
  await page.goto('/signup');
  await tabAndType(page, page.getByLabel('Full name'), o.fullName);
  await tabAndType(page, page.getByLabel('Email'), o.email);
  await tabAndType(page, page.getByLabel('Password'), o.password);
  await tabAndType(page, page.getByLabel('Company name'), o.company);
  const slug = page.getByLabel('Account address');
  await tabTo(page, slug);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(o.slug);
  await tabAndType(page, page.getByLabel('Date of birth'), '04121990');
  await expect(page.getByLabel('Date of birth')).toHaveValue('1990-04-12');
  await tabTo(page, page.getByLabel('I accept the terms of service'));
  await page.keyboard.press('Space');
  await expect(page.getByLabel('I accept the terms of service')).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Create account' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /check your email/i })).toBeVisible({ timeout: 30_000 });

  // The confirmation link arrives by email; opening it is not a keyboard matter.
  await page.goto(firstLink(await waitForMail(request, o.email, /confirm/i)));
  await expect(page.getByRole('heading', { level: 1, name: /email confirmed/i })).toBeVisible();

  await page.goto('/login');
  await tabAndType(page, page.getByLabel('Email'), o.email);
  await tabAndType(page, page.getByLabel('Password'), o.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);

  await tabTo(page, page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Stop account' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account\/stop$/);
  await tabAndType(page, page.getByLabel('Type your account address to confirm'), `${o.slug}.accountdesk.app`);
  await tabTo(page, page.getByRole('main').getByRole('button', { name: 'Stop account' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account-stopped$/);
  await expect(page.getByRole('heading', { level: 1, name: /your account has been stopped/i })).toBeVisible();
});

test('WCAG 2.4.1 the first Tab on a page focuses "Skip to main content" and Enter moves the focus to the main content', async ({ page }) => {
  for (const path of ['/', '/login', '/pricing']) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip, path).toBeFocused();
    await expect(skip, `${path}: visible once focused`).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main'), path).toBeFocused();
  }
});

test('WCAG 2.4.7 a link, a button, a text input, a checkbox and a select each show a visible focus indicator', async ({ page }) => {
  await page.goto('/signup');
  const controls: [string, Locator][] = [
    ['skip link', page.getByRole('link', { name: 'Skip to main content' })],
    ['text input', page.getByLabel('Full name')],
    ['checkbox', page.getByLabel('I accept the terms of service')],
    ['link', page.getByRole('link', { name: /read the terms/i })],
    ['button', page.getByRole('button', { name: 'Create account' })],
    ['select', page.getByLabel('Language')],
  ];
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (const [kind, control] of controls) {
    await tabTo(page, control);
    const style = await control.evaluate((el) => {
      const s = getComputedStyle(el);
      return { focusVisible: el.matches(':focus-visible'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
    });
    expect(style.focusVisible, kind).toBe(true);
    const outlined = style.outline !== 'none' && style.width >= 2;
    const ringed = style.shadow !== 'none' && style.shadow !== '';
    expect(outlined || ringed, `${kind} shows no focus indicator: ${JSON.stringify(style)}`).toBe(true);
  }
});
