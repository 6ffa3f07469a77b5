// Hostile input (issue 13): markup typed into a name (a person's, a company's, a billing name)
// is text wherever it is shown again: the HTML of every email escapes it, and an invoice PDF
// draws it literally. (Pages: e2e/hostile-input.spec.ts.)
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { outbox, plans, subscriptions } from '@/db/schema';
import { signupSchema } from '@/lib/accounts/schemas';
import { signUp } from '@/lib/accounts/signup';
import { emailHtml } from '@/lib/email/outbox';
import { escapeHtml, renderEmail } from '@/lib/email/render';
import { renderDocumentPdf } from '@/lib/invoices/pdf';
import type { DocumentRow } from '@/lib/invoices/queries';
import { sellerSnapshot } from '@/lib/invoices/seller';
import { inviteUser } from '@/lib/team/service';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeAccount, makeUser } from '@/lib/test-utils/factories';
import { HTML_NAME } from './fuzz-arbitraries';

/** The tags an email's own layout uses; anything else in its HTML came from the data. */
const LAYOUT_TAGS = new Set(['!doctype', 'html', 'body', 'div', 'p', 'a', 'br']);
const tagsIn = (html: string) => [...html.matchAll(/<\/?([a-zA-Z!][^\s>/]*)/g)].map((m) => m[1].toLowerCase());
const decode = (html: string) =>
  html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('markup in names, in emails', () => {
  test('whatever text an email carries, its HTML has only the layout’s own tags and shows the text literally', () => {
    const text = fc.oneof(fc.constant(HTML_NAME), fc.constantFrom('"><script>alert(1)</script>', "' onmouseover='x", '</p><a href=//evil>', '&lt;b&gt;', '<!-- x -->'), fc.string({ unit: 'binary', maxLength: 60 }));
    fc.assert(
      fc.property(text, text, text, text, (subject, greeting, paragraph, label) => {
        const mail = renderEmail({ subject, greeting, paragraphs: [paragraph], action: { label, url: 'https://accountdesk.test/x' } });
        for (const tag of tagsIn(mail.html)) expect(LAYOUT_TAGS, `tag <${tag}> in ${mail.html}`).toContain(tag);
        const shown = decode(mail.html);
        for (const s of [greeting, paragraph, label]) expect(shown).toContain(s.trim() ? s.replace(/\r?\n/g, '\n') : s);
        expect(mail.subject).toBe(subject); // a header: nodemailer encodes it, it is never HTML
      }),
      { numRuns: 300 },
    );
  });

  describe('the emails the app queues', () => {
    let t: TestDb;
    beforeAll(async () => {
      process.env.TEST_HOOKS = '1';
      t = await createTestDb();
    }, 300_000);
    afterAll(async () => t?.dispose());

    const expectEscaped = (html: string) => {
      expect(html).not.toMatch(/<img|<b>/i);
      expect(html).toContain(escapeHtml(HTML_NAME));
    };

    test('signup: the confirmation email greets the person by their name, as text', async () => {
      const input = signupSchema.parse({
        fullName: HTML_NAME,
        email: 'markup-owner@example.test',
        password: 'correct horse battery staple',
        companyName: HTML_NAME,
        slug: 'markup-owner',
        dateOfBirth: '1990-04-12',
        acceptTerms: 'on',
        botCheck: 'test-pass',
      });
      expect(input.fullName).toBe(HTML_NAME); // the name is kept as typed: escaping is the output's job
      await signUp(t.db, input, { ip: '192.0.2.60', userAgent: 'Vitest', locale: 'en' }, new Date());
      const mails = await t.db.select().from(outbox).where(eq(outbox.to, 'markup-owner@example.test'));
      expect(mails.length).toBeGreaterThan(0);
      for (const m of mails) {
        expectEscaped(emailHtml(m));
        expect(m.text).toContain(HTML_NAME);
      }
    });

    test('invitation: the inviter’s name and company reach the invitee as text (English and Dutch)', async () => {
      const account = await makeAccount(t.db, { companyName: HTML_NAME });
      const owner = await makeUser(t.db, account.id, { role: 'owner', fullName: HTML_NAME });
      const [plan] = await t.db.select().from(plans).where(eq(plans.code, 'team'));
      await t.db.insert(subscriptions).values({ accountId: account.id, planId: plan.id, seats: 5, status: 'active', createdAt: new Date(), updatedAt: new Date() });
      for (const locale of ['en', 'nl'] as const) {
        const to = `markup-invitee-${locale}@example.test`;
        await inviteUser(t.db, { accountId: account.id, userId: owner.id, role: 'owner', ip: '192.0.2.61' } as never, { email: to, role: 'agent' }, new Date(), locale);
        const [mail] = await t.db.select().from(outbox).where(eq(outbox.to, to));
        expectEscaped(emailHtml(mail));
        expect(`${mail.subject}\n${mail.text}`).toContain(HTML_NAME);
      }
    });
  });
});

describe('markup and odd characters in names, in invoice PDFs', () => {
  const doc: DocumentRow = {
    id: '00000000-0000-4000-8000-000000000001',
    accountId: '00000000-0000-4000-8000-000000000002',
    kind: 'invoice',
    number: 'INV-2026-000042',
    issuedAt: new Date('2026-11-25T10:00:00Z'),
    reason: 'first_period',
    locale: 'en',
    seller: sellerSnapshot(),
    buyer: { name: HTML_NAME, company: `${HTML_NAME} s.r.o.`, street: '<script>x</script> 3', city: 'Žilina', postalCode: '010 01', region: '', country: 'SK', email: 'b@example.test', companyId: '', vatNumber: '' },
    vatKind: 'domestic',
    vatRate: '23',
    netCents: 3900,
    vatCents: 897,
    grossCents: 4797,
    currency: 'EUR',
    periodStart: new Date('2026-11-25T10:00:00Z'),
    periodEnd: new Date('2026-12-25T10:00:00Z'),
    relatedInvoiceId: null,
    note: null,
    status: 'paid',
    paidFromCredit: false,
  };
  const line = { id: 'l1', invoiceId: doc.id, position: 1, description: 'All-inclusive plan, monthly subscription, per seat', quantity: 1, unitPriceCents: 3900, netCents: 3900, vatCents: 897, grossCents: 4797 };

  test('the billing name and company are drawn literally, markup and all', async () => {
    const texts: string[] = [];
    const bytes = await renderDocumentPdf(doc, [line], { onText: (s) => texts.push(s) });
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    expect(texts).toEqual(expect.arrayContaining([`${HTML_NAME} s.r.o.`, HTML_NAME, '<script>x</script> 3']));
  });

  test('any name (emoji, other scripts, control characters, 200 characters) renders a PDF, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }), fc.constantFrom('𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏳️‍🌈', '山田太郎', 'مرحبا', 'a\u0000b\u0007c', '\u202egnp.exe', 'x'.repeat(200))), async (name) => {
        const bytes = await renderDocumentPdf({ ...doc, buyer: { ...doc.buyer, name, company: name } }, [line]);
        expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
      }),
      { numRuns: 8 },
    );
  });
});
