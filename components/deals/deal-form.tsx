'use client';
// APS-1: a deal's terms. The deadline is typed on the Bratislava clock (the page says so).
import { useTranslations } from 'next-intl';
import { FormMessage, SelectField, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { dealSchema, editDealSchema } from '@/lib/deals/schemas';

export interface DealFormValues {
  dealId?: string;
  name: string;
  partner: string;
  pricePaid: string;
  planCode: string;
  lifetimeSeats: string;
  closesAt: string;
}

export function DealForm({
  values,
  plans,
  action,
}: {
  values: DealFormValues;
  plans: { code: string; name: string }[];
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('deals.staff.form');
  const editing = !!values.dealId;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const f = useServerForm((editing ? editDealSchema : dealSchema) as any, action, values as any);
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      {editing && <input type="hidden" {...f.form.register('dealId')} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField f={f} name="name" label={t('name')} autoComplete="off" maxLength={80} />
        <TextField f={f} name="partner" label={t('partner')} autoComplete="off" maxLength={80} />
        <TextField f={f} name="pricePaid" label={t('pricePaid')} inputMode="decimal" hint={t('pricePaidHint')} />
        <SelectField f={f} name="planCode" label={t('plan')} options={plans.map((p) => ({ value: p.code, label: p.name }))} />
        <TextField f={f} name="lifetimeSeats" label={t('lifetimeSeats')} type="number" min={1} max={100} step={1} hint={t('lifetimeSeatsHint')} />
        <TextField f={f} name="closesAt" label={t('closesAt')} type="datetime-local" hint={t('closesAtHint')} />
      </div>
      <SubmitButton pending={f.pending}>{editing ? t('save') : t('create')}</SubmitButton>
    </form>
  );
}
