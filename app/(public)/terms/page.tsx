import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { TermsDocument } from '@/components/terms/terms-document';
import { DataTable } from '@/components/ui/data-table';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { currentTerms, publishedTerms } from '@/lib/terms/queries';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public.terms');
  return { title: t('metaTitle') };
}

/** ACC-6: the version in force, then every earlier version, each readable on its own page. */
export default async function TermsPage() {
  const db = await getDb();
  const at = now();
  const [terms, versions, t, tt, fmt] = await Promise.all([
    currentTerms(db, at),
    publishedTerms(db, at),
    getTranslations('public.terms'),
    getTranslations('terms.public'),
    getFormatters(),
  ]);
  // Each earlier version applied until the next one was published.
  const earlier = versions.slice(1).map((v, i) => ({ ...v, until: versions[i].publishedAt }));
  return (
    <article className="mx-auto max-w-3xl px-4 py-12">
      {terms ? (
        <>
          <TermsDocument terms={terms} title={t('title')} />
          <section aria-labelledby="earlier-terms" className="mt-12">
            <h2 id="earlier-terms" className="text-xl font-semibold text-slate-900">
              {tt('earlier')}
            </h2>
            <div className="mt-3">
              <DataTable
                caption={tt('earlier')}
                rows={earlier}
                rowKey={(v) => v.id}
                empty={tt('noEarlier')}
                columns={[
                  { header: tt('columns.version'), cell: (v) => v.version },
                  { header: tt('columns.published'), cell: (v) => fmt.date(v.publishedAt), className: 'whitespace-nowrap' },
                  { header: tt('columns.until'), cell: (v) => fmt.date(v.until), className: 'whitespace-nowrap' },
                  {
                    header: tt('columns.read'),
                    cell: (v) => (
                      <Link href={`/terms/${encodeURIComponent(v.version)}`} aria-label={tt('readVersion', { version: v.version })} className="font-medium text-blue-700 underline">
                        {tt('read')}
                      </Link>
                    ),
                  },
                ]}
              />
            </div>
          </section>
        </>
      ) : (
        <>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('title')}</h1>
          <p className="mt-4 text-slate-600">{t('none')}</p>
        </>
      )}
    </article>
  );
}
