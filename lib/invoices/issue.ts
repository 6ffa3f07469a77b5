// INV-1: issuing a document. The number comes from the per-series, per-year counter, advanced
// with UPDATE … RETURNING inside the caller's transaction: a rolled-back issue gives its number
// back, and concurrent issuers queue on the counter row, so numbers stay gapless and unique.
import { and, eq, sql } from 'drizzle-orm';
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
}

export async function issueDocument(tx: Tx, input: IssueInput): Promise<Invoice> {
  const [invoice] = await issueDocuments(tx, [input]);
  return invoice;
}

/**
 * Issues many documents in one go (the renewal sweep issues hundreds per transaction): numbers
 * are taken in one counter update per series and year, rows are written in two statements.
 */
export async function issueDocuments(tx: Tx, inputs: IssueInput[]): Promise<Invoice[]> {
  if (!inputs.length) return [];
  const numbered = new Array<string>(inputs.length);
  const groups = new Map<string, number[]>();
  inputs.forEach((input, i) => {
    const key = `${input.kind}|${documentYear(input.issuedAt)}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const idx of groups.values()) {
    const first = inputs[idx[0]];
    const numbers = await nextDocumentNumbers(tx, first.kind === 'invoice' ? 'INV' : 'CN', first.issuedAt, idx.length);
    idx.forEach((i, k) => (numbered[i] = numbers[k]));
  }
  const seller = sellerSnapshot();
  const priced = inputs.map((input) => {
    const treatment =
      input.treatment ??
      vatTreatment({ country: input.buyer.country, vatNumber: input.buyer.vatNumber, day: bratislavaDay(input.issuedAt) });
    return { treatment, ...priceLines(input.lines, treatment.rate) };
  });
  const rows = await tx
    .insert(invoices)
    .values(
      inputs.map((input, i) => ({
        ...(input.id ? { id: input.id } : {}),
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
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd ?? null,
        relatedInvoiceId: input.relatedInvoiceId ?? null,
        note: input.note ?? null,
      })),
    )
    .returning();
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  const ordered = numbered.map((n) => byNumber.get(n)!);
  const lineRows = ordered.flatMap((invoice, i) =>
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
  );
  if (lineRows.length) await tx.insert(invoiceLines).values(lineRows);
  return ordered;
}

export async function invoiceLinesOf(db: Executor, invoiceId: string) {
  return db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(invoiceLines.position);
}
