import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { baseDomain } from '@/lib/accounts/slug';
import { publicRequest, signedInHome } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { lastDealClose } from '@/lib/deals/queries';
import { dealIsOpen } from '@/lib/deals/rules';
import { getFormatters } from '@/lib/i18n/server';
import { RedeemForm } from './redeem-form';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('deals.redeem');
  return { title: t('metaTitle') };
}

export default async function AppSumoPage() {
  await publicRequest();
  const home = await signedInHome();
  if (home) redirect(home);
  const t = await getTranslations('deals.redeem');
  const f = await getFormatters();
  // APS-4: when every deal has closed, say so before anyone types (a code is still checked on
  // submit, against its own deal's deadline).
  const closesAt = await lastDealClose(await getDb());
  const allClosed = closesAt !== null && !dealIsOpen({ closesAt }, now());
  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:py-14">
      {allClosed && (
        <p role="status" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t('closed', { date: f.date(closesAt), time: f.time(closesAt) })}
        </p>
      )}
      <RedeemForm domain={baseDomain()} />
    </div>
  );
}
