'use client';
// ACC-7: the invitee chooses their name and password (the token travels as a hidden field).
import { useTranslations } from 'next-intl';
import { SignInNext } from '@/components/accounts/sign-in-next';
import { BotCheckedSubmit, useBotCheckedSubmit } from '@/components/bot-check';
import { FormMessage, TextField, useServerForm } from '@/components/ui/form';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-rule';
import type { acceptInvitationSchema } from '@/lib/team/schemas';
import { acceptInvitationAction } from './actions';

// Loaded when the form is first used: zod stays out of the page's first load (components/ui/form.tsx).
const loadSchema = (): Promise<typeof acceptInvitationSchema> => import('@/lib/team/schemas').then((m) => m.acceptInvitationSchema);

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations('team.invitation');
  const f = useServerForm(loadSchema, acceptInvitationAction, { token, fullName: '', password: '', botCheck: '' });
  const kit = useBotCheckedSubmit(f);
  if (f.state.status === 'ok') return <SignInNext state={f.state} label={t('signIn')} />;
  return (
    <form ref={f.formRef} onSubmit={kit.onSubmit} noValidate className="mt-6 space-y-4">
      <input type="hidden" {...f.form.register('token')} />
      <TextField f={f} name="fullName" label={t('fullName')} autoComplete="name" />
      <TextField f={f} name="password" label={t('password')} type="password" autoComplete="new-password" hint={t('passwordHint', { min: PASSWORD_MIN_LENGTH })} />
      <FormMessage state={f.state} />
      <BotCheckedSubmit kit={kit}>{t('submit')}</BotCheckedSubmit>
    </form>
  );
}
