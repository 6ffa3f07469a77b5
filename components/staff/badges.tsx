import { Badge } from '@/components/ui/page';
import type { DocumentStatus } from '@/lib/invoices/queries';
import { SUBSCRIPTION_STATUS_LABEL, type SubscriptionStatus } from '@/lib/staff/billing-queries';
import { ACCOUNT_STATUS_LABEL, OUTBOX_STATUS_LABEL, type AccountStatus, type OutboxStatus } from '@/lib/staff/queries';

const ACCOUNT_TONE = { pending_verification: 'amber', active: 'green', suspended: 'red', stopped: 'slate' } as const;
const OUTBOX_TONE = { queued: 'blue', held: 'amber', sent: 'green', failed: 'red' } as const;
const SUBSCRIPTION_TONE = { trialing: 'blue', active: 'green', past_due: 'amber', suspended: 'red', lifetime: 'green', canceled: 'slate' } as const;
const DOCUMENT_TONE = { paid: 'green', open: 'amber', cancelled: 'slate', credit_note: 'blue' } as const;
/** A credit note is neither paid nor open: it is simply issued. */
const DOCUMENT_STATUS_LABEL: Record<DocumentStatus, string> = { paid: 'Paid', open: 'Open', cancelled: 'Cancelled', credit_note: 'Issued' };

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  return <Badge tone={ACCOUNT_TONE[status]}>{ACCOUNT_STATUS_LABEL[status]}</Badge>;
}

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  return <Badge tone={OUTBOX_TONE[status]}>{OUTBOX_STATUS_LABEL[status]}</Badge>;
}

export function SubscriptionStatusBadge({ status }: { status: SubscriptionStatus }) {
  return <Badge tone={SUBSCRIPTION_TONE[status]}>{SUBSCRIPTION_STATUS_LABEL[status]}</Badge>;
}

export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  return <Badge tone={DOCUMENT_TONE[status]}>{DOCUMENT_STATUS_LABEL[status]}</Badge>;
}
