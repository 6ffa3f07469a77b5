import { getTranslations } from 'next-intl/server';
import { AuditTable } from '@/components/audit-table';
import { PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { listAccountAudit } from '@/lib/accounts/portal-queries';
import { requireOwner } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('account.audit');
  return { title: t('title') };
}

export default async function AuditPage() {
  const ctx = await requireOwner();
  const limit = 200;
  const rows = await listAccountAudit(await getDb(), ctx.account.id, limit);
  const t = await getTranslations('account.audit');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <AuditTable view="owner" rows={rows} caption={t('caption')} empty={t('empty')} />
      <p className="mt-3 text-xs text-slate-500">
        {t('timeZone')}
        {rows.length === limit && ` ${t('showingLatest', { limit })}`}
      </p>
    </>
  );
}
