import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PublishTermsForm } from '@/components/terms/publish-form';
import { DataTable } from '@/components/ui/data-table';
import { Badge, Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { termsVersionsForStaff } from '@/lib/terms/queries';
import { previewTermsAction, publishTermsAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('terms.staff');
  return { title: t('title') };
}

/** ACC-6: publish a new terms version (in force at once) and see every version with its acceptances. */
export default async function StaffTerms() {
  await requireStaff();
  const at = now();
  const [versions, t, f] = await Promise.all([getDb().then(termsVersionsForStaff), getTranslations('terms.staff'), getFormatters()]);
  const currentId = versions.find((v) => v.publishedAt <= at)?.id;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card title={t('form.title')}>
        <PublishTermsForm action={publishTermsAction} preview={previewTermsAction} />
      </Card>
      <div className="mt-6">
        <DataTable
          caption={t('versions')}
          captionVisible
          rows={versions}
          rowKey={(v) => v.id}
          empty={t('noVersions')}
          columns={[
            { header: t('columns.version'), cell: (v) => v.version },
            { header: t('columns.published'), cell: (v) => f.dateTime(v.publishedAt), className: 'whitespace-nowrap' },
            { header: t('columns.state'), cell: (v) => (v.id === currentId ? <Badge tone="green">{t('current')}</Badge> : <Badge>{t('replaced')}</Badge>) },
            { header: t('columns.languages'), cell: (v) => (v.hasDutch ? t('both') : t('englishOnly')) },
            { header: t('columns.accepted'), cell: (v) => String(v.acceptances), align: 'right' },
          ]}
        />
      </div>
    </>
  );
}
