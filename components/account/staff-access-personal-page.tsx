// ACC-10: pages that show one person's own things (their sessions, their consents) are about the
// person signed in. In staff access that is the staff member, so the page says why it is empty
// instead of showing staff their own data under the customer's name.
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/page';

export async function StaffAccessPersonalPage({ title }: { title: string }) {
  const t = await getTranslations('standing.access');
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <p className="text-sm text-slate-700">{t('personalPage')}</p>
      </Card>
    </>
  );
}
