// INV-1: issuing a document. The number comes from the per-series, per-year counter, advanced
// with UPDATE … RETURNING inside the caller's transaction: a rolled-back issue gives its number
// back, and concurrent issuers queue on the counter row, so numbers stay gapless and unique.
import type { Locale } from '@/lib/i18n/config';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { insertRows } from '@/db/bulk';
import type { Executor, Tx } from '@/db/client';
import { documentCounters, invoiceLines, invoices, type PartySnapshot } from '@/db/schema';
import { priceLines, type Line } from '@/lib/billing/money';
import { bratislavaDay } from '@/lib/billing/periods';
import { vatTreatment, type VatTreatment } from '@/lib/vat/treatment';
import { documentYear, formatDocumentNumber, type Series } from './numbering';
import { sellerSnapshot } from './seller';

export type Invoice = typeof invoices.$inferSelect;

/**
 * Takes the next `count` numbers of a series for the year of `issuedAt`, in order. Must run
 * inside a transaction: the counter row stays locked until it commits.
 */
export async function nextDocumentNumbers(tx: Tx, series: Series, issuedAt: Date, count: number): Promise<string[]> {
  const year = documentYear(issuedAt);
  await tx.insert(documentCounters).values({ series, year, last: 0 }).onConflictDoNothing();
  const [row] = await tx
    .update(documentCounters)
    .set({ last: sql`${documentCounters.last} + ${count}` })
    .where(and(eq(documentCounters.series, series), eq(documentCounters.year, year)))
    .returning({ last: documentCounters.last });
  return Array.from({ length: count }, (_, i) => formatDocumentNumber(series, year, row.last - count + 1 + i));
}

export interface IssueInput {
  /** Optional fixed id, e.g. when a charge's idempotency key was derived from it beforehand. */
  id?: string;
  accountId: string;
  kind: 'invoice' | 'credit_note';
  reason: string;
  buyer: PartySnapshot;
  lines: Line[];
  issuedAt: Date;
  /** Use this VAT treatment instead of deciding it from the buyer (corrections keep the original). */
  treatment?: VatTreatment;
  periodStart?: Date | null;
  periodEnd?: Date | null;
  relatedInvoiceId?: string | null;
  note?: string | null;
  /** The document's language (the owner's at issue time); its lines' descriptions are in it too. */
  locale?: Locale;
}

export async function issueDocument(tx: Tx, input: IssueInput): Promise<Invoice> {
  const [invoice] = await issueDocuments(tx, [input]);
  return invoice;
}

/**
 * Issues many documents in one go (the renewal sweep issues a thousand per transaction): numbers
 * are taken in one counter update per series and year, rows are written in two statements.
 */
export async function issueDocuments(tx: Tx, inputs: IssueInput[]): Promise<Invoice[]> {
  if (!inputs.length) return [];
  // A batch shares one or two issue instants; the calendar day and year of each are worked out once.
  const dayOf = memoByTime(bratislavaDay);
  const yearOf = memoByTime(documentYear);
  const seller = sellerSnapshot();
  const priced = inputs.map((input) => {
    const treatment = input.treatment ?? vatTreatment({ country: input.buyer.country, vatNumber: input.buyer.vatNumber, day: dayOf(input.issuedAt) });
    return { treatment, ...priceLines(input.lines, treatment.rate) };
  });
  // From here until commit the counter rows are locked: only numbering and writing happen inside.
  const numbered = new Array<string>(inputs.length);
  const groups = new Map<string, number[]>();
  inputs.forEach((input, i) => {
    const key = `${input.kind}|${yearOf(input.issuedAt)}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  for (const idx of groups.values()) {
    const first = inputs[idx[0]];
    const numbers = await nextDocumentNumbers(tx, first.kind === 'invoice' ? 'INV' : 'CN', first.issuedAt, idx.length);
    idx.forEach((i, k) => (numbered[i] = numbers[k]));
  }
  const issued: Invoice[] = inputs.map((input, i) => ({
    id: input.id ?? randomUUID(),
    accountId: input.accountId,
    kind: input.kind,
    number: numbered[i],
    issuedAt: input.issuedAt,
    reason: input.reason,
    seller,
    buyer: input.buyer,
    vatKind: priced[i].treatment.kind,
    vatRate: String(priced[i].treatment.rate),
    netCents: priced[i].netCents,
    vatCents: priced[i].vatCents,
    grossCents: priced[i].grossCents,
    currency: 'EUR',
    periodStart: input.periodStart ?? null,
    periodEnd: input.periodEnd ?? null,
    relatedInvoiceId: input.relatedInvoiceId ?? null,
    note: input.note ?? null,
    locale: input.locale ?? 'en',
  }));
  await insertRows(tx, invoices, issued);
  await insertRows(
    tx,
    invoiceLines,
    issued.flatMap((invoice, i) =>
      priced[i].lines.map((l, k) => ({
        invoiceId: invoice.id,
        position: k + 1,
        description: l.description,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        netCents: l.netCents,
        vatCents: l.vatCents,
        grossCents: l.grossCents,
      })),
    ),
  );
  return issued;
}

function memoByTime<T>(f: (d: Date) => T): (d: Date) => T {
  const seen = new Map<number, T>();
  return (d) => {
    let v = seen.get(d.getTime());
    if (v === undefined) seen.set(d.getTime(), (v = f(d)));
    return v;
  };
}

export async function invoiceLinesOf(db: Executor, invoiceId: string) {
  return db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(invoiceLines.position);
}
