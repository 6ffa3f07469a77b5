// INV-5: invoices and credit notes as PDF (pdf-lib with an embedded DejaVu font, so names such
// as "Ľubomír Čierny" and the euro sign render exactly). Every word, date, amount and country name
// is in the document's own language (invoices.locale, the owner's at issue time), and the file
// depends on nothing but the document: a download next year is byte for byte the same as today's.
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { PartySnapshot } from '@/db/schema';
import type { invoiceLines } from '@/db/schema';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/config';
import { formattersFor } from '@/lib/i18n/format';
import { translatorFor } from '@/lib/i18n/translator';
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

const STATUS_KEYS: Record<DocumentRow['status'], string> = {
  paid: 'pdf.status.paid',
  open: 'pdf.status.open',
  cancelled: 'pdf.status.cancelled',
  credit_note: 'pdf.status.creditNote',
};

const INTL_LOCALE: Record<Locale, string> = { en: 'en', nl: 'nl' };
const regionNames = new Map<Locale, Intl.DisplayNames>();
function countryIn(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([INTL_LOCALE[locale]], { type: 'region' })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The document's words in its language. */
function documentKit(doc: Pick<DocumentRow, 'locale'>) {
  const locale: Locale = isLocale(doc.locale) ? doc.locale : DEFAULT_LOCALE;
  return { ...formattersFor(locale), t: translatorFor(locale), country: (code: string) => countryIn(code, locale) };
}
type DocumentKit = ReturnType<typeof documentKit>;

function partyLines(p: PartySnapshot, k: DocumentKit): string[] {
  return [
    p.company || p.name,
    ...(p.company && p.name && p.company !== p.name ? [p.name] : []),
    p.street,
    [p.postalCode, p.city].filter(Boolean).join(' '),
    [p.region, k.country(p.country)].filter(Boolean).join(', '),
    ...(p.companyId ? [k.t('pdf.party.companyId', { id: p.companyId })] : []),
    ...(p.vatNumber ? [k.t('pdf.party.vatNumber', { number: p.vatNumber })] : []),
    ...(p.email ? [p.email] : []),
  ].filter((l) => l.trim());
}

/** The document's title as its heading and the PDF's title say it: "Invoice" / "Factuur". */
export function documentTitle(doc: Pick<DocumentRow, 'kind' | 'locale'>): string {
  return documentKit(doc).t(doc.kind === 'invoice' ? 'pdf.title.invoice' : 'pdf.title.creditNote');
}

export interface RenderOptions {
  /** Called with every text drawn on the page, in order (tests read the document with it). */
  onText?: (text: string) => void;
}

export async function renderDocumentPdf(doc: DocumentRow, lines: Line[], opts: RenderOptions = {}): Promise<Uint8Array> {
  const k = documentKit(doc);
  const { t } = k;
  // No metadata from the clock or chance: dates are the issue date, font names fixed.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const f = fontFiles();
  const regular = await pdf.embedFont(f.regular, { subset: true, customName: 'DejaVuSans' });
  const bold = await pdf.embedFont(f.bold, { subset: true, customName: 'DejaVuSans-Bold' });
  const title = documentTitle(doc);
  pdf.setTitle(`${title} ${doc.number}`);
  pdf.setAuthor(doc.seller.company);
  pdf.setLanguage(k.locale === 'nl' ? 'nl-NL' : 'en-GB');
  pdf.setProducer('Accountdesk');
  pdf.setCreator('Accountdesk');
  pdf.setCreationDate(doc.issuedAt);
  pdf.setModificationDate(doc.issuedAt);

  const page = pdf.addPage([595.28, 841.89]);
  const left = 50;
  const right = 545;
  let y = 790;
  const text = (s: string, x: number, yy: number, o: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb>; align?: 'left' | 'right' } = {}) => {
    const font = o.font ?? regular;
    const size = o.size ?? 9.5;
    const w = font.widthOfTextAtSize(s, size);
    opts.onText?.(s);
    page.drawText(s, { x: o.align === 'right' ? x - w : x, y: yy, size, font, color: o.color ?? INK });
  };

  text(doc.seller.company, left, y, { font: bold, size: 14, color: BRAND });
  text(title.toUpperCase(), right, y, { font: bold, size: 18, align: 'right' });
  y -= 20;
  text(doc.number, right, y, { font: bold, size: 11, align: 'right' });
  const meta = [
    t('pdf.meta.issueDate', { date: k.date(doc.issuedAt) }),
    ...(doc.periodStart && doc.periodEnd ? [t('pdf.meta.servicePeriod', { start: k.date(doc.periodStart), end: k.date(doc.periodEnd) })] : []),
    t('pdf.meta.status', { status: t(STATUS_KEYS[doc.status]) }),
  ];
  meta.forEach((m, i) => text(m, right, y - 14 * (i + 1), { align: 'right', color: MUTED }));
  // The seller's name is already the heading.
  partyLines(doc.seller, k).slice(1).forEach((l, i) => text(l, left, y - 14 * i, { color: MUTED, size: 9 }));

  y -= 130;
  text(t('pdf.party.billTo'), left, y, { font: bold, size: 10 });
  const buyerLines = partyLines(doc.buyer, k);
  buyerLines.forEach((l, i) => text(l, left, y - 15 - 13 * i));
  y -= 15 + 13 * buyerLines.length + 25;

  // Lines
  const cols = [
    { label: t('pdf.columns.description'), x: left, align: 'left' as const },
    { label: t('pdf.columns.quantity'), x: 330, align: 'right' as const },
    { label: t('pdf.columns.unitPrice'), x: 400, align: 'right' as const },
    { label: t('pdf.columns.net'), x: 470, align: 'right' as const },
    { label: t('pdf.columns.total'), x: right, align: 'right' as const },
  ];
  page.drawRectangle({ x: left - 6, y: y - 6, width: right - left + 12, height: 20, color: rgb(0.95, 0.96, 0.98) });
  cols.forEach((c) => text(c.label, c.x, y, { font: bold, size: 9, align: c.align }));
  y -= 22;
  for (const l of lines) {
    const desc = wrap(l.description, regular, 9.5, 260);
    text(desc[0], left, y);
    text(String(l.quantity), 330, y, { align: 'right' });
    text(k.money(l.unitPriceCents), 400, y, { align: 'right' });
    text(k.money(l.netCents), 470, y, { align: 'right' });
    text(k.money(l.grossCents), right, y, { align: 'right' });
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
    [t('pdf.totals.net'), k.money(doc.netCents), false],
    [vatLabel(doc, k), k.money(doc.vatCents), false],
    [t(doc.kind === 'invoice' ? 'pdf.totals.total' : 'pdf.totals.totalCredited'), k.money(doc.grossCents), true],
  ];
  for (const [label, value, strong] of totals) {
    text(label, 470, y, { align: 'right', font: strong ? bold : regular, size: strong ? 11 : 9.5 });
    text(value, right, y, { align: 'right', font: strong ? bold : regular, size: strong ? 11 : 9.5 });
    y -= strong ? 20 : 15;
  }

  y -= 10;
  const notes = [
    ...(doc.vatKind === 'reverse_charge' ? [t('pdf.notes.reverseCharge')] : []),
    ...(doc.vatKind === 'outside_eu' ? [t('pdf.notes.outsideEu')] : []),
    ...(doc.note ? [doc.note] : []),
    t(
      doc.kind === 'invoice'
        ? doc.status === 'paid'
          ? doc.paidFromCredit
            ? 'pdf.notes.paidFromCredit'
            : 'pdf.notes.paid'
          : doc.status === 'cancelled'
            ? 'pdf.notes.cancelled'
            : 'pdf.notes.open'
        : 'pdf.notes.creditNote',
    ),
  ];
  for (const n of notes) {
    for (const l of wrap(n, regular, 9, right - left)) {
      text(l, left, y, { size: 9, color: MUTED });
      y -= 12;
    }
    y -= 4;
  }

  hr(page, left, right, 60);
  const seller = doc.seller;
  text(
    t('pdf.footer', {
      company: seller.company,
      street: seller.street,
      postalCode: seller.postalCode,
      city: seller.city,
      country: k.country(seller.country),
      companyId: seller.companyId,
      vatNumber: seller.vatNumber ?? '',
    }),
    left,
    46,
    { size: 7.5, color: MUTED },
  );
  return pdf.save();
}

function vatLabel(doc: Pick<DocumentRow, 'vatKind' | 'vatRate'>, k: DocumentKit): string {
  const rate = k.locale === 'nl' ? doc.vatRate.replace('.', ',') : doc.vatRate;
  const key = doc.vatKind === 'reverse_charge' ? 'pdf.totals.vatReverseCharge' : doc.vatKind === 'outside_eu' ? 'pdf.totals.vatOutsideEu' : 'pdf.totals.vat';
  return k.t(key, { rate });
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
