import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SubProcessorsLink } from '@/components/privacy/sub-processors-link';
import { EmptyState, PageHeader } from '@/components/ui/page';
import { requireStaff } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.placeholders.gdpr');
  return { title: t('title') };
}

export default async function StaffGdpr() {
  await requireStaff();
  const t = await getTranslations('staff.placeholders.gdpr');
  return (
    <>
      <PageHeader title={t('title')} actions={<SubProcessorsLink />} />
      <EmptyState>{t('text')}</EmptyState>
    </>
  );
}
