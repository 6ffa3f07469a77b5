'use client';
// ACC-2: asks for a new confirmation link. With `email` given (right after signup, or from the
// sign-in form) the address is sent along hidden; otherwise the person types it.
import { useTranslations } from 'next-intl';
import { BotCheckedSubmit, useBotCheckedSubmit } from '@/components/bot-check';
import { FormMessage, TextField, useServerForm } from '@/components/ui/form';
import type { resendSchema } from '@/lib/accounts/schemas';
import { resendVerificationAction } from './actions';

// Loaded when the form is first used: zod stays out of the page's first load (components/ui/form.tsx).
const loadSchema = (): Promise<typeof resendSchema> => import('@/lib/accounts/schemas').then((m) => m.resendSchema);

/** `label`: the button's name (already translated); "Send the link again" by default. */
export function ResendForm({ email, label }: { email?: string; label?: string }) {
  const t = useTranslations('public.verifyEmail.resend');
  const f = useServerForm(loadSchema, resendVerificationAction, { email: email ?? '', botCheck: '' });
  const kit = useBotCheckedSubmit(f);
  return (
    <form ref={f.formRef} onSubmit={kit.onSubmit} noValidate className="space-y-3">
      {email ? (
        <input type="hidden" {...f.form.register('email')} />
      ) : (
        <TextField f={f} name="email" label={t('email')} type="email" autoComplete="email" />
      )}
      <FormMessage state={f.state} />
      <BotCheckedSubmit kit={kit}>{label ?? t('submit')}</BotCheckedSubmit>
    </form>
  );
}
