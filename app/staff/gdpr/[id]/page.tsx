import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DueDate, RequestStatusBadge } from '@/components/privacy/staff-bits';
import { AdvanceForm, AssignForm, CompleteForm, DecisionForm, NoteForm } from '@/components/privacy/staff-forms';
import { DetailRow } from '@/components/staff/detail-list';
import { PageHeader, Panel } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { isOverdue, MAX_EXTENSION_MONTHS } from '@/lib/privacy/due-date';
import { getRequestDetail, listStaffMembers, type RequestDetail } from '@/lib/privacy/queries';
import { EXPORT_TYPES, isOpen, REPLY_REQUIRED, staffTransitions, type RequestStatus } from '@/lib/privacy/request-rules';
import { advanceAction, assignAction, completeAction, decisionAction, noteAction } from './actions';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('gdpr.staff');
  return { title: t('title') };
}

/** GDPR-5: one privacy request: what the requester gave, its handling, and the staff actions. */
export default async function StaffGdprRequest({ params }: { params: Params }) {
  await requireStaff();
  const { id } = await params;
  const db = await getDb();
  const [request, staff] = await Promise.all([getRequestDetail(db, id), listStaffMembers(db)]);
  if (!request) notFound();
  const t = await getTranslations('gdpr.staff.detail');
  const tType = await getTranslations('gdpr.types');
  const tStatus = await getTranslations('gdpr.statuses');
  const f = await getFormatters();
  const at = now();
  const status = request.status as RequestStatus;
  const open = isOpen(status);
  const next = staffTransitions(status);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/staff/gdpr">{t('back')}</Link>
      </p>
      <PageHeader title={t('title', { reference: request.reference })} description={tType(request.type)} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel id="request-heading" title={t('requestTitle')}>
            <p className="mb-2 text-xs font-medium uppercase tracking-wide text-amber-800">{t('givenBy')}</p>
            <dl className="divide-y divide-slate-100">
              <DetailRow label={t('type')}>{tType(request.type)}</DetailRow>
              <DetailRow label={t('fullName')}>{request.fullName}</DetailRow>
              <DetailRow label={t('email')}>{request.email}</DetailRow>
              <DetailRow label={t('details')}>
                {request.details ? <span className="whitespace-pre-wrap">{request.details}</span> : <span className="text-slate-500">{t('noDetails')}</span>}
              </DetailRow>
            </dl>
            {request.withdrawal && <Withdrawal w={request.withdrawal} t={t} dateTime={f.dateTime} />}
          </Panel>

          <Panel id="handling-heading" title={t('queueTitle')}>
            <dl className="divide-y divide-slate-100">
              <DetailRow label={t('reference')}>{request.reference}</DetailRow>
              <DetailRow label={t('statusLabel')}>
                <RequestStatusBadge status={status} />
              </DetailRow>
              <DetailRow label={t('received')}>{request.receivedAt ? f.dateTime(request.receivedAt) : null}</DetailRow>
              <DetailRow label={t('due')}>
                <DueDate dueAt={request.dueAt} overdue={isOverdue(request, at)} format={f.date} />
              </DetailRow>
              <DetailRow label={t('extension')}>
                {request.extensionMonths ? t('extensionValue', { months: request.extensionMonths, reason: request.extensionReason ?? '' }) : t('noExtension')}
              </DetailRow>
              <DetailRow label={t('assignee')}>{request.assigneeName ?? '—'}</DetailRow>
              {request.refusalReason && <DetailRow label={t('refusalReason')}>{request.refusalReason}</DetailRow>}
              {request.reply && (
                <DetailRow label={t('reply')}>
                  <span className="whitespace-pre-wrap">{request.reply}</span>
                </DetailRow>
              )}
              {request.completedAt && <DetailRow label={t('completedAt')}>{f.dateTime(request.completedAt)}</DetailRow>}
            </dl>
          </Panel>

          <Panel id="history-heading" title={t('history.title')}>
            <History events={request.events} t={t} tStatus={tStatus} dateTime={f.dateTime} />
          </Panel>
        </div>

        <div className="space-y-6">
          {EXPORT_TYPES.includes(request.type) && (
            <Panel id="export-heading" title={t('export.title')}>
              <p className="mb-3 text-sm text-slate-600">{t('export.hint')}</p>
              {/* GDPR-6: the export route (GET /staff/gdpr/[id]/export) answers with the JSON file as a download. */}
              <form method="get" action={`/staff/gdpr/${request.id}/export`}>
                <button
                  type="submit"
                  className="inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-700 shadow-sm hover:bg-slate-50"
                >
                  {t('export.button')}
                </button>
              </form>
            </Panel>
          )}

          {open && (
            <Panel id="assign-heading" title={t('assign.title')}>
              <AssignForm action={assignAction} requestId={request.id} current={request.assigneeId} staff={staff} />
            </Panel>
          )}

          <Panel id="status-heading" title={t('status.title')}>
            {!open && <p className="text-sm text-slate-600">{t('status.closedText')}</p>}
            {next.includes('verified') && <AdvanceForm action={advanceAction} requestId={request.id} to="verified" label={t('status.verify')} />}
            {next.includes('in_progress') && <AdvanceForm action={advanceAction} requestId={request.id} to="in_progress" label={t('status.start')} />}
          </Panel>

          <CompleteForm
            action={completeAction}
            requestId={request.id}
            replyRequired={REPLY_REQUIRED.includes(request.type)}
            note={t(`complete.${request.type}`)}
            available={open}
          />
          <DecisionForm action={decisionAction} requestId={request.id} monthsLeft={MAX_EXTENSION_MONTHS - request.extensionMonths} available={open} />

          <Panel id="notes-heading" title={t('notes.title')}>
            <NoteForm action={noteAction} requestId={request.id} />
          </Panel>
        </div>
      </div>
    </>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<'gdpr.staff.detail'>>>;

function Withdrawal({ w, t, dateTime }: { w: NonNullable<RequestDetail['withdrawal']>; t: T; dateTime: (d: Date) => string }) {
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold text-slate-900">{t('withdrawalTitle')}</h3>
      <dl className="divide-y divide-slate-100">
        <DetailRow label={t('company')}>{w.company}</DetailRow>
        <DetailRow label={t('consentSubject')}>{w.subject}</DetailRow>
        <DetailRow label={t('controller')}>{w.controller}</DetailRow>
        <DetailRow label={t('writtenRequest')}>
          <span className="whitespace-pre-wrap">{w.request}</span>
        </DetailRow>
        <DetailRow label={t('signature')}>{w.signature}</DetailRow>
        <DetailRow label={t('signedAt')}>{dateTime(new Date(w.signedAt))}</DetailRow>
      </dl>
    </>
  );
}

function History({
  events,
  t,
  tStatus,
  dateTime,
}: {
  events: RequestDetail['events'];
  t: T;
  tStatus: Awaited<ReturnType<typeof getTranslations<'gdpr.statuses'>>>;
  dateTime: (d: Date) => string;
}) {
  if (!events.length) return <p className="text-sm text-slate-500">{t('history.empty')}</p>;
  const statusName = (s: string | null) => (s ? tStatus(s as RequestStatus) : '');
  return (
    <ol className="space-y-3">
      {events.map((e) => (
        <li key={e.id} className="text-sm">
          <p className="text-slate-900">
            <span className="font-medium">
              {e.kind === 'status'
                ? t('history.status', { from: statusName(e.fromStatus), to: statusName(e.toStatus) })
                : e.kind === 'assigned'
                  ? e.note
                    ? t('history.assigned', { name: e.note })
                    : t('history.unassigned')
                  : t(`history.${e.kind}`)}
            </span>{' '}
            <span className="text-slate-500">
              {dateTime(e.at)} · {e.actorName ? t('history.by', { name: e.actorName }) : t('history.system')}
            </span>
          </p>
          {e.note && e.kind !== 'assigned' && <p className="mt-1 whitespace-pre-wrap text-slate-700">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
