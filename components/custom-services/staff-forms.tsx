'use client';
// CUS-1..CUS-4 staff forms: refuse with a reason, write and send the proposal, record an approval
// that came by email, and log a request that came by email (on the account's page).
import { useTranslations } from 'next-intl';
import { FormMessage, SubmitButton, TextAreaField, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { logEmailedRequestSchema, proposalSchema, recordApprovalSchema, refuseSchema } from '@/lib/custom-services/schemas';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

export function RefuseForm({ requestId, action }: { requestId: string; action: Action }) {
  const t = useTranslations('customServices.staff.actions');
  const f = useServerForm(refuseSchema, action, { requestId, reason: '' });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('requestId')} />
      <TextAreaField f={f} name="reason" label={t('reason')} rows={3} maxLength={2000} />
      <SubmitButton pending={f.pending} variant="danger">
        {t('refuse')}
      </SubmitButton>
    </form>
  );
}

export function ProposalForm({ requestId, ipClause, action, values }: { requestId: string; ipClause: string; action: Action; values?: { requirements: string; specification: string; price: string; expectedDelivery: string } }) {
  const t = useTranslations('customServices.staff.actions');
  const f = useServerForm(proposalSchema, action, { requestId, requirements: values?.requirements ?? '', specification: values?.specification ?? '', price: values?.price ?? '', expectedDelivery: values?.expectedDelivery ?? '' });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('requestId')} />
      <TextAreaField f={f} name="requirements" label={t('requirements')} rows={4} maxLength={10000} />
      <TextAreaField f={f} name="specification" label={t('specification')} rows={8} maxLength={20000} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField f={f} name="price" label={t('price')} inputMode="decimal" hint={t('priceHelp')} autoComplete="off" />
        <TextField f={f} name="expectedDelivery" label={t('expectedDelivery')} type="date" />
      </div>
      <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
        <p className="font-medium">{t('ipNotice')}</p>
        <p className="mt-1">{ipClause}</p>
      </div>
      <SubmitButton pending={f.pending}>{t('sendProposal')}</SubmitButton>
    </form>
  );
}

export function RecordApprovalForm({ requestId, action, timeZoneHint }: { requestId: string; action: Action; timeZoneHint: string }) {
  const t = useTranslations('customServices.staff.actions');
  const f = useServerForm(recordApprovalSchema, action, { requestId, approverName: '', approvalEmail: '', receivedAt: '' });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('requestId')} />
      <TextField f={f} name="approverName" label={t('approverName')} autoComplete="off" maxLength={200} />
      <TextAreaField f={f} name="approvalEmail" label={t('approvalEmail')} rows={5} maxLength={20000} />
      <TextField f={f} name="receivedAt" label={t('receivedAt')} type="datetime-local" hint={timeZoneHint} />
      <SubmitButton pending={f.pending}>{t('recordApproval')}</SubmitButton>
    </form>
  );
}

export function LogEmailedRequestForm({ accountId, action, timeZoneHint }: { accountId: string; action: Action; timeZoneHint: string }) {
  const t = useTranslations('customServices.staff.logCard');
  const f = useServerForm(logEmailedRequestSchema, action, { accountId, emailText: '', receivedAt: '' });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('accountId')} />
      <TextAreaField f={f} name="emailText" label={t('emailText')} rows={5} maxLength={20000} />
      <TextField f={f} name="receivedAt" label={t('receivedAt')} type="datetime-local" hint={timeZoneHint} />
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}
