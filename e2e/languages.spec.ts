// English and Dutch throughout: a Dutch browser gets Dutch pages and Dutch email from signup on;
// the "Language" select's choice follows the person to the next page and into their email.
// Dutch words are read from messages/nl/*.json (never written here), so wording can change.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { newOwnerData, signUpOwner } from './accounts';
import { expect, outbox, test, waitForMail, type OutboxMail } from './support';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else flatten(v, `${prefix}${k}.`, out);
  }
  return out;
}

function catalogue(locale: 'en' | 'nl'): Record<string, string> {
  const dir = join(process.cwd(), 'messages', locale);
  const all: Record<string, string> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')))
    Object.assign(all, flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Tree, `${file.replace(/\.json$/, '')}.`));
  return all;
}

const EN = catalogue('en');
const NL = catalogue('nl');

/** A catalogue message as a pattern: its placeholders ({name}, plurals, rich-text tags) match anything. */
function pattern(message: string): RegExp {
  const parts: string[] = [];
  let depth = 0;
  let literal = '';
  for (const ch of message.replace(/<\/?\w+>/g, '\u0000')) {
    if (ch === '{') {
      if (depth === 0) {
        parts.push(literal.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
        literal = '';
      }
      depth++;
    } else if (ch === '}') {
      depth--;
      if (depth === 0) parts.push('.*?');
    } else if (depth === 0) literal += ch;
  }
  parts.push(literal.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^\\s*${parts.join('').replace(/\u0000/g, '.*?').replace(/\s+/g, '\\s+')}\\s*$`, 's');
}

/** The words of a message outside its placeholders (a message that is only "{name}" proves nothing). */
function literal(message: string): string {
  let depth = 0;
  let out = '';
  for (const ch of message.replace(/<\/?\w+>/g, ' ')) {
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** The messages of one language whose other-language twin differs (so "Privacy" or "Deals" prove nothing), as patterns. */
function distinctive(mine: Record<string, string>, theirs: Record<string, string>) {
  return Object.entries(mine)
    .filter(([key, m]) => theirs[key] !== undefined && theirs[key].trim() !== m.trim() && /\p{L}{3}/u.test(literal(m)))
    .map(([key, m]) => ({ key, re: pattern(m) }));
}
const DUTCH = distinctive(NL, EN);
const ENGLISH = distinctive(EN, NL);

/** The catalogue key whose Dutch message `text` is, or undefined. */
function dutchKey(text: string): string | undefined {
  return DUTCH.find((d) => d.re.test(text.trim()))?.key;
}
function englishKey(text: string): string | undefined {
  return ENGLISH.find((d) => d.re.test(text.trim()))?.key;
}

async function expectDutchHeading(page: Page, what: string) {
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toBeVisible();
  const text = await h1.innerText();
  expect(dutchKey(text), `${what}: the heading "${text}" is a Dutch catalogue message`).toBeTruthy();
}

function expectDutchMail(mail: OutboxMail, what: string) {
  expect(dutchKey(mail.subject), `${what}: the subject "${mail.subject}" is a Dutch catalogue message`).toBeTruthy();
  expect(englishKey(mail.subject), `${what}: the subject "${mail.subject}" is not English`).toBeUndefined();
  const lines = mail.text.split('\n').map((l) => l.trim()).filter((l) => l.length > 20);
  expect(lines.some((l) => dutchKey(l)), `${what}: the body has a Dutch paragraph`).toBe(true);
  expect(lines.filter((l) => englishKey(l)), `${what}: no English paragraph in the body`).toEqual([]);
}

function firstLinkIn(mail: OutboxMail): string {
  const m = mail.text.match(/https?:\/\/\S+/);
  if (!m) throw new Error(`No link in "${mail.subject}"`);
  return m[0];
}

test.describe('a browser that asks for Dutch (Accept-Language: nl-NL)', () => {
  test.use({ locale: 'nl-NL' });

  test('signup, the confirmation email, My account and Billing are all in Dutch without choosing anything', async ({ page, request }) => {
    test.slow(); // signup waits for the proof-of-work solution and an argon2id hash
    const o = newOwnerData();
    await page.goto('/signup');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expectDutchHeading(page, '/signup');
    // The fields by their names: their labels are Dutch here.
    await page.locator('input[name="fullName"]').fill(o.fullName);
    await page.locator('input[name="email"]').fill(o.email);
    await page.locator('input[name="password"]').fill(o.password);
    await page.locator('input[name="companyName"]').fill(o.company);
    await page.locator('input[name="slug"]').fill(o.slug);
    await page.locator('input[name="dateOfBirth"]').fill('1990-04-12');
    await page.locator('input[name="acceptTerms"]').check();
    await page.locator('main form button[type="submit"]').click();
    await expect(page.locator('input[name="fullName"]')).toHaveCount(0, { timeout: 30_000 });
    await expectDutchHeading(page, 'signup sent');

    // The confirmation email is Dutch: subject and body.
    const [mail] = await (async () => {
      await expect.poll(async () => (await outbox(request, o.email)).length).toBeGreaterThan(0);
      return outbox(request, o.email);
    })();
    expectDutchMail(mail, 'confirmation email');
    await page.goto(firstLinkIn(mail));
    await expectDutchHeading(page, 'email confirmed');

    await page.goto('/login');
    await page.locator('input[name="email"]').fill(o.email);
    await page.locator('input[name="password"]').fill(o.password);
    await page.locator('main form button[type="submit"]').click();
    await expect(page).toHaveURL(/\/account$/);
    await expectDutchHeading(page, '/account');
    const sections = page.getByRole('navigation', { name: NL['common.nav.label'] });
    await sections.getByRole('link', { name: NL['common.nav.billing'], exact: true }).click();
    await expect(page).toHaveURL(/\/account\/billing$/);
    await expectDutchHeading(page, '/account/billing');
    // The billing details form's labels are Dutch.
    for (const name of ['street', 'city', 'postalCode', 'invoiceEmail']) {
      const id = await page.locator(`input[name="${name}"]`).getAttribute('id');
      const label = await page.locator(`label[for="${id}"]`).innerText();
      expect(dutchKey(label), `billing details: the label "${label}" of ${name} is Dutch`).toBeTruthy();
    }
    await expect(page.getByLabel(NL['common.language.label'])).toHaveValue('nl');
  });
});

test('the "Language" select switches to Nederlands for the next page and for the next email to that person', async ({ page, request, browser, clientIp }, testInfo) => {
  test.slow(); // signup waits for the proof-of-work solution and an argon2id hash
  const o = await signUpOwner(page, request); // an English browser
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption({ label: 'Nederlands' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expectDutchHeading(page, '/account after choosing Nederlands');

  // The next page, reached by a link, stays Dutch.
  await page.getByRole('navigation', { name: NL['common.nav.label'] }).getByRole('link', { name: NL['common.nav.billing'], exact: true }).click();
  await expect(page).toHaveURL(/\/account\/billing$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expectDutchHeading(page, '/account/billing');
  await expect(page.getByLabel(NL['common.language.label'])).toHaveValue('nl');

  // The next email to that person is Dutch too, even when an English browser asks for it: the
  // password reset link, requested from a browser without any language choice.
  const english = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'en-GB', extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
  try {
    const other = await english.newPage();
    await other.goto('/forgot-password');
    await expect(other.locator('html')).toHaveAttribute('lang', 'en');
    await other.getByLabel('Email').fill(o.email);
    await other.getByRole('button', { name: 'Send reset link' }).click();
    await expect(other.getByRole('status').first()).toBeVisible({ timeout: 30_000 });
  } finally {
    await english.close();
  }
  let reset: OutboxMail | undefined;
  await expect
    .poll(async () => {
      const mails = await outbox(request, o.email);
      reset = mails.find((m) => firstLinkIn(m).includes('/reset-password'));
      return !!reset;
    })
    .toBe(true);
  expectDutchMail(reset!, 'password reset email');
  void waitForMail;
});
