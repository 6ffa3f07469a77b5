import { getTranslations } from 'next-intl/server';
import { ComingSoon } from '@/components/account/coming-soon';
import { requireMember } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('account.customServices');
  return { title: t('title') };
}

export default async function Page() {
  await requireMember();
  const t = await getTranslations('account.customServices');
  return <ComingSoon title={t('title')}>{t('body')}</ComingSoon>;
}
