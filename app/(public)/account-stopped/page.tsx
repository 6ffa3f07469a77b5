import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public.accountStopped');
  return { title: t('metaTitle') };
}

export default async function AccountStoppedPage() {
  const t = await getTranslations('public.accountStopped');
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('title')}</h1>
      <div className="mt-4 space-y-3 text-sm text-slate-700">
        <p>{t('signedOut')}</p>
        <p>{t('invoicesKept')}</p>
        <p>{t('thanks')}</p>
      </div>
      <p className="mt-8 text-sm">
        <Link href="/">{t('home')}</Link>
      </p>
    </div>
  );
}
