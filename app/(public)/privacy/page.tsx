import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ComingSoon } from '@/components/ui/coming-soon';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public.privacy');
  return { title: t('metaTitle') };
}

export default async function Page() {
  const t = await getTranslations('public.privacy');
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="mb-6 text-3xl font-bold tracking-tight text-slate-900">{t('title')}</h1>
      <ComingSoon>{t('body')}</ComingSoon>
    </div>
  );
}
