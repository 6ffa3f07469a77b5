// INV-5: reading invoices and credit notes, with their payment status.
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, charges, invoices } from '@/db/schema';
import type { Invoice } from './issue';

export type DocumentStatus = 'paid' | 'open' | 'cancelled' | 'credit_note';

export interface DocumentRow extends Invoice {
  status: DocumentStatus;
  accountSlug?: string;
}

/** Statuses for documents of one or more accounts: a replacement inherits the payment of the invoice it replaces. */
async function withStatus(db: Executor, docs: Invoice[]): Promise<DocumentRow[]> {
  if (!docs.length) return [];
  const accountIds = [...new Set(docs.map((d) => d.accountId))];
  const all = await db.select().from(invoices).where(inArray(invoices.accountId, accountIds));
  const paid = new Set(
    (await db.select({ id: charges.invoiceId }).from(charges).where(and(inArray(charges.accountId, accountIds), eq(charges.status, 'succeeded')))).map((c) => c.id),
  );
  const byId = new Map(all.map((d) => [d.id, d]));
  const cancelled = new Set(all.filter((d) => d.kind === 'credit_note' && d.relatedInvoiceId).map((d) => d.relatedInvoiceId!));
  const isPaid = (d: Invoice | undefined): boolean => {
    for (let hops = 0; d && hops < 20; hops++) {
      if (paid.has(d.id)) return true;
      d = d.reason === 'correction' && d.relatedInvoiceId ? byId.get(d.relatedInvoiceId) : undefined;
    }
    return false;
  };
  return docs.map((d) => ({
    ...d,
    status: d.kind === 'credit_note' ? 'credit_note' : cancelled.has(d.id) ? 'cancelled' : isPaid(d) ? 'paid' : d.grossCents === 0 ? 'paid' : 'open',
  }));
}

export async function listAccountDocuments(db: Executor, accountId: string): Promise<DocumentRow[]> {
  const docs = await db.select().from(invoices).where(eq(invoices.accountId, accountId)).orderBy(desc(invoices.issuedAt), desc(invoices.number));
  return withStatus(db, docs);
}

export async function getAccountDocument(db: Executor, accountId: string, id: string): Promise<DocumentRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [doc] = await db.select().from(invoices).where(and(eq(invoices.id, id), eq(invoices.accountId, accountId))).limit(1);
  return doc ? (await withStatus(db, [doc]))[0] : null;
}

export async function getDocument(db: Executor, id: string): Promise<DocumentRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [doc] = await db.select().from(invoices).where(eq(invoices.id, id)).limit(1);
  return doc ? (await withStatus(db, [doc]))[0] : null;
}

export interface RelatedDocuments {
  /** For a credit note, the invoice it cancels; for a replacement invoice, the invoice it replaces. */
  refersTo: Invoice | null;
  /** For a corrected invoice: the credit notes cancelling it and the invoices replacing it. */
  creditNotes: Invoice[];
  replacements: Invoice[];
}

/** The documents a document is linked with, within its own account. */
export async function relatedDocuments(db: Executor, doc: Invoice): Promise<RelatedDocuments> {
  const links = [eq(invoices.relatedInvoiceId, doc.id), ...(doc.relatedInvoiceId ? [eq(invoices.id, doc.relatedInvoiceId)] : [])];
  const rows = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.accountId, doc.accountId), or(...links)))
    .orderBy(asc(invoices.issuedAt), asc(invoices.number));
  const pointingHere = rows.filter((r) => r.relatedInvoiceId === doc.id);
  return {
    refersTo: rows.find((r) => r.id === doc.relatedInvoiceId) ?? null,
    creditNotes: pointingHere.filter((r) => r.kind === 'credit_note'),
    replacements: pointingHere.filter((r) => r.kind === 'invoice'),
  };
}

/** Staff: every account's documents, newest first, optionally searched by number or address. */
export async function listAllDocuments(db: Executor, opts: { limit?: number; offset?: number } = {}): Promise<DocumentRow[]> {
  const rows = await db
    .select({ doc: invoices, slug: accounts.slug })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .orderBy(desc(invoices.issuedAt), desc(invoices.number))
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0);
  const withS = await withStatus(db, rows.map((r) => r.doc));
  return withS.map((d, i) => ({ ...d, accountSlug: rows[i].slug }));
}

export async function isInvoicePaid(db: Executor, invoice: Invoice): Promise<boolean> {
  return (await withStatus(db, [invoice]))[0].status === 'paid';
}
