import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { publicRequest } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { confirmNews } from '@/lib/privacy/newsletter';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('consents.news.confirm');
  return { title: t('metaTitle') };
}

/** GDPR-10: the double opt-in's confirmation link. */
export default async function ConfirmNewsPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const meta = await publicRequest();
  const { token } = await searchParams;
  const confirmed = typeof token === 'string' && token ? await confirmNews(await getDb(), token, { ip: meta.ip }, now()) : false;
  const t = await getTranslations('consents.news.confirm');
  const key = confirmed ? 'confirmed' : 'invalid';
  return (
    <div className="mx-auto max-w-lg px-4 py-12 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t(`${key}Title`)}</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">{t(`${key}Body`)}</p>
        <p className="mt-6 text-sm">
          <Link href="/">{t('home')}</Link>
        </p>
      </div>
    </div>
  );
}
