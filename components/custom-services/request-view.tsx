// Pieces of a custom-service request shared by the portal and the back office (server components):
// the status badge, the agreement text as written, and the status history.
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { Badge } from '@/components/ui/page';
import type { CustomServiceStatus } from '@/lib/custom-services/rules';
import type { RequestDetail } from '@/lib/custom-services/queries';
import { getFormatters } from '@/lib/i18n/server';

const TONES: Record<CustomServiceStatus, 'slate' | 'green' | 'amber' | 'red' | 'blue'> = {
  requested: 'slate',
  in_review: 'amber',
  refused: 'red',
  proposed: 'blue',
  approved: 'green',
  in_progress: 'amber',
  delivered: 'green',
};

export async function StatusBadge({ status }: { status: CustomServiceStatus }) {
  const t = await getTranslations('customServices.status');
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}

/** Text as a person wrote it: line breaks kept, nothing interpreted. */
export function WrittenText({ text }: { text: string }) {
  return <div className="whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">{text}</div>;
}

/** The request's status history under its own heading (`title`), on the portal and staff pages. */
export async function StatusHistory({ detail, title }: { detail: RequestDetail; title: string }) {
  const t = await getTranslations('customServices.staff.detail');
  const ts = await getTranslations('customServices.status');
  const f = await getFormatters();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="mb-2 text-base font-semibold text-slate-900">
        {title}
      </h2>
      <DataTable
        caption={t('historyCaption', { reference: detail.request.reference })}
        columns={[
          { header: t('when'), cell: (e) => f.dateTime(e.at), className: 'whitespace-nowrap' },
          { header: t('from'), cell: (e) => (e.fromStatus ? ts(e.fromStatus as CustomServiceStatus) : t('none')) },
          { header: t('to'), cell: (e) => ts(e.toStatus as CustomServiceStatus) },
          { header: t('by'), cell: (e) => e.actorName ?? t('system') },
        ]}
        rows={detail.events}
        rowKey={(e) => e.id}
        empty={t('none')}
      />
    </section>
  );
}
