import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { publicRequest } from '@/lib/auth/guards';
import { passwordResetLinkState } from '@/lib/auth/password-reset';
import { now } from '@/lib/clock';
import { ResetPasswordForm } from './reset-password-form';

export const dynamic = 'force-dynamic';
// The token is in this page's address: never send it on to another site.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public.resetPassword');
  return { title: t('metaTitle'), referrer: 'no-referrer' };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  await publicRequest();
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token : '';
  const state = value ? await passwordResetLinkState(await getDb(), value, now()) : 'invalid';
  const t = await getTranslations('public.resetPassword');
  return (
    <div className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        {state === 'valid' ? (
          <>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('title')}</h1>
            <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
            <ResetPasswordForm token={value} />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t(`link.${state}.title`)}</h1>
            <p className="mt-3 text-sm leading-6 text-slate-600">{t(`link.${state}.reason`)}</p>
            <Link
              href="/forgot-password"
              className="mt-6 inline-flex w-full items-center justify-center rounded-md bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white no-underline shadow-sm hover:bg-brand-800 hover:no-underline sm:w-auto"
            >
              {t('askNewLink')}
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
