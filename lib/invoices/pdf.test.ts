import { PDFDocument } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
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
