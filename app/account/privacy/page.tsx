import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ComingSoon } from '@/components/account/coming-soon';
import { requireMember } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('account.privacy');
  return { title: t('title') };
}

export default async function Page() {
  await requireMember();
  const t = await getTranslations('account.privacy');
  return (
    <ComingSoon title={t('title')}>
      {t.rich('body', {
        policy: (chunks) => <Link href="/privacy">{chunks}</Link>,
        request: (chunks) => <Link href="/privacy/request">{chunks}</Link>,
      })}
    </ComingSoon>
  );
}
