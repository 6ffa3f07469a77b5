import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { publicRequest } from '@/lib/auth/guards';
import { ForgotPasswordForm } from './forgot-password-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public.forgotPassword');
  return { title: t('metaTitle') };
}

export default async function ForgotPasswordPage() {
  await publicRequest();
  const t = await getTranslations('public.forgotPassword');
  return (
    <div className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
        <ForgotPasswordForm />
        <p className="mt-6 text-sm text-slate-600">{t.rich('remembered', { link: (chunks) => <Link href="/login">{chunks}</Link> })}</p>
      </div>
    </div>
  );
}
