'use client';
// CUS-4: the owner approves the agreement shown above by typing their full name. The fingerprint
// of the text on screen travels with the form, so what is stored is exactly what was read.
import { useTranslations } from 'next-intl';
import { FormMessage, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { approveSchema } from '@/lib/custom-services/schemas';

export function ApproveAgreementForm({ requestId, shownDigest, action }: { requestId: string; shownDigest: string; action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('customServices.portal.detail');
  const f = useServerForm(approveSchema, action, { requestId, shownDigest, fullName: '' });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('requestId')} />
      <input type="hidden" {...f.form.register('shownDigest')} />
      <p className="text-sm text-slate-600">{t('approveHelp')}</p>
      <TextField f={f} name="fullName" label={t('fullName')} autoComplete="name" maxLength={200} />
      <SubmitButton pending={f.pending}>{t('approve')}</SubmitButton>
    </form>
  );
}
