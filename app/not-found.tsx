import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { PublicShell } from '@/components/layout/public-shell';

export async function generateMetadata() {
  const t = await getTranslations('common.notFound');
  return { title: t('title') };
}

export default async function NotFound() {
  const t = await getTranslations('common.notFound');
  return (
    <PublicShell>
      <div className="mx-auto max-w-xl px-4 py-16 text-center">
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-3 text-slate-600">{t('body')}</p>
        <p className="mt-6">
          <Link href="/" className="font-medium text-brand-700">
            {t('home')}
          </Link>
        </p>
      </div>
    </PublicShell>
  );
}
