// next-intl's per-request configuration (no locale in the URL: see lib/i18n/config.ts).
import { getRequestConfig } from 'next-intl/server';
import { TIME_ZONE } from '@/lib/clock';
import { catalogues } from '@/lib/i18n/catalogue';
import { requestLocale } from '@/lib/i18n/server';

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: catalogues[locale], timeZone: TIME_ZONE };
});
