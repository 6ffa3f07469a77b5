import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { accountAddress } from '@/lib/staff/address';
import { notFound } from 'next/navigation';
import { OutboxStatusBadge } from '@/components/staff/badges';
import { RequeueButton } from '@/components/staff/requeue-button';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { emailHtml } from '@/lib/email/outbox';
import { requireStaff } from '@/lib/auth/guards';
import { getFormatters } from '@/lib/i18n/server';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.outboxEmail');
  return { title: t('metaTitle') };
}

export default async function StaffOutboxEmail({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const { id } = await params;
  const mail = await getOutboxEmail(await getDb(), id);
  if (!mail) notFound();
  const t = await getTranslations('staff.outboxEmail');
  const f = await getFormatters();
  return (
    <>
      <nav aria-label={(await getTranslations('staff'))('breadcrumb')} className="mb-2 text-sm">
        <Link href="/staff/outbox">{t('back')}</Link>
      </nav>
      <PageHeader title={mail.subject} description={t('to', { to: mail.to })} />
      <div className="space-y-6">
        <Card title={t('delivery.title')}>
          <dl className="divide-y divide-slate-100">
            <Row label={t('delivery.to')}>{mail.to}</Row>
            <Row label={t('delivery.status')}>
              <OutboxStatusBadge status={mail.status} />
            </Row>
            <Row label={t('delivery.attempts')}>{mail.attempts}</Row>
            <Row label={t('delivery.created')}>{f.dateTime(mail.createdAt)}</Row>
            <Row label={t('delivery.sent')}>{f.dateTime(mail.sentAt)}</Row>
            {mail.status === 'queued' && <Row label={t('delivery.nextAttempt')}>{f.dateTime(mail.nextAttemptAt)}</Row>}
            {mail.lastError && <Row label={t('delivery.lastError')}>{mail.lastError}</Row>}
            {mail.accountId && mail.accountSlug && (
              <Row label={t('delivery.account')}>
                <Link href={`/staff/accounts/${mail.accountId}`}>{accountAddress(mail.accountSlug)}</Link>
              </Row>
            )}
          </dl>
          <RequeueButton id={mail.id} allowed={canRequeue(mail.status)} action={requeueAction} />
        </Card>
        <Card title={t('text')}>
          <pre className="overflow-x-auto whitespace-pre-wrap break-words font-mono text-sm text-slate-800">{mail.text}</pre>
        </Card>
        <Card title={t('html')}>
          {/* sandbox="" blocks scripts, forms, navigation and same-origin access inside the email. */}
          <iframe
            title={t('htmlFrameTitle')}
            sandbox=""
            srcDoc={emailHtml(mail)}
            className="h-[32rem] w-full rounded border border-slate-200 bg-white"
          />
        </Card>
      </div>
    </>
  );
}
