// ACC-3: the owner must be 18 or older. Pure: `now` is a parameter. The age is counted on the
// calendar date in Europe/Bratislava; the 18th birthday itself counts as adult, and someone born
// on 29 February becomes an adult on 1 March in years without a 29 February.
import { TIME_ZONE } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';

export const ADULT_AGE = 18;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses 'YYYY-MM-DD' into a real calendar date, or null. */
export function parseIsoDate(value: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The calendar date in Europe/Bratislava at the instant `now`. */
export function bratislavaDate(now: Date): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** True when the person born on `dateOfBirth` ('YYYY-MM-DD') is 18 or older at `now`. */
export function isAdult(dateOfBirth: string, now: Date): boolean {
  const dob = parseIsoDate(dateOfBirth);
  if (!dob) return false;
  // Comparing against the (possibly non-existent) date 18 years on: 29 Feb → adult from 1 Mar.
  return compare(bratislavaDate(now), { ...dob, year: dob.year + ADULT_AGE }) >= 0;
}

/** null when the date is a plausible date of birth (a real date, not in the future, after 1900); else a message reference. */
export function dateOfBirthProblem(dateOfBirth: string, now: Date): string | null {
  const dob = parseIsoDate(dateOfBirth);
  if (!dob) return msg('auth.validation.dateOfBirthRequired');
  if (dob.year < 1900 || compare(dob, bratislavaDate(now)) > 0) return msg('auth.validation.dateOfBirthUnreal');
  return null;
}
