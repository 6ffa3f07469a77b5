import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MaintenanceTable } from '@/components/maintenance/window-list';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { listMaintenance } from '@/lib/maintenance/service';
import { windowState } from '@/lib/maintenance/rules';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('maintenance.status');
  return { title: t('metaTitle') };
}

// OPS-1: upcoming and past planned downtime, in the reader's language.
export default async function StatusPage() {
  const at = now();
  const { upcoming, past } = await listMaintenance(await getDb(), at);
  const t = await getTranslations('maintenance.status');
  const ongoing = upcoming.some((w) => windowState(w, at) === 'in_progress');
  return (
    <div className="mx-auto max-w-4xl px-4 py-12">
      <h1 className="mb-2 text-3xl font-bold tracking-tight text-slate-900">{t('title')}</h1>
      <p className={`mb-8 text-base ${ongoing ? 'font-medium text-amber-800' : 'text-slate-700'}`}>{ongoing ? t('ongoing') : t('operational')}</p>
      <div className="space-y-8">
        <MaintenanceTable windows={upcoming} at={at} caption={t('upcoming')} empty={t('noUpcoming')} />
        <MaintenanceTable windows={past} at={at} caption={t('past')} empty={t('noPast')} />
      </div>
      <p className="mt-8 text-sm text-slate-600">{t('timeZone')}</p>
    </div>
  );
}
