'use client';
// ACC-1..5: the plain signup (a 14-day trial).
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { SignupForm } from '@/components/accounts/signup-form';
import { signupSchema } from '@/lib/accounts/schemas';
import { signupAction } from './actions';

export function TrialSignupForm({ domain }: { domain: string }) {
  const t = useTranslations('public.signup');
  return (
    <SignupForm
      domain={domain}
      variant={{
        schema: signupSchema,
        action: signupAction,
        title: t('title'),
        intro: t.rich('intro', { link: (chunks) => <Link href="/login">{chunks}</Link> }),
        submitLabel: t('submit'),
      }}
    />
  );
}
