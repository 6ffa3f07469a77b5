// INV-1: invoice and credit-note numbers, gapless per series and calendar year (Bratislava).
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from '@/lib/clock';

export type Series = 'INV' | 'CN';

export function documentYear(issuedAt: Date): number {
  return new TZDate(issuedAt.getTime(), TIME_ZONE).getFullYear();
}

export function formatDocumentNumber(series: Series, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`sequence ${sequence}`);
  return `${series}-${year}-${String(sequence).padStart(6, '0')}`;
}
