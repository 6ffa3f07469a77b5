// PLAN-7: a plan's or an account's fair-use limits, and (when known) the current use against each.
// Works in server and client components alike (no hooks beyond next-intl's translator).
import { useTranslations } from 'next-intl';
import { DataTable } from '@/components/ui/data-table';
import { Badge } from '@/components/ui/page';
import { LIMIT_NAMES, limitsExceeded, type LimitName, type Limits, type Usage } from '@/lib/usage/rules';

const LABEL: Record<LimitName, 'users' | 'ticketsPerMonth' | 'storage'> = { maxUsers: 'users', maxTicketsPerMonth: 'ticketsPerMonth', maxStorageGb: 'storage' };
const VALUE: Record<LimitName, 'usersValue' | 'ticketsValue' | 'storageValue'> = { maxUsers: 'usersValue', maxTicketsPerMonth: 'ticketsValue', maxStorageGb: 'storageValue' };

/** Storage in GB with one decimal, from the reported megabytes. */
const gb = (mb: number) => Math.round(mb / 102.4) / 10;

export interface FairUseLimitsProps {
  /** The effective limits (lib/usage/limits accountLimits().effective, or a plan's columns). null = unlimited. */
  limits: Limits;
  /** The account's current use; omit on /pricing. Unknown figures are null. */
  usage?: Usage | null;
  /** The limits staff set for this account (accountLimits().override), marked as set by Accountdesk. */
  override?: Limits | null;
  /** The accessible name of the list or table, e.g. the plan's name on /pricing. */
  label?: string;
}

export function FairUseLimits({ limits, usage, override, label }: FairUseLimitsProps) {
  const t = useTranslations('usage.limits');
  const value = (name: LimitName) => {
    const limit = limits[name];
    return limit === null ? t('unlimited') : t(VALUE[name], { count: limit });
  };
  if (!usage) {
    return (
      <div role="group" aria-label={label ?? t('title')}>
        <dl className="space-y-1 text-sm">
          {LIMIT_NAMES.map((name) => (
            <div key={name} className="flex justify-between gap-3">
              <dt className="text-slate-600">{t(LABEL[name])}</dt>
              <dd className="font-medium text-slate-900">{value(name)}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }
  const exceeded = new Set(limitsExceeded(limits, usage));
  const used = (name: LimitName) => {
    if (name === 'maxUsers') return usage.users === null ? t('notReported') : String(usage.users);
    if (name === 'maxTicketsPerMonth') return usage.ticketsThisMonth === null ? t('notReported') : String(usage.ticketsThisMonth);
    return usage.storageMb === null ? t('notReported') : t('storageUsed', { count: gb(usage.storageMb) });
  };
  return (
    <DataTable
      caption={label ?? t('caption')}
      rows={LIMIT_NAMES}
      rowKey={(name) => name}
      empty={t('caption')}
      columns={[
        { header: t('limit'), cell: (name) => t(LABEL[name]) },
        {
          header: t('yourLimit'),
          cell: (name) => (
            <>
              <span className="font-medium text-slate-900">{value(name)}</span>
              {override?.[name] != null && <span className="block text-xs font-normal text-slate-500">{t('accountOverride')}</span>}
            </>
          ),
        },
        {
          header: t('inUse'),
          cell: (name) => (
            <>
              {used(name)}
              {exceeded.has(name) && (
                <span className="ml-2">
                  <Badge tone="red">{t('overLimit')}</Badge>
                </span>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
