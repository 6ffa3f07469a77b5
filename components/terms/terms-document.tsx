// ACC-6: one terms version as the public pages show it: in the reader's language when the version
// has it (a version without a Dutch text says it is in English), with its version and date.
import { getTranslations } from 'next-intl/server';
import { getFormatters } from '@/lib/i18n/server';
import { termsBodyIn } from '@/lib/terms/content';
import type { TermsVersion } from '@/lib/terms/queries';
import { TermsMarkdown } from './terms-markdown';

export async function TermsDocument({ terms, title, notice }: { terms: TermsVersion; title: string; notice?: React.ReactNode }) {
  const [t, fmt] = await Promise.all([getTranslations('public.terms'), getFormatters()]);
  const text = termsBodyIn(terms, fmt.locale);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('versionLine', { version: terms.version, date: fmt.date(terms.publishedAt) })}</p>
      {notice}
      {text.locale !== fmt.locale && <p className="mt-2 text-sm text-slate-600">{t('englishOnly')}</p>}
      <TermsMarkdown body={text.body} lang={text.locale === fmt.locale ? undefined : text.locale} />
    </>
  );
}
