import { BillingBanner, StaffSuspensionBanner } from '@/components/billing/billing-status';
import { MaintenanceBanner } from '@/components/maintenance/window-list';
import { StaffAccessBanner } from '@/components/standing/staff-access-banner';
import { ClientMessages } from '@/components/i18n/client-messages';
import { AppShell } from '@/components/layout/app-shell';
import { accountNav } from '@/components/layout/nav';
import { requireMember } from '@/lib/auth/guards';
import { billingOverviewForRequest } from '@/lib/billing/overview';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { maintenanceForBanner } from '@/lib/maintenance/service';
import { TermsBanner } from '@/components/terms/terms-banner';
import { termsToAccept } from '@/lib/terms/queries';
import { acceptTermsAction } from './terms-actions';

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  // Every page calls its own guard too (layouts are not re-run on every navigation); the pages
  // decide whether a suspended account may see them (PAY-2).
  const ctx = await requireMember({ allowSuspended: true });
  const [overview, maintenance, pendingTerms] = await Promise.all([
    billingOverviewForRequest(ctx.account.id),
    getDb().then((db) => maintenanceForBanner(db, now())),
    // ACC-6: a terms version this member has not accepted yet (not asked of staff looking in, ACC-10).
    ctx.staffAccess ? Promise.resolve(null) : getDb().then((db) => termsToAccept(db, ctx.user, now())),
  ]);
  // ACC-10: staff looking through "Access account" read as the owner (read-only, see requireMember).
  const role = ctx.user.role as 'owner' | 'admin' | 'agent';
  const isOwner = role === 'owner';
  const suspended = ctx.account.status === 'suspended';
  return (
    <ClientMessages name="portal">
    <AppShell
      home={ctx.account.staffSuspendedAt ? '/account/suspended' : suspended ? '/account/billing' : '/account'}
      nav={accountNav({ role, suspended })}
      who={`${ctx.user.fullName} · ${ctx.account.slug}`}
      banners={
        <>
          {ctx.staffAccess && <StaffAccessBanner slug={ctx.account.slug} reason={ctx.staffAccess.reason} expiresAt={ctx.staffAccess.expiresAt} />}
          <MaintenanceBanner windows={maintenance} />
          <TermsBanner pending={pendingTerms} action={acceptTermsAction} />
          {ctx.account.staffSuspendedAt ? (
            <StaffSuspensionBanner reason={ctx.account.staffSuspensionReason} />
          ) : (
            overview && <BillingBanner overview={overview} isOwner={isOwner} />
          )}
        </>
      }
    >
      {children}
    </AppShell>
    </ClientMessages>
  );
}
