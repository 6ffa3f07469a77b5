// Dates and money as a person reads them: `25 Nov 2026` / `€39.00` in English, `25 nov 2026` /
// `€ 39,00` in Dutch, always on the Bratislava calendar. Built on Intl; the English month is the
// three-letter form ("Sep", never ICU's newer "Sept"), as the design card shows it.
import { TIME_ZONE } from '@/lib/clock';
import type { Locale } from './config';

type DateInput = Date | string | number | null | undefined;

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL' };
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f as T;
}

function parts(d: Date, locale: Locale, withTime: boolean) {
  const fmt = cached(`dt:${locale}:${withTime}`, () =>
    new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : INTL_LOCALE[locale], {
      timeZone: TIME_ZONE,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    }),
  ) as Intl.DateTimeFormat;
  const p = Object.fromEntries(fmt.formatToParts(d).map((x) => [x.type, x.value]));
  return { day: p.day, month: String(p.month).replace(/\.$/, ''), year: p.year, hour: p.hour, minute: p.minute };
}

function toDate(d: DateInput): Date | null {
  if (d === null || d === undefined || d === '') return null;
  const date = d instanceof Date ? d : new Date(d);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(d: DateInput, locale: Locale = 'en'): string {
  const date = toDate(d);
  if (!date) return '—';
  const p = parts(date, locale, false);
  return `${p.day} ${p.month} ${p.year}`;
}

export function formatDateTime(d: DateInput, locale: Locale = 'en'): string {
  const date = toDate(d);
  if (!date) return '—';
  const p = parts(date, locale, true);
  return locale === 'nl' ? `${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}` : `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`;
}

/** The Bratislava clock time of an instant, 24-hour: `23:59`. */
export function formatTime(d: DateInput, locale: Locale = 'en'): string {
  const date = toDate(d);
  if (!date) return '—';
  const p = parts(date, locale, true);
  return `${p.hour}:${p.minute}`;
}

/** Integer cents → `€39.00` / `€ 39,00`; negative amounts carry a true minus sign. */
export function formatMoney(cents: number, locale: Locale = 'en'): string {
  const fmt = cached(
    `money:${locale}`,
    () => new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }),
  ) as Intl.NumberFormat;
  return fmt.format(cents / 100).replace('-', '−');
}

/** The three formatters bound to one language, as pages and emails use them. */
export interface Formatters {
  locale: Locale;
  date: (d: DateInput) => string;
  dateTime: (d: DateInput) => string;
  time: (d: DateInput) => string;
  money: (cents: number) => string;
}

export function formattersFor(locale: Locale): Formatters {
  return {
    locale,
    date: (d) => formatDate(d, locale),
    dateTime: (d) => formatDateTime(d, locale),
    time: (d) => formatTime(d, locale),
    money: (cents) => formatMoney(cents, locale),
  };
}
