// PAY-5/PAY-7: the sandbox processor's hosted pages store a token only for a setup reference that
// is signed for the signed-in owner's account and browser session and not yet expired; they are
// rate limited per address, and their return and Cancel links never leave the site.
import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sandboxPaymentTokens } from '@/db/schema';
import { setClock } from '@/lib/clock';
import { LIMITS } from '@/lib/rate-limit';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { createSetupReference, SETUP_REFERENCE_TTL_MS, type SetupBinding } from './payment-setup';
import { approvePaypalPage, showCardForm, showPaypalPage, submitCardForm, type HostedPageContext } from './sandbox-hosted';
import { SandboxProcessor } from './sandbox-processor';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.dispose());

const AT = new Date('2026-11-26T09:00:00Z');
const ORIGIN = new URL(process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000').origin;
let ipCounter = 0;
/** A fresh client address per call site, so the rate limit only bites where a test means it to. */
const freshIp = () => `198.51.100.${++ipCounter}`;

function ctx(binding: SetupBinding | null, over: Partial<HostedPageContext> = {}): HostedPageContext {
  return { db: t.db, processor: new SandboxProcessor(async () => t.db), binding, ip: freshIp(), at: AT, ...over };
}

const owner = (): SetupBinding => ({ accountId: randomUUID(), sessionId: randomUUID() });

function post(path: 'card' | 'paypal', fields: Record<string, string>): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries({ return: '/account/billing/return', ...fields })) form.set(k, v);
  return new Request(`http://localhost/api/processor/${path}`, { method: 'POST', body: form });
}
const get = (path: 'card' | 'paypal', query: Record<string, string>) => new Request(`http://localhost/api/processor/${path}?${new URLSearchParams(query)}`);

const CARD = { holderName: 'Eva Billing', number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' };

async function storedTokens(): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(sandboxPaymentTokens);
  return Number(row.n);
}

/** Where a response sends the browser, resolved the way the browser would. */
function landsOnSite(href: string): boolean {
  return new URL(href, `${ORIGIN}/account/billing`).origin === ORIGIN;
}

function cancelHref(html: string): string {
  const m = html.match(/<a class="cancel" href="([^"]*)"/);
  if (!m) throw new Error('no Cancel link');
  return m[1].replace(/&amp;/g, '&');
}

describe('sandbox hosted pages: the setup reference', () => {
  test('PAY-5 a valid, unexpired reference for this owner and session stores one card token and returns with it', async () => {
    const me = owner();
    const reference = createSetupReference(me, AT);
    const before = await storedTokens();
    const res = await submitCardForm(post('card', { reference, ...CARD }), ctx(me));
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/account\/billing\/return\?token=tok_[0-9a-f]+&reference=/);
    expect(new URL(location, ORIGIN).searchParams.get('reference')).toBe(reference);
    expect(await storedTokens()).toBe(before + 1);
  });

  test('PAY-7 a valid reference on the PayPal page stores one billing-agreement token', async () => {
    const me = owner();
    const reference = createSetupReference(me, AT);
    const before = await storedTokens();
    const res = await approvePaypalPage(post('paypal', { reference, email: 'buyer@paypal.test' }), ctx(me));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/token=ba_/);
    expect(await storedTokens()).toBe(before + 1);
  });

  test('PAY-5 a forged reference, or one signed for another account or session, stores nothing', async () => {
    const me = owner();
    const someoneElse = owner();
    const forged = [
      'forged',
      'a.b.c',
      createSetupReference(someoneElse, AT),
      createSetupReference({ accountId: me.accountId, sessionId: randomUUID() }, AT),
      createSetupReference(me, AT).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      // A later expiry written into a genuine reference breaks its signature.
      (() => {
        const [nonce, , sig] = createSetupReference(me, AT).split('.');
        return `${nonce}.${Math.floor(AT.getTime() / 1000) + 10 * 86_400}.${sig}`;
      })(),
    ];
    const before = await storedTokens();
    for (const reference of forged) {
      const card = await submitCardForm(post('card', { reference, ...CARD }), ctx(me));
      expect(card.status).toBe(400);
      expect(card.headers.get('location')).toBeNull();
      expect(await card.text()).toContain('This payment page cannot be used');
      const paypal = await approvePaypalPage(post('paypal', { reference, email: 'buyer@paypal.test' }), ctx(me));
      expect(paypal.status).toBe(400);
    }
    expect(await storedTokens()).toBe(before);
  });

  test('PAY-5 a reference older than an hour stores nothing and says the page expired', async () => {
    const me = owner();
    const reference = createSetupReference(me, new Date(AT.getTime() - SETUP_REFERENCE_TTL_MS - 1000));
    const before = await storedTokens();
    const card = await submitCardForm(post('card', { reference, ...CARD }), ctx(me));
    expect(card.status).toBe(410);
    expect(await card.text()).toContain('This payment page has expired');
    expect((await approvePaypalPage(post('paypal', { reference, email: 'buyer@paypal.test' }), ctx(me))).status).toBe(410);
    expect(await storedTokens()).toBe(before);
  });

  test('PAY-5 nobody signed in: even a well-formed reference stores nothing', async () => {
    const reference = createSetupReference(owner(), AT);
    const before = await storedTokens();
    expect((await submitCardForm(post('card', { reference, ...CARD }), ctx(null))).status).toBe(400);
    expect((await approvePaypalPage(post('paypal', { reference, email: 'buyer@paypal.test' }), ctx(null))).status).toBe(400);
    expect(await storedTokens()).toBe(before);
  });

  test('PAY-5 the card form is not even shown for a forged reference', async () => {
    const me = owner();
    const refused = await showCardForm(get('card', { return: '/account/billing/return', reference: createSetupReference(owner(), AT) }), ctx(me));
    expect(refused.status).toBe(400);
    expect(await refused.text()).not.toContain('Card number');
    const shown = await showCardForm(get('card', { return: '/account/billing/return', reference: createSetupReference(me, AT) }), ctx(me));
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('Card number');
  });
});

