// INV-5: an invoice or credit note as PDF. Anyone who may not have it gets the same 404 as for a
// document that does not exist, so the URL never reveals whether an invoice is there.
import { getDb } from '@/db/client';
import { currentUser } from '@/lib/auth/guards';
import { canDownloadDocument } from '@/lib/invoices/access';
import { invoiceLinesOf } from '@/lib/invoices/issue';
import { renderDocumentPdf } from '@/lib/invoices/pdf';
import { getDocument } from '@/lib/invoices/queries';

export const dynamic = 'force-dynamic';

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });
}

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const viewer = await currentUser();
  if (!viewer) return notFound();
  const { id } = await params;
  const db = await getDb();
  const doc = await getDocument(db, id);
  if (!doc || !canDownloadDocument({ role: viewer.user.role, accountId: viewer.account?.id ?? null }, doc)) return notFound();
  const pdf = await renderDocumentPdf(doc, await invoiceLinesOf(db, doc.id));
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${doc.number}.pdf"`,
      'Content-Length': String(pdf.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
