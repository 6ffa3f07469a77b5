// APS-1: a page of deal codes with their state, holder and a Revoke button for unused ones. The
// deal page lists its own codes; /staff/deals searches every deal's codes and adds a Deal column.
import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { RevokeCodeButton } from '@/components/deals/revoke-code-button';
import { DataTable } from '@/components/ui/data-table';
import { Badge } from '@/components/ui/page';
import type { CodeRow } from '@/lib/deals/queries';
import type { CodeState } from '@/lib/deals/rules';
import { getFormatters } from '@/lib/i18n/server';
import { accountAddress } from '@/lib/staff/address';
import { revokeCodeAction } from '@/app/staff/deals/actions';

const TONE: Record<CodeState, 'green' | 'slate' | 'red'> = { unused: 'green', redeemed: 'slate', revoked: 'red' };

export async function CodesTable({
  codes,
  caption,
  empty,
  showDeal = false,
  pagination,
}: {
  codes: { rows: CodeRow[]; hasNext: boolean };
  caption: string;
  empty: string;
  showDeal?: boolean;
  pagination: { path: string; params: Record<string, string | undefined>; page: number };
}) {
  const [t, f] = await Promise.all([getTranslations('deals.staff'), getFormatters()]);
  return (
    <DataTable
      caption={caption}
      rows={codes.rows}
      rowKey={(c) => c.id}
      empty={empty}
      pagination={{ ...pagination, hasNext: codes.hasNext }}
      columns={[
        { header: t('codes.code'), className: 'whitespace-nowrap font-mono text-sm', cell: (c) => c.code },
        ...(showDeal ? [{ header: t('codes.deal'), cell: (c: CodeRow) => <Link href={`/staff/deals/${c.deal.id}`}>{c.deal.name}</Link> }] : []),
        { header: t('codes.state'), cell: (c) => <Badge tone={TONE[c.state]}>{t(`codes.states.${c.state}`)}</Badge> },
        {
          header: t('codes.holder'),
          cell: (c) =>
            c.account ? (
              <>
                <Link href={`/staff/accounts/${c.account.id}`}>{accountAddress(c.account.slug)}</Link>
                <span className="block text-xs text-slate-600">{t('codes.redeemedOn', { date: f.dateTime(c.redeemedAt) })}</span>
              </>
            ) : c.revokedAt ? (
              <span className="text-slate-600">{t('codes.revokedOn', { date: f.dateTime(c.revokedAt) })}</span>
            ) : (
              '—'
            ),
        },
        { header: t('codes.imported'), className: 'whitespace-nowrap', cell: (c) => f.date(c.importedAt) },
        { header: t('codes.actions'), cell: (c) => (c.state === 'unused' ? <RevokeCodeButton dealId={c.deal.id} codeId={c.id} code={c.code} action={revokeCodeAction} /> : null) },
      ]}
    />
  );
}
