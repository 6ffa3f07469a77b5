import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { baseDomain } from '@/lib/accounts/slug';
import { publicRequest, signedInHome } from '@/lib/auth/guards';
import { TrialSignupForm } from './signup-page-form';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public.signup');
  return { title: t('metaTitle') };
}

export default async function SignupPage() {
  await publicRequest();
  const home = await signedInHome();
  if (home) redirect(home);
  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:py-14">
      <TrialSignupForm domain={baseDomain()} />
    </div>
  );
}
