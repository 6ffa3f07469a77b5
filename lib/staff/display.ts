// How staff pages summarise an audit entry's details: `key: value` pairs, short and on one line.
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/translator';

export function summariseDetails(details: Record<string, unknown> | null | undefined, max = 140): string {
  if (!details) return '';
  const parts = Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  const s = parts.join(', ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}


/** How a document relates to another: a correction names the invoice it corrects (INV-6). */
export function documentRelation(doc: { reason: string; relatedNumber?: string | null }, locale: Locale = DEFAULT_LOCALE): string | null {
  if (!doc.relatedNumber) return null;
  const t = translatorFor(locale);
  return t(doc.reason === 'correction' ? 'staff.documents.correctionOf' : 'staff.documents.relatedTo', { number: doc.relatedNumber });
}
