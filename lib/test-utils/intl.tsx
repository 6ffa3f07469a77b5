// Renders components that read the catalogue (useTranslations) outside Next.js, as the root layout does.
import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { TIME_ZONE } from '@/lib/clock';
import { catalogues } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/config';

export function renderWithIntl(node: ReactNode, locale: Locale = 'en'): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={catalogues[locale]} timeZone={TIME_ZONE}>
      {node}
    </NextIntlClientProvider>,
  );
}
