// INV-5: who may download an invoice or credit note. Owners get their own account's documents,
// staff get every account's; everyone else is told the document does not exist (404), so a
// guessed or leaked URL never confirms that an invoice is there.
import type { users } from '@/db/schema';

export interface DocumentViewer {
  role: (typeof users.$inferSelect)['role'];
  /** The viewer's account; null for staff. */
  accountId: string | null;
}

export function canDownloadDocument(viewer: DocumentViewer | null, doc: { accountId: string }): boolean {
  if (!viewer) return false;
  if (viewer.role === 'staff') return true;
  return viewer.role === 'owner' && viewer.accountId !== null && viewer.accountId === doc.accountId;
}