describe('sandbox hosted pages: rate limit', () => {
  test(`PAY-5 one address gets ${LIMITS.processorPage.max} page views or submissions per window, then a 429 page; other addresses are unaffected`, async () => {
    const me = owner();
    const reference = createSetupReference(me, AT);
    const ip = '203.0.113.77';
    const query = { return: '/account/billing/return', reference };
    for (let i = 0; i < LIMITS.processorPage.max; i++) expect((await showCardForm(get('card', query), ctx(me, { ip }))).status).toBe(200);
    const before = await storedTokens();
    const limited = await submitCardForm(post('card', { reference, ...CARD }), ctx(me, { ip }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await limited.text();
    expect(html).toContain('Too many attempts');
    expect(html).not.toContain('Card number');
    expect((await showPaypalPage(get('paypal', query), ctx(me, { ip }))).status).toBe(429);
    expect(await storedTokens()).toBe(before);
    // Another address still gets the page.
    expect((await showCardForm(get('card', query), ctx(me))).status).toBe(200);
    // The next window opens again (the limit counts on the app clock).
    setClock(new Date(Date.now() + LIMITS.processorPage.windowSeconds * 1000));
    try {
      expect((await showCardForm(get('card', query), ctx(me, { ip }))).status).toBe(200);
    } finally {
      setClock(null);
    }
  });
});

describe('sandbox hosted pages: return and Cancel stay on this site', () => {
  const offSite = ['//evil.example', '/\t/evil.example', '/%09/evil.example', '\\\\evil.example', 'https://evil.example/account/billing/return', 'javascript:alert(1)'];

  test.each(offSite)('return=%j never becomes an off-site Location', async (value) => {
    const me = owner();
    const reference = createSetupReference(me, AT);
    for (const res of [
      await submitCardForm(post('card', { reference, return: value, ...CARD }), ctx(me)),
      await approvePaypalPage(post('paypal', { reference, return: value, email: 'buyer@paypal.test' }), ctx(me)),
    ]) {
      const location = res.headers.get('location');
      if (location !== null) {
        expect(location.startsWith('/')).toBe(true);
        expect(location.startsWith('//')).toBe(false);
        expect(landsOnSite(location)).toBe(true);
      }
    }
  });

  test.each(offSite)('return=%j (in the page link) never becomes an off-site Cancel href', async (value) => {
    const me = owner();
    const reference = createSetupReference(me, AT);
    // As a browser sends it: the value percent-encoded in the query string, and also raw.
    const urls = [
      `http://localhost/api/processor/card?return=${encodeURIComponent(value)}&reference=${encodeURIComponent(reference)}`,
      `http://localhost/api/processor/card?return=${value}&reference=${encodeURIComponent(reference)}`,
    ];
    for (const url of urls) {
      for (const res of [await showCardForm(new Request(url), ctx(me)), await showPaypalPage(new Request(url.replace('/card?', '/paypal?')), ctx(me))]) {
        const html = await res.text();
        if (res.status === 200) {
          const href = cancelHref(html);
          expect(href.startsWith('//')).toBe(false);
          expect(landsOnSite(href)).toBe(true);
        }
        expect(html).not.toMatch(/href="(https?:)?\/\/evil\.example/);
      }
    }
  });

  test('a same-site return keeps its path and gains the token and reference', async () => {
    const me = owner();
    const reference = createSetupReference(me, AT);
    const res = await submitCardForm(post('card', { reference, return: '/account/billing/return?from=card', ...CARD }), ctx(me));
    const location = new URL(res.headers.get('location')!, ORIGIN);
    expect(location.pathname).toBe('/account/billing/return');
    expect(location.searchParams.get('from')).toBe('card');
    expect(location.searchParams.get('reference')).toBe(reference);
  });
});
