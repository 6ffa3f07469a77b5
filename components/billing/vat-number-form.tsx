'use client';
// INV-4: the VAT number, checked for format and checksum on the server. It only affects invoices
// issued after it is saved — the form says so before the owner saves it.
import { FormMessage, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import type { FormState } from '@/lib/actions';
import { vatNumberSchema } from '@/lib/billing/schemas';

export function VatNumberForm({ action, initial, savedAt }: { action: (prev: FormState, fd: FormData) => Promise<FormState>; initial: string; savedAt?: string }) {
  const f = useServerForm(vatNumberSchema, action, { vatNumber: initial });
  return (
    <form ref={f.formRef} onSubmit={f.onSubmit} noValidate className="space-y-4">
      <FormMessage state={f.state} />
      <p className="text-sm text-slate-700">
        A VAT number applies to invoices issued from the moment you save it. Invoices already issued keep the VAT they show, and VAT already invoiced is not
        refunded.
      </p>
      <TextField
        f={f}
        name="vatNumber"
        label="VAT number"
        placeholder="e.g. CZ25123891"
        autoCapitalize="characters"
        spellCheck={false}
        hint={`Include the country prefix. EU businesses with a valid VAT number are invoiced without VAT under the reverse-charge rule. Leave empty to remove it.${savedAt ? ` Saved on ${savedAt}.` : ''}`}
      />
      <SubmitButton pending={f.pending}>Save VAT number</SubmitButton>
    </form>
  );
}
