'use client';
// INV-3: the billing details the next invoices carry. The company identifier a country requires
// is explained under the field as soon as the country is chosen.
import { useId } from 'react';
import { Field, FormMessage, inputClass, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { COMPANY_ID_RULES, COUNTRIES } from '@/lib/billing/countries';
import { billingDetailsSchema, type BillingDetailsInput } from '@/lib/billing/schemas';

export function BillingDetailsForm({ action, initial }: { action: (prev: FormState, fd: FormData) => Promise<FormState>; initial: BillingDetailsInput }) {
  const f = useServerForm(billingDetailsSchema, action, initial);
  const countryId = `${useId()}-country`;
  const country = f.form.watch('country');
  const rule = country ? COMPANY_ID_RULES[country] : undefined;
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField f={f} name="name" label="Name" autoComplete="name" />
        <TextField f={f} name="company" label="Company" autoComplete="organization" hint="Leave empty if you buy as a private person." />
        <div className="sm:col-span-2">
          <TextField f={f} name="street" label="Street" autoComplete="street-address" />
        </div>
        <TextField f={f} name="city" label="City" autoComplete="address-level2" />
        <TextField f={f} name="postalCode" label="Postal code" autoComplete="postal-code" />
        <TextField f={f} name="region" label="Province or region" autoComplete="address-level1" hint="Optional." />
        <Field id={countryId} label="Country" error={f.errorFor('country')}>
          {(a11y) => (
            <select {...a11y} {...f.form.register('country')} autoComplete="country" className={inputClass}>
              <option value="">Choose a country…</option>
              {COUNTRIES.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField f={f} name="invoiceEmail" label="Invoice email" type="email" autoComplete="email" hint="Invoices and credit notes are sent here." />
        <TextField
          f={f}
          name="companyId"
          label="Company ID"
          hint={rule ? `Businesses in this country must give their ${rule.name}, e.g. ${rule.example}.` : 'Your company registration number, if you have one.'}
        />
      </div>
      <SubmitButton pending={f.pending}>Save billing details</SubmitButton>
    </form>
  );
}
