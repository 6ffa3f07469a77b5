import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MaintenanceTable } from '@/components/maintenance/window-list';
import { ScheduleMaintenanceForm } from '@/components/maintenance/schedule-form';
import { InlineAction } from '@/components/ui/inline-action';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { listMaintenance } from '@/lib/maintenance/service';
import { cancelMaintenanceAction, scheduleMaintenanceAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('maintenance.staff');
  return { title: t('title') };
}

export default async function StaffMaintenance() {
  await requireStaff();
  const at = now();
  const { upcoming, past } = await listMaintenance(await getDb(), at);
  const [t, f] = await Promise.all([getTranslations('maintenance.staff'), getFormatters()]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card title={t('form.title')}>
        <ScheduleMaintenanceForm action={scheduleMaintenanceAction} />
      </Card>
      <div className="mt-6 space-y-6">
        <MaintenanceTable
          windows={upcoming}
          at={at}
          caption={t('upcoming')}
          empty={t('noUpcoming')}
          actions={(w) =>
            w.cancelledAt ? null : (
              <InlineAction
                action={cancelMaintenanceAction}
                fields={{ windowId: w.id }}
                label={t('cancel')}
                accessibleLabel={t('cancelLabel', { start: f.dateTime(w.startsAt) })}
                tone="danger"
              />
            )
          }
        />
        <MaintenanceTable windows={past} at={at} caption={t('past')} empty={t('noPast')} />
      </div>
    </>
  );
}
