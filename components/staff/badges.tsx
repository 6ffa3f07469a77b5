import { Badge } from '@/components/ui/page';
import { ACCOUNT_STATUS_LABEL, OUTBOX_STATUS_LABEL, type AccountStatus, type OutboxStatus } from '@/lib/staff/queries';

const ACCOUNT_TONE = { pending_verification: 'amber', active: 'green', suspended: 'red', stopped: 'slate' } as const;
const OUTBOX_TONE = { queued: 'blue', held: 'amber', sent: 'green', failed: 'red' } as const;

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  return <Badge tone={ACCOUNT_TONE[status]}>{ACCOUNT_STATUS_LABEL[status]}</Badge>;
}

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  return <Badge tone={OUTBOX_TONE[status]}>{OUTBOX_STATUS_LABEL[status]}</Badge>;
}
