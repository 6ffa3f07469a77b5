// OPS-1: maintenance windows as a table, on /status (public) and /staff/maintenance (with a cancel
// button per window). "What is affected" is shown in the reader's language.
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { Badge } from '@/components/ui/page';
import { getFormatters } from '@/lib/i18n/server';
import { windowState, type WindowState } from '@/lib/maintenance/rules';
import type { MaintenanceRow } from '@/lib/maintenance/service';

const TONE: Record<WindowState, 'amber' | 'blue' | 'slate' | 'red'> = { upcoming: 'blue', in_progress: 'amber', past: 'slate', cancelled: 'red' };

export async function MaintenanceTable({
  windows,
  at,
  caption,
  empty,
  actions,
}: {
  windows: MaintenanceRow[];
  at: Date;
  caption: string;
  empty: string;
  actions?: (w: MaintenanceRow) => React.ReactNode;
}) {
  const [t, f, locale] = await Promise.all([getTranslations('maintenance'), getFormatters(), getLocale()]);
  return (
    <DataTable
      caption={caption}
      captionVisible
      rows={windows}
      rowKey={(w) => w.id}
      empty={empty}
      columns={[
        { header: t('columns.when'), className: 'whitespace-nowrap', cell: (w) => t('when', { start: f.dateTime(w.startsAt), end: f.dateTime(w.endsAt) }) },
        { header: t('columns.affected'), cell: (w) => (locale === 'nl' ? w.affectedNl : w.affectedEn) },
        {
          header: t('columns.state'),
          cell: (w) => {
            const state = windowState(w, at);
            return <Badge tone={TONE[state]}>{t(`states.${state}`)}</Badge>;
          },
        },
        ...(actions ? [{ header: t('columns.actions'), cell: actions }] : []),
      ]}
    />
  );
}

/** OPS-1: the portal banner, from 7 days before a window until it ends. */
export async function MaintenanceBanner({ windows }: { windows: MaintenanceRow[] }) {
  if (!windows.length) return null;
  const [t, f, locale] = await Promise.all([getTranslations('maintenance'), getFormatters(), getLocale()]);
  return (
    <div role="region" aria-label={t('banner.label')} className="border-b border-blue-200 bg-blue-50 px-4 py-2 text-sm text-blue-900">
      <ul className="mx-auto max-w-6xl space-y-1">
        {windows.map((w) => (
          <li key={w.id}>
            {t('banner.text', { start: f.dateTime(w.startsAt), end: f.dateTime(w.endsAt), affected: locale === 'nl' ? w.affectedNl : w.affectedEn })}{' '}
            <a href="/status" className="font-medium underline">
              {t('banner.link')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
