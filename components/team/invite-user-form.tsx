'use client';
// ACC-7: invite a person by email with a role. Only the owner can offer the admin role.
import { useTranslations } from 'next-intl';
import { useEffect, useId } from 'react';
import { Field, FormMessage, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import { inputClass } from '@/components/ui/styles';
import type { FormState } from '@/lib/actions';
import { inviteSchema } from '@/lib/team/schemas';

export function InviteUserForm({ canGrantAdmin, action }: { canGrantAdmin: boolean; action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('team.page');
  const tRoles = useTranslations('team.roles');
  const f = useServerForm(inviteSchema, action, { email: '', role: 'agent' });
  const roleId = `${useId()}-role`;
  const { reset } = f.form;
  useEffect(() => {
    if (f.state.status === 'ok') reset({ email: '', role: 'agent' });
  }, [f.state, reset]);
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <TextField f={f} name="email" label={t('email')} type="email" autoComplete="off" />
        <Field id={roleId} label={t('role')} error={f.errorFor('role')}>
          {(a11y) => (
            <select {...a11y} {...f.form.register('role')} className={inputClass}>
              <option value="agent">{tRoles('agent')}</option>
              {canGrantAdmin && <option value="admin">{tRoles('admin')}</option>}
            </select>
          )}
        </Field>
      </div>
      <SubmitButton pending={f.pending}>{t('invite')}</SubmitButton>
      <FormMessage state={f.state} />
    </form>
  );
}
