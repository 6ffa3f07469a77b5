import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { TermsDocument } from '@/components/terms/terms-document';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { publishedTerms, termsByVersion } from '@/lib/terms/queries';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  const t = await getTranslations('terms.public');
  return { title: t('metaTitleVersion', { version: decodeURIComponent(version).slice(0, 40) }) };
}

/** ACC-6: one published version (earlier ones say when they applied). */
export default async function TermsVersionPage({ params }: Props) {
  const version = decodeURIComponent((await params).version);
  const db = await getDb();
  const at = now();
  const terms = await termsByVersion(db, version, at);
  if (!terms) notFound();
  const [versions, t, fmt] = await Promise.all([publishedTerms(db, at), getTranslations('terms.public'), getFormatters()]);
  const index = versions.findIndex((v) => v.id === terms.id);
  const replacedAt = index > 0 ? versions[index - 1].publishedAt : null;
  return (
    <article className="mx-auto max-w-3xl px-4 py-12">
      <TermsDocument
        terms={terms}
        title={t('olderTitle', { version: terms.version })}
        notice={
          replacedAt && (
            <p className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t('olderNotice', { from: fmt.date(terms.publishedAt), until: fmt.date(replacedAt) })}{' '}
              <Link href="/terms" className="font-medium underline">
                {t('currentLink')}
              </Link>
            </p>
          )
        }
      />
      <p className="mt-10">
        <Link href="/terms" className="font-medium text-blue-700 underline">
          {t('backToCurrent')}
        </Link>
      </p>
    </article>
  );
}
