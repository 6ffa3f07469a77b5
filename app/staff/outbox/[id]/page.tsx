import Link from 'next/link';
import { accountAddress } from '@/lib/staff/address';
import { notFound } from 'next/navigation';
import { OutboxStatusBadge } from '@/components/staff/badges';
import { RequeueButton } from '@/components/staff/requeue-button';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { formatDateTime } from '@/lib/format';
import { canRequeue } from '@/lib/staff/outbox';
import { getOutboxEmail } from '@/lib/staff/queries';
import { requeueAction } from './actions';

export const dynamic = 'force-dynamic';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-2 sm:grid-cols-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="col-span-2 break-words text-sm text-slate-900 sm:col-span-3">{children}</dd>
    </div>
  );
}

export default async function StaffOutboxEmail({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await params;
  const mail = await getOutboxEmail(await getDb(), id);
  if (!mail) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/staff/outbox">← Outbox</Link>
      </nav>
      <PageHeader title={mail.subject} description={`To ${mail.to}`} />
      <div className="space-y-6">
        <Card title="Delivery">
          <dl className="divide-y divide-slate-100">
            <Row label="To">{mail.to}</Row>
            <Row label="Status">
              <OutboxStatusBadge status={mail.status} />
            </Row>
            <Row label="Attempts">{mail.attempts}</Row>
            <Row label="Created">{formatDateTime(mail.createdAt)}</Row>
            <Row label="Sent">{formatDateTime(mail.sentAt)}</Row>
            {mail.status === 'queued' && <Row label="Next attempt">{formatDateTime(mail.nextAttemptAt)}</Row>}
            {mail.lastError && <Row label="Last error">{mail.lastError}</Row>}
            {mail.accountId && mail.accountSlug && (
              <Row label="Account">
                <Link href={`/staff/accounts/${mail.accountId}`}>{accountAddress(mail.accountSlug)}</Link>
              </Row>
            )}
          </dl>
          <RequeueButton id={mail.id} allowed={canRequeue(mail.status)} action={requeueAction} />
        </Card>
        <Card title="Text">
          <pre className="overflow-x-auto whitespace-pre-wrap break-words font-mono text-sm text-slate-800">{mail.text}</pre>
        </Card>
        <Card title="HTML">
          {/* sandbox="" blocks scripts, forms, navigation and same-origin access inside the email. */}
          <iframe
            title="HTML body of the email"
            sandbox=""
            srcDoc={mail.html}
            className="h-[32rem] w-full rounded border border-slate-200 bg-white"
          />
        </Card>
      </div>
    </>
  );
}
