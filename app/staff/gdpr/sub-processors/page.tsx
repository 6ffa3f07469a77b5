import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { RemoveSubProcessorButton } from '@/components/privacy/remove-sub-processor-button';
import { SubProcessorForm, type SubProcessorFormValues } from '@/components/privacy/sub-processor-form';
import { param } from '@/components/staff/filters';
import { DataTable } from '@/components/ui/data-table';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { countriesFor, countryName } from '@/lib/billing/countries';
import { isLocale } from '@/lib/i18n/config';
import { getSubProcessor, listSubProcessors, type SubProcessor } from '@/lib/privacy/sub-processors';
import { createSubProcessorAction, removeSubProcessorAction, updateSubProcessorAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('privacy.subProcessors');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const EMPTY: SubProcessorFormValues = { name: '', purposeEn: '', purposeNl: '', country: '', website: '', sortOrder: '0' };

function formValues(row: SubProcessor): SubProcessorFormValues {
  return { subProcessorId: row.id, name: row.name, purposeEn: row.purposeEn, purposeNl: row.purposeNl, country: row.country, website: row.website ?? '', sortOrder: String(row.sortOrder) };
}

export default async function StaffSubProcessors({ searchParams }: { searchParams: Search }) {
  await requireStaff();
  const db = await getDb();
  const editId = param((await searchParams).edit);
  const [rows, editing] = await Promise.all([listSubProcessors(db), editId && UUID.test(editId) ? getSubProcessor(db, editId) : null]);
  const t = await getTranslations('privacy.subProcessors');
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const countries = countriesFor(locale);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <DataTable
        caption={t('listCaption')}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t('empty')}
        columns={[
          { header: t('columns.order'), align: 'right', cell: (r) => r.sortOrder },
          { header: t('columns.name'), className: 'font-medium', cell: (r) => r.name },
          { header: t('columns.purposeEn'), className: 'min-w-48', cell: (r) => <span lang="en">{r.purposeEn}</span> },
          { header: t('columns.purposeNl'), className: 'min-w-48', cell: (r) => <span lang="nl">{r.purposeNl}</span> },
          { header: t('columns.country'), cell: (r) => countryName(r.country, locale) },
          { header: t('columns.website'), cell: (r) => (r.website ? <span className="wrap-anywhere">{r.website}</span> : '—') },
          {
            header: t('columns.actions'),
            cell: (r) => (
              <div className="flex flex-wrap items-start gap-2">
                <Link href={`/staff/gdpr/sub-processors?edit=${r.id}`} aria-label={t('editLabel', { name: r.name })} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 no-underline hover:bg-slate-50">
                  {t('edit')}
                </Link>
                <RemoveSubProcessorButton id={r.id} name={r.name} action={removeSubProcessorAction} />
              </div>
            ),
          },
        ]}
      />
      <Card title={editing ? t('editTitle', { name: editing.name }) : t('newTitle')} className="mt-6">
        {editing ? (
          <>
            <SubProcessorForm key={editing.id} action={updateSubProcessorAction} countries={countries} values={formValues(editing)} />
            <p className="mt-4 text-sm">
              <Link href="/staff/gdpr/sub-processors">{t('cancelEdit')}</Link>
            </p>
          </>
        ) : (
          <SubProcessorForm key="new" action={createSubProcessorAction} countries={countries} values={EMPTY} />
        )}
      </Card>
    </>
  );
}
