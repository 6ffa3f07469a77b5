// GDPR-5: small server pieces shared by the staff queue and the request page.
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/page';
import type { RequestStatus } from '@/lib/privacy/request-rules';

const STATUS_TONE: Record<RequestStatus, 'slate' | 'green' | 'amber' | 'red' | 'blue'> = {
  unconfirmed: 'slate',
  expired: 'slate',
  received: 'blue',
  verified: 'blue',
  in_progress: 'amber',
  completed: 'green',
  refused: 'red',
};

export async function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const t = await getTranslations('gdpr.statuses');
  return <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>;
}

/** The due date, and when it has passed on an open request the word "Overdue" (not colour alone). */
export async function DueDate({ dueAt, overdue, format }: { dueAt: Date | null; overdue: boolean; format: (d: Date) => string }) {
  const t = await getTranslations('gdpr.staff');
  if (!dueAt) return null;
  return (
    <span className={overdue ? 'font-semibold text-red-800' : undefined}>
      {format(dueAt)}
      {overdue && (
        <>
          {' '}
          <Badge tone="red">{t('overdue')}</Badge>
        </>
      )}
    </span>
  );
}
