'use client';
// APS-2: the signup form with the deal code first.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { SignupForm } from '@/components/accounts/signup-form';
import { TextField } from '@/components/ui/form';
import { signupSchema } from '@/lib/accounts/schemas';
import { redeemSchema } from '@/lib/deals/schemas';
import { redeemAction } from './actions';

export function RedeemForm({ domain }: { domain: string }) {
  const t = useTranslations('deals.redeem');
  return (
    <SignupForm
      domain={domain}
      variant={{
        schema: redeemSchema as unknown as typeof signupSchema,
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
