// The "Language" select on every page, worded on the server: the shells' client components read
// no message catalogue in the browser, so static pages ship none (lib/i18n/client-messages.ts).
import { getLocale, getTranslations } from 'next-intl/server';
import { isLocale, DEFAULT_LOCALE } from '@/lib/i18n/config';
import { LanguageSelectControl } from './language-select-control';

export async function LanguageSelect({ className }: { className?: string }) {
  const [t, locale] = await Promise.all([getTranslations('common.language'), getLocale()]);
  return <LanguageSelectControl locale={isLocale(locale) ? locale : DEFAULT_LOCALE} label={t('label')} change={t('change')} className={className} />;
}
