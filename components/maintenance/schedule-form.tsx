'use client';
// OPS-1: staff schedule planned downtime: when (Bratislava time) and what is affected, in both languages.
import { useTranslations } from 'next-intl';
import { FormMessage, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { scheduleMaintenanceSchema } from '@/lib/maintenance/schemas';

export function ScheduleMaintenanceForm({ action }: { action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const t = useTranslations('maintenance.staff.form');
  const f = useServerForm(scheduleMaintenanceSchema, action, { startsAt: '', endsAt: '', affectedEn: '', affectedNl: '' }, { resetOnSuccess: true });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField f={f} name="startsAt" label={t('startsAt')} type="datetime-local" hint={t('timeHint')} />
        <TextField f={f} name="endsAt" label={t('endsAt')} type="datetime-local" hint={t('timeHint')} />
        <TextField f={f} name="affectedEn" label={t('affectedEn')} autoComplete="off" maxLength={500} hint={t('affectedHint')} />
        <TextField f={f} name="affectedNl" label={t('affectedNl')} autoComplete="off" maxLength={500} lang="nl" />
      </div>
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}
