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

/** Takes the next number of a series for the year of `issuedAt`. Must run inside a transaction. */
export async function nextDocumentNumber(tx: Tx, series: Series, issuedAt: Date): Promise<string> {
  const year = documentYear(issuedAt);
  await tx.insert(documentCounters).values({ series, year, last: 0 }).onConflictDoNothing();
  const [row] = await tx
    .update(documentCounters)
    .set({ last: sql`${documentCounters.last} + 1` })
    .where(and(eq(documentCounters.series, series), eq(documentCounters.year, year)))
    .returning({ last: documentCounters.last });
  return formatDocumentNumber(series, year, row.last);
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
  const treatment =
    input.treatment ??
    vatTreatment({ country: input.buyer.country, vatNumber: input.buyer.vatNumber, day: bratislavaDay(input.issuedAt) });
  const priced = priceLines(input.lines, treatment.rate);
  const number = await nextDocumentNumber(tx, input.kind === 'invoice' ? 'INV' : 'CN', input.issuedAt);
  const [invoice] = await tx
    .insert(invoices)
    .values({
      ...(input.id ? { id: input.id } : {}),
      accountId: input.accountId,
      kind: input.kind,
      number,
      issuedAt: input.issuedAt,
      reason: input.reason,
      seller: sellerSnapshot(),
      buyer: input.buyer,
      vatKind: treatment.kind,
      vatRate: String(treatment.rate),
      netCents: priced.netCents,
      vatCents: priced.vatCents,
      grossCents: priced.grossCents,
      periodStart: input.periodStart ?? null,
      periodEnd: input.periodEnd ?? null,
      relatedInvoiceId: input.relatedInvoiceId ?? null,
      note: input.note ?? null,
    })
    .returning();
  if (priced.lines.length) {
    await tx.insert(invoiceLines).values(
      priced.lines.map((l, i) => ({
        invoiceId: invoice.id,
        position: i + 1,
        description: l.description,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        netCents: l.netCents,
        vatCents: l.vatCents,
        grossCents: l.grossCents,
      })),
    );
  }
  return invoice;
}

export async function invoiceLinesOf(db: Executor, invoiceId: string) {
  return db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(invoiceLines.position);
}
