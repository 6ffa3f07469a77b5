// PLAN-5: tells an owner that their plan's per-seat price changes, from when, and what it becomes.
// A server component: give it the account id; it renders nothing when no change is coming.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { upcomingPriceForAccount } from '@/lib/prices/service';

export async function UpcomingPriceNotice({ accountId }: { accountId: string }) {
  const upcoming = await upcomingPriceForAccount(await getDb(), accountId, now());
  if (!upcoming) return null;
  const [t, f] = await Promise.all([getTranslations('prices.notice'), getFormatters()]);
  return (
    <section aria-label={t('label')} className="mb-6 rounded-md border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-900">
      <p>
        {t(upcoming.lifetime ? 'lifetime' : upcoming.interval, {
          date: f.date(upcoming.effectiveAt),
          plan: upcoming.planName,
          price: f.money(upcoming.newCents),
          current: f.money(upcoming.currentCents),
        })}{' '}
        {t(upcoming.lifetime ? 'lifetimeSeats' : 'renewals')}
      </p>
    </section>
  );
}
