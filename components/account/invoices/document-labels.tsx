// INV-5: how a document's type, status and PDF link look wherever invoices are listed, in the
// reader's language.
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/page';
import type { DocumentRow, DocumentStatus } from '@/lib/invoices/queries';

/** The document type names in the request's language. */
export async function documentTypeNames(): Promise<Record<DocumentRow['kind'], string>> {
  const t = await getTranslations('account.documentType');
  return { invoice: t('invoice'), credit_note: t('creditNote') };
}

const STATUS: Record<DocumentStatus, { key: 'paid' | 'open' | 'cancelled' | 'creditNote'; tone: 'green' | 'amber' | 'slate' | 'blue' }> = {
  paid: { key: 'paid', tone: 'green' },
  open: { key: 'open', tone: 'amber' },
  cancelled: { key: 'cancelled', tone: 'slate' },
  credit_note: { key: 'creditNote', tone: 'blue' },
};

export async function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  const t = await getTranslations('account.documentStatus');
  const s = STATUS[status];
  return <Badge tone={s.tone}>{t(s.key)}</Badge>;
}

export function pdfUrl(id: string): string {
  return `/api/invoices/${id}/pdf`;
}

/** "Download PDF", named after the document for screen readers (a table has one per row). */
export async function PdfLink({ doc, button = false }: { doc: Pick<DocumentRow, 'id' | 'number'>; button?: boolean }) {
  const t = await getTranslations('account.pdfLink');
  const style = button
    ? 'inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800 hover:no-underline'
    : 'whitespace-nowrap';
  return (
    // The number is in the name but not on screen; no aria-label, so the visible words stay part of
    // the accessible name (WCAG 2.5.3, axe label-content-name-mismatch).
    <a href={pdfUrl(doc.id)} download={`${doc.number}.pdf`} className={style}>
      {t.rich('text', { number: doc.number, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
    </a>
  );
}
