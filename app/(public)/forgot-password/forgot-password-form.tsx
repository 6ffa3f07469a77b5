'use client';
// ACC-9: asks for a link to choose a new password (a public form: bot-checked, rate limited).
import { useTranslations } from 'next-intl';
import { BotCheckedSubmit, useBotCheckedSubmit } from '@/components/bot-check';
import { FormMessage, TextField, useServerForm } from '@/components/ui/form';
import type { forgotPasswordSchema } from '@/lib/auth/password-reset-schema';
import { forgotPasswordAction } from './actions';

// Loaded when the form is first used: zod stays out of the page's first load (components/ui/form.tsx).
const loadSchema = (): Promise<typeof forgotPasswordSchema> => import('@/lib/auth/password-reset-schema').then((m) => m.forgotPasswordSchema);

export function ForgotPasswordForm() {
  const f = useServerForm(loadSchema, forgotPasswordAction, { email: '', botCheck: '' });
  const kit = useBotCheckedSubmit(f);
  const t = useTranslations('public.forgotPassword');
  return (
    <form ref={f.formRef} onSubmit={kit.onSubmit} noValidate className="mt-6 space-y-4">
      <TextField f={f} name="email" label={t('email')} type="email" autoComplete="email" />
      <FormMessage state={f.state} />
      <BotCheckedSubmit kit={kit}>{t('submit')}</BotCheckedSubmit>
    </form>
  );
}
