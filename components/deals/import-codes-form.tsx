'use client';
// APS-1: staff upload a partner's codes file. The answer says how many were imported and lists
// every skipped line with its number and why, so staff can fix the file and upload it again.
import { useTranslations } from 'next-intl';
import { FormMessage, SelectField, SubmitButton, TextField, useServerForm } from '@/components/ui/form';
import { DataTable } from '@/components/ui/data-table';
import type { FormState } from '@/lib/actions';
import type { ImportResult } from '@/lib/deals/import';
import { importCodesSchema } from '@/lib/deals/schemas';

/** With one deal the form imports into it; with several (on /staff/deals) staff choose the deal. */
export function ImportCodesForm({
  deals,
  action,
}: {
  deals: { id: string; name: string }[];
  action: (prev: FormState<ImportResult>, fd: FormData) => Promise<FormState<ImportResult>>;
}) {
  const t = useTranslations('deals.staff.import');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const f = useServerForm(importCodesSchema as any, action, { dealId: deals[0]?.id ?? '' } as any);
  const result = f.state.status === 'ok' ? f.state.data : undefined;
  return (
    <div className="space-y-4">
      <form ref={f.formRef} onSubmit={f.onSubmit} noValidate encType="multipart/form-data" className="space-y-4">
        {deals.length > 1 ? (
          <SelectField f={f} name="dealId" label={t('deal')} options={deals.map((d) => ({ value: d.id, label: d.name }))} />
        ) : (
          <input type="hidden" {...f.form.register('dealId')} />
        )}
        <TextField f={f} name="file" label={t('file')} type="file" accept=".csv,text/csv,text/plain" hint={t('fileHint')} />
        <SubmitButton pending={f.pending}>{t('submit')}</SubmitButton>
        <FormMessage state={f.state} />
      </form>
      {result && result.skipped.length > 0 && (
        <DataTable
          caption={t('skippedCaption')}
          captionVisible
          rows={result.skipped.slice(0, 500)}
          rowKey={(s) => `${s.line}`}
          empty=""
          columns={[
            { header: t('line'), className: 'whitespace-nowrap tabular-nums', cell: (s) => s.line },
            { header: t('text'), className: 'font-mono text-xs wrap-anywhere', cell: (s) => s.text },
            {
              header: t('why'),
              cell: (s) => (s.reason === 'duplicate_in_file' ? t('reasons.duplicate_in_file', { line: s.firstLine ?? 0 }) : t(`reasons.${s.reason}`)),
            },
          ]}
        />
      )}
      {result && result.skipped.length > 500 && <p className="text-sm text-slate-600">{t('moreSkipped', { count: result.skipped.length - 500 })}</p>}
    </div>
  );
}
