import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/page';
import type { DocumentStatus } from '@/lib/invoices/queries';
import type { SubscriptionStatus } from '@/lib/staff/billing-queries';
import type { AccountStatus, OutboxStatus } from '@/lib/staff/queries';

const ACCOUNT_TONE = { pending_verification: 'amber', active: 'green', suspended: 'red', stopped: 'slate' } as const;
const OUTBOX_TONE = { queued: 'blue', held: 'amber', sent: 'green', failed: 'red' } as const;
const SUBSCRIPTION_TONE = { trialing: 'blue', active: 'green', past_due: 'amber', suspended: 'red', lifetime: 'green', canceled: 'slate' } as const;
const DOCUMENT_TONE = { paid: 'green', open: 'amber', cancelled: 'slate', credit_note: 'blue' } as const;
// Status names: staff.status.* in the catalogue. A credit note is neither paid nor open: it is simply "Issued".

export async function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const t = await getTranslations('staff.status.account');
  return <Badge tone={ACCOUNT_TONE[status]}>{t(status)}</Badge>;
}

export async function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const t = await getTranslations('staff.status.outbox');
  return <Badge tone={OUTBOX_TONE[status]}>{t(status)}</Badge>;
}

export async function SubscriptionStatusBadge({ status }: { status: SubscriptionStatus }) {
  const t = await getTranslations('staff.status.subscription');
  return <Badge tone={SUBSCRIPTION_TONE[status]}>{t(status)}</Badge>;
}

export async function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  const t = await getTranslations('staff.status.document');
  return <Badge tone={DOCUMENT_TONE[status]}>{t(status)}</Badge>;
}
