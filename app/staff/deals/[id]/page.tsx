import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DealForm } from '@/components/deals/deal-form';
import { ImportCodesForm } from '@/components/deals/import-codes-form';
import { CodesTable } from '@/components/deals/codes-table';
import { SuspendHolderForm } from '@/components/deals/suspend-holder-form';
import { DetailRow } from '@/components/staff/detail-list';
import { FilterForm, param } from '@/components/staff/filters';
import { DataTable } from '@/components/ui/data-table';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/guards';
import { bratislavaLocalValue } from '@/lib/clock';
import { extraUserAccounts, getDeal, listPlanChoices, refusedAttempts, searchCodes } from '@/lib/deals/queries';
import { type CodeState } from '@/lib/deals/rules';
import { getFormatters } from '@/lib/i18n/server';
import { accountAddress } from '@/lib/staff/address';
import { parsePage } from '@/lib/staff/queries';
import { importCodesAction, suspendHolderAction, updateDealAction } from '../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('deals.staff');
  return { title: t('detailTitle') };
}

const STATES: CodeState[] = ['unused', 'redeemed', 'revoked'];

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function StaffDeal({ params, searchParams }: { params: Params; searchParams: Search }) {
  await requireStaff();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = await getDb();
  const deal = await getDeal(db, id);
  if (!deal) notFound();
  const sp = await searchParams;
  const q = param(sp.q);
  const stateParam = param(sp.state);
  const state = STATES.includes(stateParam as CodeState) ? (stateParam as CodeState) : undefined;
  const page = parsePage(sp.page);
  const [codes, attempts, plans, extra] = await Promise.all([searchCodes(db, id, { query: q, state, page }), refusedAttempts(db, id), listPlanChoices(db), extraUserAccounts(db, id)]);
  const t = await getTranslations('deals.staff');
  const f = await getFormatters();
  return (
    <>
      <PageHeader title={deal.name} description={t('detailDescription', { partner: deal.partner })} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('figures')}>
          <dl className="divide-y divide-slate-100">
            <DetailRow label={t('columns.closes')}>{t('closesAt', { date: f.date(deal.closesAt), time: f.time(deal.closesAt) })}</DetailRow>
            <DetailRow label={t('form.pricePaid')}>{f.money(deal.pricePaidCents)}</DetailRow>
            <DetailRow label={t('form.plan')}>{t('planSeats', { plan: deal.planName, seats: deal.lifetimeSeats })}</DetailRow>
            <DetailRow label={t('columns.imported')}>{deal.imported}</DetailRow>
            <DetailRow label={t('columns.redeemed')}>{deal.redeemed}</DetailRow>
            <DetailRow label={t('columns.revoked')}>{deal.revoked}</DetailRow>
            <DetailRow label={t('columns.remaining')}>{deal.remaining}</DetailRow>
            <DetailRow label={t('extra.accounts')}>{extra.accounts.length}</DetailRow>
            <DetailRow label={t('extra.revenue')}>{f.money(extra.invoicedCents)}</DetailRow>
          </dl>
        </Card>
        <Card title={t('import.title')}>
          <ImportCodesForm deals={[{ id: deal.id, name: deal.name }]} action={importCodesAction} />
        </Card>
      </div>

      <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">{t('codes.title')}</h2>
      <FilterForm
        action={`/staff/deals/${deal.id}`}
        texts={[{ name: 'q', label: t('codes.search'), value: q, placeholder: t('codes.searchPlaceholder') }]}
        select={{ name: 'state', label: t('codes.state'), value: state, options: STATES.map((s) => ({ value: s, label: t(`codes.states.${s}`) })) }}
      />
      <CodesTable
        codes={codes}
        caption={t('codes.caption')}
        empty={q || state ? t('codes.noMatch') : t('codes.none')}
        pagination={{ path: `/staff/deals/${deal.id}`, params: { q, state }, page }}
      />

      <h2 className="mt-8 mb-1 text-lg font-semibold text-slate-900">{t('attempts.title')}</h2>
      <p className="mb-3 text-sm text-slate-600">{t('attempts.description')}</p>
      <DataTable
        caption={t('attempts.caption')}
        rows={attempts}
        rowKey={(a) => a.id}
        empty={t('attempts.none')}
        columns={[
          { header: t('attempts.time'), className: 'whitespace-nowrap', cell: (a) => f.dateTime(a.at) },
          { header: t('codes.code'), className: 'font-mono text-sm', cell: (a) => a.code },
          { header: t('attempts.email'), className: 'wrap-anywhere', cell: (a) => a.email ?? '—' },
          { header: t('attempts.address'), className: 'whitespace-nowrap font-mono text-xs', cell: (a) => a.ip ?? '—' },
          {
            header: t('attempts.holder'),
            cell: (a) => (a.holdingAccountId && a.holdingSlug ? <Link href={`/staff/accounts/${a.holdingAccountId}`}>{accountAddress(a.holdingSlug)}</Link> : '—'),
          },
          {
            header: t('suspend.column'),
            className: 'min-w-56',
            cell: (a) =>
              !a.holdingAccountId ? null : a.holdingStatus === 'suspended' ? (
                <span className="text-slate-600">{t('suspend.already')}</span>
              ) : (
                <SuspendHolderForm dealId={deal.id} accountId={a.holdingAccountId} action={suspendHolderAction} />
              ),
          },
        ]}
      />

      <h2 className="mt-8 mb-3 text-lg font-semibold text-slate-900">{t('extra.title')}</h2>
      <DataTable
        caption={t('extra.title')}
        rows={extra.accounts}
        rowKey={(a) => a.id}
        empty={t('extra.none')}
        columns={[
          { header: t('attempts.holder'), cell: (a) => <Link href={`/staff/accounts/${a.id}`}>{accountAddress(a.slug)}</Link> },
          { header: t('extra.company'), cell: (a) => a.companyName },
          { header: t('extra.users'), align: 'right', cell: (a) => a.users },
          { header: t('extra.invoiced'), align: 'right', cell: (a) => f.money(a.invoicedCents) },
        ]}
      />

      <Card title={t('edit.title')} className="mt-8">
        <DealForm
          action={updateDealAction}
          plans={plans}
          values={{
            dealId: deal.id,
            name: deal.name,
            partner: deal.partner,
            pricePaid: (deal.pricePaidCents / 100).toFixed(2),
            planCode: deal.planCode,
            lifetimeSeats: String(deal.lifetimeSeats),
            closesAt: bratislavaLocalValue(deal.closesAt),
          }}
        />
      </Card>
    </>
  );
}
