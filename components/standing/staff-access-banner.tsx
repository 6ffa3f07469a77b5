// ACC-10: on every portal page a staff member opens through "Access account": whose account, why,
// until when, and the button to end it.
import { getTranslations } from 'next-intl/server';
import { EndAccessForm } from '@/components/standing/end-access-form';
import { endStaffAccessAction } from '@/app/staff/accounts/[id]/standing-actions';
import { accountAddress } from '@/lib/accounts/address';
import { getFormatters } from '@/lib/i18n/server';

export async function StaffAccessBanner({ slug, reason, expiresAt }: { slug: string; reason: string; expiresAt: Date }) {
  const t = await getTranslations('standing.banner');
  const f = await getFormatters();
  return (
    <div role="region" aria-label={t('label')} className="border-b border-amber-300 bg-amber-50 px-4 py-2.5 text-sm text-amber-950">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1">
        <strong>{t('text', { address: accountAddress(slug), reason, time: f.time(expiresAt) })}</strong>
        <EndAccessForm action={endStaffAccessAction} label={t('end')} />
      </div>
    </div>
  );
}
