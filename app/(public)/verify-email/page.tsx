import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { verifyEmail, type VerifyResult } from '@/lib/accounts/verification';
import { publicRequest } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { ResendForm } from './resend-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public.verifyEmail');
  return { title: t('metaTitle') };
}

/** Each outcome's heading and text: `public.verifyEmail.<key>.title|body`. */
const COPY: Record<VerifyResult['status'], string> = {
  verified: 'verified',
  already_verified: 'alreadyVerified',
  expired: 'expired',
  invalid: 'invalid',
};

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  await publicRequest();
  const { token } = await searchParams;
  const result = typeof token === 'string' && token ? await verifyEmail(await getDb(), token, now()) : ({ status: 'invalid' } as const);
  const t = await getTranslations('public.verifyEmail');
  const copy = COPY[result.status];
  const canSignIn = result.status === 'verified' || result.status === 'already_verified';
  return (
    <div className="mx-auto max-w-lg px-4 py-12 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t(`${copy}.title`)}</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">{t(`${copy}.body`)}</p>
        {canSignIn ? (
          <Link
            href="/login"
            className="mt-6 inline-flex w-full items-center justify-center rounded-md bg-brand-700 px-4 py-2.5 text-sm font-semibold text-white no-underline shadow-sm hover:bg-brand-800 hover:no-underline sm:w-auto"
          >
            {t('signIn')}
          </Link>
        ) : (
          <div className="mt-6 space-y-4">
            <ResendForm label={t('sendNewLink')} />
            <p className="text-sm text-slate-600">{t.rich('signupOld', { link: (chunks) => <Link href="/signup">{chunks}</Link> })}</p>
          </div>
        )}
      </div>
    </div>
  );
}
