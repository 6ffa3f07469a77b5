// CAN-3: what a member of a staff-suspended account sees: what happened, the ground in plain
// words, staff's explanation, and whom to contact. A billing suspension (PAY-2) goes to billing.
import { Link } from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DetailRow } from '@/components/staff/detail-list';
import { Card, PageHeader } from '@/components/ui/page';
import { accountAddress } from '@/lib/accounts/address';
import { requireMember } from '@/lib/auth/guards';
import { getFormatters } from '@/lib/i18n/server';
import { SUSPENSION_GROUNDS, supportEmail, type SuspensionGround } from '@/lib/standing/rules';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('standing.suspendedPage');
  return { title: t('metaTitle') };
}

export default async function SuspendedPage() {
  const ctx = await requireMember({ allowSuspended: true });
  const a = ctx.account;
  if (!a.staffSuspendedAt) redirect(a.status === 'suspended' ? '/account/billing' : '/account');
  const t = await getTranslations('standing');
  const f = await getFormatters();
  const ground = SUSPENSION_GROUNDS.includes(a.staffSuspensionGround as SuspensionGround) ? (a.staffSuspensionGround as SuspensionGround) : null;
  const email = supportEmail();
  return (
    <>
      <PageHeader title={t('suspendedPage.title')} description={t('suspendedPage.lead', { address: accountAddress(a.slug) })} />
      <div className="space-y-6">
        <Card>
          <dl className="divide-y divide-slate-100">
            {ground && <DetailRow label={t('suspendedPage.ground')}>{t(`grounds.${ground}`)}</DetailRow>}
            <DetailRow label={t('suspendedPage.since')}>{f.date(a.staffSuspendedAt)}</DetailRow>
          </dl>
        </Card>
        <Card title={t('suspendedPage.contactHeading')}>
          <p className="text-sm">
            {t.rich('suspendedPage.contact', { email: () => <a href={`mailto:${email}`}>{email}</a> })}
          </p>
          {ctx.user.role === 'owner' && (
            <p className="mt-3 text-sm text-slate-600">
              {t('suspendedPage.ownerLinks')} <Link href="/account/invoices">{t('suspendedPage.invoices')}</Link>
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
