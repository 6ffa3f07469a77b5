import { AuditTable } from '@/components/audit-table';
import { PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { listAccountAudit } from '@/lib/accounts/portal-queries';
import { requireOwner } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Audit log' };

export default async function AuditPage() {
  const ctx = await requireOwner();
  const limit = 200;
  const rows = await listAccountAudit(await getDb(), ctx.account.id, limit);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Everything that changed money or data in your account — by you, your users, our staff or the system — with when and from where. Entries cannot be edited or removed."
      />
      <AuditTable view="owner" rows={rows} caption="Audit log of your account, newest first" empty="Nothing has been recorded yet." />
      <p className="mt-3 text-xs text-slate-500">
        Times are shown in Central European time (Bratislava).
        {rows.length === limit && ` Showing the latest ${limit} entries; ask support for older ones.`}
      </p>
    </>
  );
}
