'use client';
// INV-3: the billing details the next invoices carry. The company identifier a country requires
// is explained under the field as soon as the country is chosen.
import { useTranslations } from 'next-intl';
import { FormMessage, SelectField, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { COMPANY_ID_RULES } from '@/lib/billing/countries';
import { billingDetailsSchema, type BillingDetailsInput } from '@/lib/billing/schemas';

/** `countries`: every country named and sorted in the reader's language (computed on the server, so the browser shows the same list). */
export function BillingDetailsForm({
  action,
  initial,
  countries,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial: BillingDetailsInput;
  countries: { code: string; name: string }[];
}) {
  const t = useTranslations('billing.detailsForm');
  const f = useServerForm(billingDetailsSchema, action, initial);
  const country = f.form.watch('country');
  const rule = country ? COMPANY_ID_RULES[country] : undefined;
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField f={f} name="name" label={t('name')} autoComplete="name" />
        <TextField f={f} name="company" label={t('company')} autoComplete="organization" hint={t('companyHint')} />
        <div className="sm:col-span-2">
          <TextField f={f} name="street" label={t('street')} autoComplete="street-address" />
        </div>
        <TextField f={f} name="city" label={t('city')} autoComplete="address-level2" />
        <TextField f={f} name="postalCode" label={t('postalCode')} autoComplete="postal-code" />
        <TextField f={f} name="region" label={t('region')} autoComplete="address-level1" hint={t('optional')} />
        <SelectField f={f} name="country" label={t('country')} placeholder={t('chooseCountry')} autoComplete="country" options={countries.map((c) => ({ value: c.code, label: c.name }))} />
        <TextField f={f} name="invoiceEmail" label={t('invoiceEmail')} type="email" autoComplete="email" hint={t('invoiceEmailHint')} />
        <TextField
          f={f}
          name="companyId"
          label={t('companyId')}
          hint={rule ? t('companyIdRuleHint', { name: rule.name, digits: rule.digits, example: rule.example }) : t('companyIdHint')}
        />
      </div>
      <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
    </form>
  );
}
