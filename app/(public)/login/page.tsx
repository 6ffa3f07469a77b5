import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { publicRequest, signedInHome } from '@/lib/auth/guards';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { LoginForm } from './login-form';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public.login');
  return { title: t('metaTitle') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  await publicRequest();
  // Only a path on this site is followed after signing in (or at once, for someone already signed in).
  const next = safeRedirectPath((await searchParams).next);
  const home = await signedInHome();
  if (home) redirect(next && !/^\/(login|signup)(?=[/?#]|$)/.test(next) ? next : home);
  const t = await getTranslations('public.login');
  return (
    <div className="mx-auto max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t.rich('newHere', { link: (chunks) => <Link href="/signup">{chunks}</Link> })}</p>
        <LoginForm next={next} />
        <p className="mt-4 text-sm text-slate-600">
          <Link href="/forgot-password">{t('forgotPassword')}</Link>
        </p>
      </div>
    </div>
  );
}
