import { SignOutEverywhereForm } from '@/components/account/sign-out-everywhere-form';
import { describeDevice } from '@/components/account/device';
import { DataTable } from '@/components/ui/data-table';
import { Badge, Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireMemberEvenIfSuspended } from '@/lib/auth/guards';
import { listActiveSessions } from '@/lib/auth/sessions';
import { formatDateTime } from '@/lib/format';
import { signOutEverywhereAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Security' };

export default async function SecurityPage() {
  // Signing out everywhere must work on a suspended account too (PAY-2 leaves it open).
  const ctx = await requireMemberEvenIfSuspended();
  const rows = await listActiveSessions(await getDb(), ctx.user.id);
  return (
    <>
      <PageHeader title="Security" description="Where you are signed in, and how your login is protected." />
      <div className="space-y-6">
        <section aria-labelledby="sessions-heading" className="space-y-3">
          <h2 id="sessions-heading" className="text-lg font-semibold text-slate-900">
            Active sessions
          </h2>
          <DataTable
            caption="Your active sessions"
            rows={rows}
            rowKey={(s) => s.id}
            empty="No active sessions."
            columns={[
              {
                header: 'Device',
                cell: (s) => (
                  <>
                    <span className="font-medium text-slate-900">{describeDevice(s.userAgent)}</span>
                    {s.id === ctx.sessionId && (
                      <span className="ml-2">
                        <Badge tone="blue">This device</Badge>
                      </span>
                    )}
                  </>
                ),
              },
              { header: 'IP address', className: 'whitespace-nowrap', cell: (s) => s.ip ?? '—' },
              { header: 'Signed in', className: 'whitespace-nowrap', cell: (s) => formatDateTime(s.createdAt) },
              { header: 'Last active', className: 'whitespace-nowrap', cell: (s) => formatDateTime(s.lastSeenAt) },
            ]}
          />
        </section>
        <Card title="Sign out everywhere">
          <p className="mb-4 text-sm text-slate-600">
            Ends every session listed above, including this one. Use it if you signed in on a shared computer or think someone
            else knows your password. You will need to sign in again.
          </p>
          <SignOutEverywhereForm action={signOutEverywhereAction} />
        </Card>
        <Card title="Your password">
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
            <li>Passwords must be at least 12 characters long. A few unrelated words make a strong, memorable password.</li>
            <li>We store only a one-way hash of your password; nobody at Accountdesk can read it.</li>
            <li>Every person needs their own login: the terms of service do not allow sharing one.</li>
          </ul>
        </Card>
      </div>
    </>
  );
}
