import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { termsBodyIn } from '@/lib/terms/content';
import { currentTerms, parseTermsBody } from '@/lib/terms/queries';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public.terms');
  return { title: t('metaTitle') };
}

export default async function TermsPage() {
  const [terms, t, fmt] = await Promise.all([currentTerms(await getDb(), now()), getTranslations('public.terms'), getFormatters()]);
  // The version in the reader's language when it exists; a version published in English only says so.
  const text = terms ? termsBodyIn(terms, fmt.locale) : null;
  return (
    <article className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('title')}</h1>
      {terms && text ? (
        <>
          <p className="mt-2 text-sm text-slate-600">{t('versionLine', { version: terms.version, date: fmt.date(terms.publishedAt) })}</p>
          {text.locale !== fmt.locale && <p className="mt-2 text-sm text-slate-600">{t('englishOnly')}</p>}
          <div lang={text.locale === fmt.locale ? undefined : text.locale}>
            {parseTermsBody(text.body).map((s) => (
              <section key={s.heading} className="mt-8">
                {s.heading && <h2 className="text-xl font-semibold text-slate-900">{s.heading}</h2>}
                {s.blocks.map((b, i) =>
                  b.kind === 'p' ? (
                    <p key={i} className="mt-3 text-slate-700">
                      {b.text}
                    </p>
                  ) : (
                    <ul key={i} className="mt-3 list-disc space-y-1.5 pl-6 text-slate-700">
                      {b.items.map((item) => (
                        <li key={item}>{item}</li>
                      ))}
                    </ul>
                  ),
                )}
              </section>
            ))}
          </div>
        </>
      ) : (
        <p className="mt-4 text-slate-600">{t('none')}</p>
      )}
    </article>
  );
}
