import { PDFDocument } from 'pdf-lib';
import { describe, expect, test, vi } from 'vitest';
import { REVERSE_CHARGE_NOTE } from '@/lib/vat/treatment';
import { sellerSnapshot } from './seller';
import { renderDocumentPdf } from './pdf';
import type { DocumentRow } from './queries';

const base: DocumentRow = {
  id: '00000000-0000-4000-8000-000000000001',
  accountId: '00000000-0000-4000-8000-000000000002',
  kind: 'invoice',
  number: 'INV-2026-000007',
  issuedAt: new Date('2026-11-25T10:00:00Z'),
  reason: 'first_period',
  locale: 'en',
  seller: sellerSnapshot(),
  buyer: { name: 'Ľubomír Čierny', company: 'Čierny & syn s.r.o.', street: 'Šafárikova 3', city: 'Žilina', postalCode: '010 01', region: 'Žilinský kraj', country: 'DE', email: 'b@example.test', companyId: '', vatNumber: 'DE136695976' },
  vatKind: 'reverse_charge',
  vatRate: '0',
  netCents: 3900,
  vatCents: 0,
  grossCents: 3900,
  currency: 'EUR',
  periodStart: new Date('2026-11-25T10:00:00Z'),
  periodEnd: new Date('2026-12-25T10:00:00Z'),
  relatedInvoiceId: null,
  note: null,
  status: 'paid',
  paidFromCredit: false,
};
const line = { id: 'l1', invoiceId: base.id, position: 1, description: 'All-inclusive plan, monthly subscription, per seat', quantity: 1, unitPriceCents: 3900, netCents: 3900, vatCents: 0, grossCents: 3900 };

describe('invoice PDF', () => {
  test('INV-5 an invoice renders as a one-page PDF titled with its number, with non-Latin-1 names', async () => {
    const bytes = await renderDocumentPdf(base, [line]);
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Invoice INV-2026-000007');
  });

  test('INV-5 credit notes render too', async () => {
    const bytes = await renderDocumentPdf({ ...base, kind: 'credit_note', number: 'CN-2026-000001', grossCents: -3900, netCents: -3900, status: 'credit_note', note: 'Cancels invoice INV-2026-000007.' }, [{ ...line, unitPriceCents: -3900, netCents: -3900, grossCents: -3900 }]);
    expect((await PDFDocument.load(bytes)).getTitle()).toBe('Credit note CN-2026-000001');
  });
});

describe('invoice PDF in the document language', () => {
  const nlDoc: DocumentRow = { ...base, locale: 'nl' };
  const nlLine = { ...line, description: 'All-inclusive-pakket, maandabonnement, per gebruiker' };
  async function render(doc: DocumentRow, lines = [nlLine]) {
    const texts: string[] = [];
    const bytes = await renderDocumentPdf(doc, lines, { onText: (s) => texts.push(s.replace(/\u00a0/g, ' ')) });
    return { bytes, texts };
  }

  test('INV-5 a Dutch document has Dutch labels, dates, money, country names and the reverse-charge note', async () => {
    const { bytes, texts } = await render(nlDoc);
    expect((await PDFDocument.load(bytes)).getTitle()).toBe('Factuur INV-2026-000007');
    expect(texts).toEqual(
      expect.arrayContaining([
        'FACTUUR',
        'Factuurdatum: 25 nov 2026',
        'Dienstperiode: 25 nov 2026 – 25 dec 2026',
        'Status: Betaald',
        'Factuur aan',
        'Žilinský kraj, Duitsland',
        'Btw-nummer: DE136695976',
        'Omschrijving',
        'Stukprijs',
        '€ 39,00',
        'Btw 0% (verlegd)',
        'Totaal (EUR)',
        'All-inclusive-pakket, maandabonnement, per',
      ]),
    );
    const all = texts.join('\n');
    expect(all).toContain('Btw verlegd: de btw wordt door de afnemer voldaan');
    expect(all).toContain('Slowakije');
    expect(all).not.toMatch(/Invoice|Issue date|Total|Germany|Slovakia|Reverse charge/);
  });

  test('INV-5 an English document keeps its English words', async () => {
    const { texts } = await render(base, [line]);
    const all = texts.join('\n');
    expect(texts).toEqual(expect.arrayContaining(['INVOICE', 'Issue date: 25 Nov 2026', 'Status: Paid', 'Bill to', 'Žilinský kraj, Germany', '€39.00', 'VAT 0 % (reverse charge)', 'Total (EUR)']));
    expect(all).toContain(REVERSE_CHARGE_NOTE.split(' ').slice(0, 6).join(' '));
    expect(all).toContain('Slovakia · Company ID');
  });

  test('INV-5 a Dutch credit note is titled and totalled in Dutch', async () => {
    const { bytes, texts } = await render({ ...nlDoc, kind: 'credit_note', number: 'CN-2026-000001', grossCents: -3900, netCents: -3900, status: 'credit_note' });
    expect((await PDFDocument.load(bytes)).getTitle()).toBe('Creditnota CN-2026-000001');
    expect(texts).toEqual(expect.arrayContaining(['CREDITNOTA', 'Status: Creditnota', 'Totaal gecrediteerd (EUR)', '€ −39,00']));
  });

  test('INV-5 a re-download is byte-identical: nothing in the file depends on when it is rendered', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-25T10:00:00Z'));
      const first = (await render(nlDoc)).bytes;
      vi.setSystemTime(new Date('2027-06-01T08:30:17Z'));
      const later = (await render(nlDoc)).bytes;
      expect(Buffer.from(later).equals(Buffer.from(first))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
