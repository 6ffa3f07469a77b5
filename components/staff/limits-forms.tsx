'use client';
// PLAN-7 and PLAN-6 staff forms: an account's own fair-use limits, marking it enterprise, and the
// enterprise-candidate thresholds.
import { useTranslations } from 'next-intl';
import { FormMessage, SubmitButton, TextAreaField, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { markEnterpriseSchema, setLimitsSchema, thresholdsSchema } from '@/lib/usage/schemas';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;
const text = (n: number | null | undefined) => (n == null ? '' : String(n));

export function LimitsForm({
  accountId,
  override,
  planHints,
  action,
}: {
  accountId: string;
  override: { maxUsers: number | null; maxTicketsPerMonth: number | null; maxStorageGb: number | null } | null;
  /** The plan's limit of each field, as words ("1 user", "Unlimited"). */
  planHints: { maxUsers: string; maxTicketsPerMonth: string; maxStorageGb: string };
  action: Action;
}) {
  const t = useTranslations('usage.section');
  const f = useServerForm(setLimitsSchema, action, {
    accountId,
    maxUsers: text(override?.maxUsers),
    maxTicketsPerMonth: text(override?.maxTicketsPerMonth),
    maxStorageGb: text(override?.maxStorageGb),
  });
  const number = { type: 'text', inputMode: 'numeric' as const, autoComplete: 'off' };
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('accountId')} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField f={f} name="maxUsers" label={t('maxUsers')} hint={t('planLimitHint', { limit: planHints.maxUsers })} {...number} />
        <TextField f={f} name="maxTicketsPerMonth" label={t('maxTicketsPerMonth')} hint={t('planLimitHint', { limit: planHints.maxTicketsPerMonth })} {...number} />
        <TextField f={f} name="maxStorageGb" label={t('maxStorageGb')} hint={t('planLimitHint', { limit: planHints.maxStorageGb })} {...number} />
      </div>
      <SubmitButton pending={f.pending}>{t('saveLimits')}</SubmitButton>
    </form>
  );
}

export function MarkEnterpriseForm({ accountId, action }: { accountId: string; action: Action }) {
  const t = useTranslations('usage.section');
  const f = useServerForm(markEnterpriseSchema, action, { accountId, agreedTerms: '' });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <input type="hidden" {...f.form.register('accountId')} />
      <TextAreaField f={f} name="agreedTerms" label={t('agreedTerms')} hint={t('agreedTermsHint')} rows={3} maxLength={1000} />
      <SubmitButton pending={f.pending}>{t('mark')}</SubmitButton>
    </form>
  );
}

export function ThresholdsForm({ values, action }: { values: { minEndUsers: number; minTicketsPerAgent: number }; action: Action }) {
  const t = useTranslations('usage.staff.thresholds');
  const f = useServerForm(thresholdsSchema, action, { minEndUsers: String(values.minEndUsers), minTicketsPerAgent: String(values.minTicketsPerAgent) });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField f={f} name="minEndUsers" label={t('minEndUsers')} inputMode="numeric" autoComplete="off" />
        <TextField f={f} name="minTicketsPerAgent" label={t('minTicketsPerAgent')} hint={t('ticketsHint')} inputMode="numeric" autoComplete="off" />
      </div>
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}
