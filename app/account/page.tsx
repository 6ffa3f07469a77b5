import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PortalLinks } from '@/components/account/portal-links';
import { Badge, Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { accountAddress } from '@/lib/accounts/address';
import { getAccountOverview } from '@/lib/accounts/portal-queries';
import { requireMember } from '@/lib/auth/guards';
import { trialDaysLeft } from '@/lib/billing/periods';
import { now } from '@/lib/clock';
import { formatDate } from '@/lib/format';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'My account' };

const ROLE: Record<string, string> = { owner: 'Owner', admin: 'Admin', agent: 'Agent' };
const STATUS: Record<string, { label: string; tone: 'green' | 'amber' | 'red' | 'slate' }> = {
  active: { label: 'Active', tone: 'green' },
  pending_verification: { label: 'Waiting for email confirmation', tone: 'amber' },
  suspended: { label: 'Suspended', tone: 'red' },
  stopped: { label: 'Stopped', tone: 'slate' },
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMember();
  const { denied } = await searchParams;
  const overview = await getAccountOverview(await getDb(), ctx.account.id);
  if (!overview) notFound();
  const { account, plan, subscription, owner } = overview;
  const status = STATUS[account.status] ?? { label: account.status, tone: 'slate' as const };
  const isOwner = ctx.user.role === 'owner';

  return (
    <>
      <PageHeader title="My account" description={`Signed in as ${ctx.user.fullName}`} />
      {denied === 'owner' && (
        <div role="status" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          That page is for the account owner only. Ask {owner?.fullName ?? 'your account owner'} if you need something there.
        </div>
      )}
      {denied === 'staff' && (
        <div role="status" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          That page is for Accountdesk staff only.
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Account">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">Address</dt>
              <dd className="break-all font-medium text-slate-900">{accountAddress(account.slug)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Company</dt>
              <dd className="font-medium text-slate-900">{account.companyName}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Status</dt>
              <dd>
                <Badge tone={status.tone}>{status.label}</Badge>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Your role</dt>
              <dd className="font-medium text-slate-900">{ROLE[ctx.user.role] ?? ctx.user.role}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Created</dt>
              <dd className="text-slate-900">{formatDate(account.createdAt)}</dd>
            </div>
          </dl>
        </Card>
        <Card title="Plan and trial">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">Plan</dt>
              <dd className="font-medium text-slate-900">{plan ? plan.name : 'No plan chosen yet'}</dd>
            </div>
            {subscription?.status === 'trialing' && subscription.trialEndsAt && (
              <div>
                <dt className="text-slate-500">Free trial</dt>
                <dd className="font-medium text-slate-900">
                  {trialDaysLeft(subscription.trialEndsAt, now())} days left · ends {formatDate(subscription.trialEndsAt)}
                </dd>
              </div>
            )}
            {subscription?.status === 'active' && subscription.currentPeriodEnd && (
              <div>
                <dt className="text-slate-500">Renews</dt>
                <dd className="font-medium text-slate-900">{formatDate(subscription.currentPeriodEnd)}</dd>
              </div>
            )}
          </dl>
          {isOwner && (
            <p className="mt-3 text-sm">
              <Link href="/account/billing" className="font-medium">
                Payment method and billing details
              </Link>
            </p>
          )}
        </Card>
        <Card title="Account owner">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">Name</dt>
              <dd className="font-medium text-slate-900">{owner?.fullName ?? '—'}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Email</dt>
              <dd className="break-all font-medium text-slate-900">{owner?.email ?? '—'}</dd>
            </div>
          </dl>
          <p className="mt-3 text-sm text-slate-600">The owner is responsible for the account, its users and its payments.</p>
        </Card>
      </div>
      <h2 className="mb-3 mt-8 text-lg font-semibold text-slate-900">Manage your account</h2>
      <PortalLinks isOwner={isOwner} />
    </>
  );
}
