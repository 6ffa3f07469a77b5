// INV-5: invoices and credit notes as PDF (pdf-lib with an embedded DejaVu font, so names such
// as "Ľubomír Čierny" and the euro sign render exactly).
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { PartySnapshot } from '@/db/schema';
import { countryName } from '@/lib/billing/countries';
import { formatDate, formatMoney } from '@/lib/format';
import { REVERSE_CHARGE_NOTE } from '@/lib/vat/treatment';
import type { invoiceLines } from '@/db/schema';
import type { DocumentRow } from './queries';

type Line = typeof invoiceLines.$inferSelect;

const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function fontFiles() {
  fonts ??= {
    regular: fs.readFileSync(path.join(FONT_DIR, 'DejaVuSans.ttf')),
    bold: fs.readFileSync(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const INK = rgb(0.12, 0.16, 0.22);
const MUTED = rgb(0.42, 0.45, 0.5);
const BRAND = rgb(0.26, 0.22, 0.79);
const RULE = rgb(0.85, 0.87, 0.9);

const STATUS_TEXT: Record<DocumentRow['status'], string> = {
  paid: 'Paid',
  open: 'Not paid yet',
  cancelled: 'Cancelled by credit note',
  credit_note: 'Credit note',
};

function partyLines(p: PartySnapshot): string[] {
  return [
    p.company || p.name,
    ...(p.company && p.name && p.company !== p.name ? [p.name] : []),
    p.street,
    [p.postalCode, p.city].filter(Boolean).join(' '),
    [p.region, countryName(p.country)].filter(Boolean).join(', '),
    ...(p.companyId ? [`Company ID: ${p.companyId}`] : []),
    ...(p.vatNumber ? [`VAT number: ${p.vatNumber}`] : []),
    ...(p.email ? [p.email] : []),
  ].filter((l) => l.trim());
}

export async function renderDocumentPdf(doc: DocumentRow, lines: Line[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const f = fontFiles();
  const regular = await pdf.embedFont(f.regular, { subset: true });
  const bold = await pdf.embedFont(f.bold, { subset: true });
  const title = doc.kind === 'invoice' ? 'Invoice' : 'Credit note';
  pdf.setTitle(`${title} ${doc.number}`);
  pdf.setAuthor(doc.seller.company);
  pdf.setCreationDate(doc.issuedAt);

  const page = pdf.addPage([595.28, 841.89]);
  const left = 50;
  const right = 545;
  let y = 790;
  const text = (s: string, x: number, yy: number, o: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb>; align?: 'left' | 'right' } = {}) => {
    const font = o.font ?? regular;
    const size = o.size ?? 9.5;
    const w = font.widthOfTextAtSize(s, size);
    page.drawText(s, { x: o.align === 'right' ? x - w : x, y: yy, size, font, color: o.color ?? INK });
  };

  text(doc.seller.company, left, y, { font: bold, size: 14, color: BRAND });
  text(title.toUpperCase(), right, y, { font: bold, size: 18, align: 'right' });
  y -= 20;
  text(doc.number, right, y, { font: bold, size: 11, align: 'right' });
  const meta = [
    `Issue date: ${formatDate(doc.issuedAt)}`,
    ...(doc.periodStart && doc.periodEnd ? [`Service period: ${formatDate(doc.periodStart)} – ${formatDate(doc.periodEnd)}`] : []),
    `Status: ${STATUS_TEXT[doc.status]}`,
  ];
  meta.forEach((m, i) => text(m, right, y - 14 * (i + 1), { align: 'right', color: MUTED }));
  // The seller's name is already the heading.
  partyLines(doc.seller).slice(1).forEach((l, i) => text(l, left, y - 14 * i, { color: MUTED, size: 9 }));

  y -= 130;
  text('Bill to', left, y, { font: bold, size: 10 });
  partyLines(doc.buyer).forEach((l, i) => text(l, left, y - 15 - 13 * i));
  y -= 15 + 13 * partyLines(doc.buyer).length + 25;

  // Lines
  const cols = [
    { label: 'Description', x: left, align: 'left' as const },
    { label: 'Qty', x: 330, align: 'right' as const },
    { label: 'Unit price', x: 400, align: 'right' as const },
    { label: 'Net', x: 470, align: 'right' as const },
    { label: 'Total', x: right, align: 'right' as const },
  ];
  page.drawRectangle({ x: left - 6, y: y - 6, width: right - left + 12, height: 20, color: rgb(0.95, 0.96, 0.98) });
  cols.forEach((c) => text(c.label, c.x, y, { font: bold, size: 9, align: c.align }));
  y -= 22;
  for (const l of lines) {
    const desc = wrap(l.description, regular, 9.5, 260);
    text(desc[0], left, y);
    text(String(l.quantity), 330, y, { align: 'right' });
    text(formatMoney(l.unitPriceCents), 400, y, { align: 'right' });
    text(formatMoney(l.netCents), 470, y, { align: 'right' });
    text(formatMoney(l.grossCents), right, y, { align: 'right' });
    for (const extra of desc.slice(1)) {
      y -= 12;
      text(extra, left, y);
    }
    y -= 8;
    hr(page, left, right, y);
    y -= 14;
  }

  // Totals and VAT breakdown
  y -= 6;
  const totals: [string, string, boolean][] = [
    ['Net amount', formatMoney(doc.netCents), false],
    [`VAT ${doc.vatRate} %${vatLabel(doc.vatKind)}`, formatMoney(doc.vatCents), false],
    [doc.kind === 'invoice' ? 'Total (EUR)' : 'Total credited (EUR)', formatMoney(doc.grossCents), true],
  ];
  for (const [label, value, strong] of totals) {
    text(label, 470, y, { align: 'right', font: strong ? bold : regular, size: strong ? 11 : 9.5 });
    text(value, right, y, { align: 'right', font: strong ? bold : regular, size: strong ? 11 : 9.5 });
    y -= strong ? 20 : 15;
  }

  y -= 10;
  const notes = [
    ...(doc.vatKind === 'reverse_charge' ? [REVERSE_CHARGE_NOTE] : []),
    ...(doc.vatKind === 'outside_eu' ? ['Supply of services outside the EU: not subject to EU VAT.'] : []),
    ...(doc.note ? [doc.note] : []),
    doc.kind === 'invoice'
      ? doc.status === 'paid'
        ? 'This invoice has been paid with the payment method on file. No further action is needed.'
        : doc.status === 'cancelled'
          ? 'This invoice was cancelled by a credit note and replaced; see the replacement invoice.'
          : 'This invoice will be charged to the payment method on file.'
      : 'This credit note cancels the invoice it refers to.',
  ];
  for (const n of notes) {
    for (const l of wrap(n, regular, 9, right - left)) {
      text(l, left, y, { size: 9, color: MUTED });
      y -= 12;
    }
    y -= 4;
  }

  hr(page, left, right, 60);
  text(`${doc.seller.company} · ${doc.seller.street}, ${doc.seller.postalCode} ${doc.seller.city}, Slovakia · Company ID ${doc.seller.companyId} · VAT ${doc.seller.vatNumber}`, left, 46, {
    size: 7.5,
    color: MUTED,
  });
  return pdf.save();
}

function vatLabel(kind: DocumentRow['vatKind']): string {
  return kind === 'reverse_charge' ? ' (reverse charge)' : kind === 'outside_eu' ? ' (outside the EU)' : '';
}

function hr(page: PDFPage, x1: number, x2: number, y: number) {
  page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness: 0.6, color: RULE });
}

function wrap(s: string, font: PDFFont, size: number, width: number): string[] {
  const words = s.split(/\s+/);
  const out: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      out.push(line);
      line = w;
    } else line = next;
  }
  if (line) out.push(line);
  return out.length ? out : [''];
}
