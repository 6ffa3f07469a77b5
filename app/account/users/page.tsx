import { getTranslations } from 'next-intl/server';
import { ComingSoon } from '@/components/account/coming-soon';
import { requireOwner } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('account.users');
  return { title: t('title') };
}

export default async function Page() {
  await requireOwner();
  const t = await getTranslations('account.users');
  return <ComingSoon title={t('title')}>{t('body')}</ComingSoon>;
}
