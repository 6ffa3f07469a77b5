'use client';
// APS-2: the signup form with the deal code first.
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { SignupForm } from '@/components/accounts/signup-form';
import { TextField } from '@/components/ui/form';
import type { signupSchema } from '@/lib/accounts/schemas';
import { redeemAction } from './actions';

// Loaded when the form is first used: zod stays out of the page's first load (components/ui/form.tsx).
const loadSchema = (): Promise<typeof signupSchema> => import('@/lib/deals/schemas').then((m) => m.redeemSchema as unknown as typeof signupSchema);

export function RedeemForm({ domain }: { domain: string }) {
  const t = useTranslations('deals.redeem');
  return (
    <SignupForm
      domain={domain}
      variant={{
        schema: loadSchema,
        action: redeemAction,
        defaults: { code: '' },
        title: t('title'),
        intro: t.rich('intro', { link: (chunks) => <Link href="/login">{chunks}</Link> }),
        submitLabel: t('submit'),
        leadingFields: (f) => <TextField f={f} name="code" label={t('code')} autoComplete="off" autoCapitalize="characters" spellCheck={false} hint={t('codeHint')} />,
      }}
    />
  );
}
