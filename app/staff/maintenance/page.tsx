import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/ui/page';
import { requireStaff } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.placeholders.maintenance');
  return { title: t('title') };
}

export default async function StaffMaintenance() {
  await requireStaff();
  const t = await getTranslations('staff.placeholders.maintenance');
  return (
    <>
      <PageHeader title={t('title')} />
      <EmptyState>{t('text')}</EmptyState>
    </>
  );
}
