'use client';
// CAN-3 and ACC-10 staff forms on /staff/accounts/[id]. Each form is its own named region so the
// labels stay unambiguous on a busy page.
import { useTranslations } from 'next-intl';
import { FormMessage, SelectField, SubmitButton, TextAreaField, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { CONTACT_CHANNELS, SUSPENSION_GROUNDS } from '@/lib/standing/rules';
import { contactAttemptSchema, reactivateSchema, startAccessSchema, suspendSchema, terminateSchema } from '@/lib/standing/schemas';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

function useGroundOptions() {
  const t = useTranslations('standing.grounds');
  return SUSPENSION_GROUNDS.map((g) => ({ value: g, label: t(g) }));
}

export function ContactAttemptForm({ accountId, action }: { accountId: string; action: Action }) {
  const t = useTranslations('standing.staff.contact');
  const tc = useTranslations('standing.channels');
  const grounds = useGroundOptions();
  const f = useServerForm(contactAttemptSchema, action, { accountId, channel: 'email', notes: '' }, { resetOnSuccess: true });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate aria-label={t('title')} className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('accountId')} />
      <p className="text-sm text-slate-600">{t('hint')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField f={f} name="channel" label={t('channel')} options={CONTACT_CHANNELS.map((c) => ({ value: c, label: tc(c) }))} />
        <SelectField f={f} name="ground" label={t('ground')} options={grounds} placeholder={t('choose')} />
      </div>
      <TextAreaField f={f} name="notes" label={t('notes')} rows={3} maxLength={1000} />
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}

export function SuspendForm({ accountId, action }: { accountId: string; action: Action }) {
  const t = useTranslations('standing.staff.suspend');
  const grounds = useGroundOptions();
  const f = useServerForm(suspendSchema, action, { accountId, reason: '' });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate aria-label={t('title')} className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('accountId')} />
      <p className="text-sm text-slate-600">{t('hint')}</p>
      <SelectField f={f} name="ground" label={t('ground')} options={grounds} placeholder={t('choose')} />
      <TextField f={f} name="reason" label={t('explanation')} maxLength={500} autoComplete="off" />
      <SubmitButton pending={f.pending} variant="danger">
        {t('submit')}
      </SubmitButton>
    </form>
  );
}

export function ReactivateForm({ accountId, action }: { accountId: string; action: Action }) {
  const t = useTranslations('standing.staff.reactivate');
  const f = useServerForm(reactivateSchema, action, { accountId, note: '' });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate aria-label={t('title')} className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('accountId')} />
      <TextField f={f} name="note" label={t('note')} maxLength={500} autoComplete="off" />
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}

export function TerminateForm({ accountId, action }: { accountId: string; action: Action }) {
  const t = useTranslations('standing.staff.terminate');
  const f = useServerForm(terminateSchema, action, { accountId, reason: '', confirmation: '' });
  if (f.state.status === 'ok') return <FormMessage state={f.state} />;
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate aria-label={t('title')} className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('accountId')} />
      <p className="text-sm text-red-800">{t('warning')}</p>
      <TextField f={f} name="reason" label={t('explanation')} maxLength={500} autoComplete="off" />
      <TextField f={f} name="confirmation" label={t('confirmation')} autoComplete="off" spellCheck={false} />
      <SubmitButton pending={f.pending} variant="danger">
        {t('submit')}
      </SubmitButton>
    </form>
  );
}

/** ACC-10: "Reason" and "Access account". */
export function StartAccessForm({ accountId, action }: { accountId: string; action: Action }) {
  const t = useTranslations('standing.access');
  const f = useServerForm(startAccessSchema, action, { accountId, reason: '' });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate aria-label={t('heading')} className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('accountId')} />
      <TextField f={f} name="reason" label={t('reason')} hint={t('reasonHint')} maxLength={300} autoComplete="off" />
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}

/** ACC-10: ends the staff session's access (the banner on every portal page). */
