'use client';
// ACC-9: choosing the new password through the emailed link (the token travels as a hidden field).
import { Link } from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { SignInNext } from '@/components/accounts/sign-in-next';
import { BotCheckedSubmit, useBotCheckedSubmit } from '@/components/bot-check';
import { FormMessage, TextField, useServerForm } from '@/components/ui/form';
import type { resetPasswordSchema } from '@/lib/auth/password-reset-schema';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-rule';
import { resetPasswordAction } from './actions';

// Loaded when the form is first used: zod stays out of the page's first load (components/ui/form.tsx).
const loadSchema = (): Promise<typeof resetPasswordSchema> => import('@/lib/auth/password-reset-schema').then((m) => m.resetPasswordSchema);

export function ResetPasswordForm({ token }: { token: string }) {
  const f = useServerForm(loadSchema, resetPasswordAction, { token, password: '', botCheck: '' });
  const kit = useBotCheckedSubmit(f);
  const t = useTranslations('public.resetPassword');

  if (f.state.status === 'ok') return <SignInNext state={f.state} label={t('signIn')} />;
  // A refusal that is not about the password itself is about the link: offer a new one.
  const linkProblem = f.state.status === 'error' && !!f.state.formError && Object.keys(f.state.fieldErrors).length === 0;
  return (
    <form ref={f.formRef} onSubmit={kit.onSubmit} noValidate className="mt-6 space-y-4">
      <input type="hidden" {...f.form.register('token')} />
      <TextField
        f={f}
        name="password"
        label={t('newPassword')}
        type="password"
        autoComplete="new-password"
        hint={t('passwordHint', { min: PASSWORD_MIN_LENGTH })}
      />
      <FormMessage state={f.state} />
      {linkProblem && (
        <p className="text-sm text-slate-600">
          <Link href="/forgot-password">{t('askNewLink')}</Link>
        </p>
      )}
      <BotCheckedSubmit kit={kit}>{t('submit')}</BotCheckedSubmit>
    </form>
  );
}
