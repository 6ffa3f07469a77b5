import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { AnnouncementForm } from '@/components/privacy/announcement-form';
import { DataTable } from '@/components/ui/data-table';
import { Badge, Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { getFormatters } from '@/lib/i18n/server';
import { listAnnouncements } from '@/lib/privacy/announcements';
import { createAnnouncementAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('consents.announcements');
  return { title: t('title') };
}

export default async function AnnouncementsPage() {
  await requireStaff();
  const rows = await listAnnouncements(await getDb());
  const t = await getTranslations('consents.announcements');
  const f = await getFormatters();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="space-y-6">
        <Card title={t('newTitle')}>
          <AnnouncementForm action={createAnnouncementAction} />
        </Card>
        <DataTable
          caption={t('caption')}
          captionVisible
          rows={rows}
          rowKey={(a) => a.id}
          empty={t('empty')}
          columns={[
            { header: t('columns.subject'), cell: (a) => <Link href={`/staff/announcements/${a.id}`}>{a.subjectEn}</Link> },
            { header: t('columns.created'), className: 'whitespace-nowrap', cell: (a) => f.date(a.createdAt) },
            { header: t('columns.status'), cell: (a) => (a.sentAt ? <Badge tone="green">{t('sentOn', { date: f.date(a.sentAt) })}</Badge> : <Badge>{t('draft')}</Badge>) },
            { header: t('columns.recipients'), align: 'right', cell: (a) => (a.recipients ?? '—').toString() },
          ]}
        />
      </div>
    </>
  );
}
