'use client';
// APS-3: staff suspend the account that holds a shared code, with a reason the owner is emailed.
import { useTranslations } from 'next-intl';
import { FormMessage, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { suspendHolderSchema } from '@/lib/deals/schemas';

export function SuspendHolderForm({ dealId, accountId, action }: { dealId: string; accountId: string; action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('deals.staff.suspend');
  const f = useServerForm(suspendHolderSchema, action, { dealId, accountId, reason: '' });
  if (f.state.status === 'ok') return <FormMessage state={f.state} />;
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-2">
      <input type="hidden" {...f.form.register('dealId')} />
      <input type="hidden" {...f.form.register('accountId')} />
      <TextField f={f} name="reason" label={t('reason')} autoComplete="off" maxLength={500} />
      <SubmitButton pending={f.pending} variant="danger">
        {t('submit')}
      </SubmitButton>
      <FormMessage state={f.state} />
    </form>
  );
}
