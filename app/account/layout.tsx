import { BillingBanner } from '@/components/billing/billing-status';
import { AppShell } from '@/components/layout/app-shell';
import { accountNav } from '@/components/layout/nav';
import { getDb } from '@/db/client';
import { requireMember } from '@/lib/auth/guards';
import { getBillingOverview } from '@/lib/billing/overview';
import { now } from '@/lib/clock';

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  // Every page calls its own guard too (layouts are not re-run on every navigation); the pages
  // decide whether a suspended account may see them (PAY-2).
  const ctx = await requireMember({ allowSuspended: true });
  const overview = await getBillingOverview(await getDb(), ctx.account.id, now());
  const isOwner = ctx.user.role === 'owner';
  return (
    <AppShell
      home={ctx.account.status === 'suspended' ? '/account/billing' : '/account'}
      nav={accountNav({ isOwner, suspended: ctx.account.status === 'suspended' })}
      who={`${ctx.user.fullName} · ${ctx.account.slug}`}
      banners={overview && <BillingBanner overview={overview} isOwner={isOwner} />}
    >
      {children}
    </AppShell>
  );
}
