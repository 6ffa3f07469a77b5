'use client';
// ACC-1..5: the plain signup (a 14-day trial).
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { SignupForm } from '@/components/accounts/signup-form';
import type { signupSchema } from '@/lib/accounts/schemas';
import { signupAction } from './actions';

// Loaded when the form is first used: zod stays out of the page's first load (components/ui/form.tsx).
const loadSchema = (): Promise<typeof signupSchema> => import('@/lib/accounts/schemas').then((m) => m.signupSchema);

export function TrialSignupForm({ domain }: { domain: string }) {
  const t = useTranslations('public.signup');
  return (
    <SignupForm
      domain={domain}
      variant={{
        schema: loadSchema,
        action: signupAction,
        title: t('title'),
        intro: t.rich('intro', { link: (chunks) => <Link href="/login">{chunks}</Link> }),
        submitLabel: t('submit'),
      }}
    />
  );
}
