// The audit log, one table for both readers (OPS-2, read-only, newest first):
// - `owner`: the account owner's own log in plain words (Time, Who, What, From IP), with the
//   reason staff gave when they opened the account;
// - `staff`: the back office's view with the raw action, its details, the target, the account
//   (left out on an account's own page) and the address.
import Link from 'next/link';
import { DataTable, type Columns } from '@/components/ui/data-table';
import type { PaginationProps } from '@/components/ui/pagination';
import type { AccountAuditRow } from '@/lib/accounts/portal-queries';
import { formatDateTime } from '@/lib/format';
import { accountAddress } from '@/lib/staff/address';
import { summariseDetails } from '@/lib/staff/display';
import { actorLabel, type AuditRow } from '@/lib/staff/queries';

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
) & { caption: string; empty: string; pagination?: PaginationProps };

function lines(p: AuditTableProps): AuditLine[] {
  if (p.view === 'owner')
    return p.rows.map((r) => ({ id: r.id, at: r.at, who: r.who, what: r.actionLabel, detail: r.note && `Reason: ${r.note}`, target: null, account: null, ip: r.ip }));
  return p.rows.map((r) => ({
    id: r.id,
    at: r.at,
    who: actorLabel(r),
    what: r.action,
    detail: summariseDetails(r.details) || null,
    target: r.target,
    account: r.accountId && r.accountSlug ? { id: r.accountId, slug: r.accountSlug } : null,
    ip: r.ip,
  }));
}

export function AuditTable(props: AuditTableProps) {
  const staff = props.view === 'staff';
  const columns: Columns<AuditLine> = [
    { header: 'Time', cell: (r) => formatDateTime(r.at), className: staff ? 'whitespace-nowrap text-slate-600' : 'whitespace-nowrap' },
    { header: staff ? 'Actor' : 'Who', cell: (r) => r.who, className: staff ? 'whitespace-nowrap' : '' },
    {
      header: staff ? 'Action' : 'What',
      className: staff ? 'min-w-48' : '',
      cell: (r) => (
        <>
          {staff ? <span className="block whitespace-nowrap font-mono text-xs">{r.what}</span> : r.what}
          {r.detail && <span className="block text-xs text-slate-500">{r.detail}</span>}
        </>
      ),
    },
    staff && {
      header: 'Target',
      className: 'max-w-48 truncate font-mono text-xs text-slate-600',
      cell: (r) => <span title={r.target ?? undefined}>{r.target ?? '—'}</span>,
    },
    staff &&
      props.showAccount !== false && {
        header: 'Account',
        className: 'whitespace-nowrap',
        cell: (r) => (r.account ? <Link href={`/staff/accounts/${r.account.id}`}>{accountAddress(r.account.slug)}</Link> : '—'),
      },
    { header: staff ? 'IP' : 'From IP', cell: (r) => r.ip ?? '—', className: staff ? 'whitespace-nowrap font-mono text-xs text-slate-600' : 'whitespace-nowrap' },
  ];
  return <DataTable caption={props.caption} columns={columns} rows={lines(props)} rowKey={(r) => String(r.id)} empty={props.empty} pagination={props.pagination} />;
}
