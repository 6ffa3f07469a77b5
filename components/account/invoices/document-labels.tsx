// INV-5: how a document's type, status and PDF link look wherever invoices are listed.
import { Badge } from '@/components/ui/page';
import type { DocumentRow, DocumentStatus } from '@/lib/invoices/queries';

export const DOCUMENT_TYPE: Record<DocumentRow['kind'], string> = { invoice: 'Invoice', credit_note: 'Credit note' };

const STATUS: Record<DocumentStatus, { label: string; tone: 'green' | 'amber' | 'slate' | 'blue' }> = {
  paid: { label: 'Paid', tone: 'green' },
  open: { label: 'Open', tone: 'amber' },
  cancelled: { label: 'Cancelled', tone: 'slate' },
  credit_note: { label: 'Credit note', tone: 'blue' },
};

export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  const s = STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

export function pdfUrl(id: string): string {
  return `/api/invoices/${id}/pdf`;
}

/** "Download PDF", named after the document for screen readers (a table has one per row). */
export function PdfLink({ doc, button = false }: { doc: Pick<DocumentRow, 'id' | 'number'>; button?: boolean }) {
  const style = button
    ? 'inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800 hover:no-underline'
    : 'whitespace-nowrap';
  return (
    // The number is in the name but not on screen; no aria-label, so the visible words stay part of
    // the accessible name (WCAG 2.5.3, axe label-content-name-mismatch).
    <a href={pdfUrl(doc.id)} download={`${doc.number}.pdf`} className={style}>
      Download<span className="sr-only"> {doc.number} as</span> PDF
    </a>
  );
}
