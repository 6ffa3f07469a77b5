// The words on a document that are written once, at issue time, in the document's language:
// line descriptions and notes. They are stored with the document, so a PDF downloaded later shows
// exactly what was issued.
import type { Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/translator';
import type { Interval } from '@/lib/billing/periods';

const PERIOD_KEYS: Record<Interval, string> = { monthly: 'pdf.lines.periodMonthly', yearly: 'pdf.lines.periodYearly' };

/** "All-inclusive plan, monthly subscription, per seat", in `locale`. */
export function periodLineDescription(planName: string, interval: Interval, locale: Locale = 'en'): string {
  return translatorFor(locale)(PERIOD_KEYS[interval === 'monthly' ? 'monthly' : 'yearly'], { plan: planName });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MARK = '\u0000plan\u0000';

/**
 * A line written in `from` (a corrected invoice's), as it reads in `to`: a period line is written
 * again in the new language; any other text is kept as it is.
 */
export function relocalizeLineDescription(description: string, from: Locale, to: Locale): string {
  if (from === to) return description;
  for (const interval of Object.keys(PERIOD_KEYS) as Interval[]) {
    const [before, after] = periodLineDescription(MARK, interval, from).split(MARK);
    const m = description.match(new RegExp(`^${escapeRegExp(before)}(.+)${escapeRegExp(after)}$`));
    if (m) return periodLineDescription(m[1], interval, to);
  }
  return description;
}

/** The notes a correction's credit note and replacement invoice carry, in the documents' language. */
export function correctionNotes(originalNumber: string, locale: Locale): { creditNote: string; replacement: string } {
  const t = translatorFor(locale);
  return {
    creditNote: t('pdf.notes.correctionCreditNote', { number: originalNumber }),
    replacement: t('pdf.notes.correctionReplacement', { number: originalNumber }),
  };
}
