// INV-5: reading invoices and credit notes, with their payment status.
import { and, asc, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, charges, invoices } from '@/db/schema';
import { PREPAID_CREDIT_CHARGE_ID } from '@/lib/billing/charges';
import { addressToSlugQuery } from '@/lib/staff/address';
import { escapeLike } from '@/lib/staff/queries';
import type { Invoice } from './issue';

export type DocumentStatus = 'paid' | 'open' | 'cancelled' | 'credit_note';

export interface DocumentRow extends Invoice {
  status: DocumentStatus;
  /** INV-7: paid from prepaid credit rather than by a payment method. */
  paidFromCredit: boolean;
  /** The number of the document `relatedInvoiceId` points to (the invoice a credit note cancels or a replacement replaces). */
  relatedNumber?: string | null;
  accountSlug?: string;
}

/** Statuses for documents of one or more accounts: a replacement inherits the payment of the invoice it replaces. */
async function withStatus(db: Executor, docs: Invoice[]): Promise<DocumentRow[]> {
  if (!docs.length) return [];
  const accountIds = [...new Set(docs.map((d) => d.accountId))];
  const all = await db.select().from(invoices).where(inArray(invoices.accountId, accountIds));
  const payments = await db
    .select({ id: charges.invoiceId, processorChargeId: charges.processorChargeId })
    .from(charges)
    .where(and(inArray(charges.accountId, accountIds), eq(charges.status, 'succeeded')));
  const paid = new Set(payments.map((c) => c.id));
  const fromCredit = new Set(payments.filter((c) => c.processorChargeId === PREPAID_CREDIT_CHARGE_ID).map((c) => c.id));
  const byId = new Map(all.map((d) => [d.id, d]));
  const cancelled = new Set(all.filter((d) => d.kind === 'credit_note' && d.relatedInvoiceId).map((d) => d.relatedInvoiceId!));
  /** The invoice whose payment counts for `d`: itself, or the one a replacement replaces. */
  const paidOne = (d: Invoice | undefined): string | null => {
    for (let hops = 0; d && hops < 20; hops++) {
      if (paid.has(d.id)) return d.id;
      d = d.reason === 'correction' && d.relatedInvoiceId ? byId.get(d.relatedInvoiceId) : undefined;
    }
    return null;
  };
  return docs.map((d) => {
    const payment = d.kind === 'invoice' ? paidOne(d) : null;
    return {
      ...d,
      relatedNumber: d.relatedInvoiceId ? (byId.get(d.relatedInvoiceId)?.number ?? null) : null,
      status: d.kind === 'credit_note' ? 'credit_note' : cancelled.has(d.id) ? 'cancelled' : payment || d.grossCents === 0 ? 'paid' : 'open',
      paidFromCredit: payment !== null && fromCredit.has(payment),
    };
  });
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

/**
 * The invoice a "Payment received" notice may name: one of THIS account's invoices, found by its
 * id and paid. Its number and amount come from here, never from the request.
 */
export async function getPaidAccountInvoice(db: Executor, accountId: string, id: string): Promise<Pick<Invoice, 'id' | 'number' | 'grossCents'> | null> {
  const doc = await getAccountDocument(db, accountId, id);
  if (!doc || doc.kind !== 'invoice' || doc.status !== 'paid') return null;
  return { id: doc.id, number: doc.number, grossCents: doc.grossCents };
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

export const DOCUMENTS_PAGE_SIZE = 50;

export interface DocumentSearch {
  /** Part of a document number or of an account address (`acme` or `acme.accountdesk.app`). */
  q?: string;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

/** Staff (INV-5): every account's documents, newest first, searched by number or account address. */
export async function listAllDocuments(db: Executor, opts: DocumentSearch = {}): Promise<{ rows: DocumentRow[]; page: number; hasNext: boolean }> {
  const page = opts.page ?? 1;
  const size = opts.pageSize ?? DOCUMENTS_PAGE_SIZE;
  const q = opts.q?.trim();
  const where = q
    ? or(ilike(invoices.number, `%${escapeLike(q)}%`), ilike(accounts.slug, `%${escapeLike(addressToSlugQuery(q))}%`))
    : undefined;
  // One row more than the page tells whether there is a next page.
  const rows = await db
    .select({ doc: invoices, slug: accounts.slug })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(where)
    .orderBy(desc(invoices.issuedAt), desc(invoices.number))
    .limit(size + 1)
    .offset((page - 1) * size);
  const shown = rows.slice(0, size);
  const withS = await withStatus(db, shown.map((r) => r.doc));
  return { rows: withS.map((d, i) => ({ ...d, accountSlug: shown[i].slug })), page, hasNext: rows.length > size };
}

export async function isInvoicePaid(db: Executor, invoice: Invoice): Promise<boolean> {
  return (await withStatus(db, [invoice]))[0].status === 'paid';
}
