'use client';
// Date and money formatters in the page's language, for client components.
import { useLocale } from 'next-intl';
import { isLocale, DEFAULT_LOCALE } from './config';
import { formattersFor, type Formatters } from './format';

export function useFormatters(): Formatters {
  const locale = useLocale();
  return formattersFor(isLocale(locale) ? locale : DEFAULT_LOCALE);
}
