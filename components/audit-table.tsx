// The audit log, one table for both readers (OPS-2, read-only, newest first):
// - `owner`: the account owner's own log in plain words (Time, Who, What, From IP), with the
//   reason staff gave when they opened the account;
// - `staff`: the back office's view with the raw action, its details, the target, the account
//   (left out on an account's own page) and the address.
import { Link } from '@/components/ui/link';
import { useLocale } from 'next-intl';
import { DataTable, type Columns } from '@/components/ui/data-table';
import type { PaginationProps } from '@/components/ui/pagination';
import { auditActionLabel, auditActorLabel, isKnownAuditAction, type AccountAuditRow } from '@/lib/accounts/portal-queries';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { translatorFor } from '@/lib/i18n/translator';
import { accountAddress } from '@/lib/staff/address';
import { summariseDetails } from '@/lib/staff/display';
import { actorLabelIn, type AuditRow } from '@/lib/staff/queries';

interface AuditLine {
  id: number;
  at: Date;
  who: string;
  what: string;
  /** A second, smaller line under `what`. */
  detail: string | null;
  target: string | null;
  account: { id: string; slug: string } | null;
  ip: string | null;
}

type AuditTableProps = (
  | { view: 'owner'; rows: AccountAuditRow[] }
  | { view: 'staff'; rows: AuditRow[]; /** The Account column; off on an account's own page. */ showAccount?: boolean }
) & {
  caption: string;
  empty: string;
  pagination?: PaginationProps;
  /** The reader's language; by default the request's (English where there is no request, as in unit tests). */
  locale?: Locale;
};

/** The page's language in a server component; English when rendered outside next-intl (unit tests). */
function usePageLocale(): Locale {
  try {
    const locale = useLocale();
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  } catch (error) {
    // Only the missing provider (a unit test's plain render) falls back; React's suspense signal
    // from `use` and real errors go on.
    if (error instanceof Error && error.message.startsWith('No intl context found')) return DEFAULT_LOCALE;
    throw error;
  }
}

function lines(p: AuditTableProps, locale: Locale): AuditLine[] {
  const t = translatorFor(locale);
  if (p.view === 'owner')
    return p.rows.map((r) => ({
      id: r.id,
      at: r.at,
      who: r.actorType ? auditActorLabel(r.actorType, r.actor ?? null, locale) : r.who,
      // Codes the catalogue does not know keep the label the query spelled out for them.
      what: isKnownAuditAction(r.action) ? auditActionLabel(r.action, locale) : r.actionLabel,
      detail: [r.note && t('audit.table.reason', { reason: r.note }), r.page && t('audit.table.page', { path: r.page })].filter(Boolean).join(' · ') || null,
      target: null,
      account: null,
      ip: r.ip,
    }));
  return p.rows.map((r) => ({
    id: r.id,
    at: r.at,
    who: actorLabelIn(r, locale),
    what: r.action,
    detail: summariseDetails(r.details) || null,
    target: r.target,
    account: r.accountId && r.accountSlug ? { id: r.accountId, slug: r.accountSlug } : null,
    ip: r.ip,
  }));
}

export function AuditTable(props: AuditTableProps) {
  const pageLocale = usePageLocale();
  const locale = props.locale ?? pageLocale;
  const t = translatorFor(locale);
  const staff = props.view === 'staff';
  const columns: Columns<AuditLine> = [
    { header: t('audit.table.time'), cell: (r) => formatDateTime(r.at, locale), className: staff ? 'whitespace-nowrap text-slate-600' : 'whitespace-nowrap' },
    { header: staff ? t('audit.table.actor') : t('audit.table.who'), cell: (r) => r.who, className: staff ? 'whitespace-nowrap' : '' },
    {
      header: staff ? t('audit.table.action') : t('audit.table.what'),
      className: staff ? 'min-w-48' : '',
      cell: (r) => (
        <>
          {staff ? <span className="block whitespace-nowrap font-mono text-xs">{r.what}</span> : r.what}
          {r.detail && <span className="block text-xs text-slate-500">{r.detail}</span>}
        </>
      ),
    },
    staff && {
      header: t('audit.table.target'),
      className: 'max-w-48 truncate font-mono text-xs text-slate-600',
      cell: (r) => <span title={r.target ?? undefined}>{r.target ?? '—'}</span>,
    },
    staff &&
      props.showAccount !== false && {
        header: t('audit.table.account'),
        className: 'whitespace-nowrap',
        cell: (r) => (r.account ? <Link href={`/staff/accounts/${r.account.id}`}>{accountAddress(r.account.slug)}</Link> : '—'),
      },
    { header: staff ? t('audit.table.ip') : t('audit.table.fromIp'), cell: (r) => r.ip ?? '—', className: staff ? 'whitespace-nowrap font-mono text-xs text-slate-600' : 'whitespace-nowrap' },
  ];
  return <DataTable caption={props.caption} columns={columns} rows={lines(props, locale)} rowKey={(r) => String(r.id)} empty={props.empty} pagination={props.pagination} />;
}
