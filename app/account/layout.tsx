import { AppShell } from '@/components/layout/app-shell';
import { ACCOUNT_NAV } from '@/components/layout/nav';
import { requireMember } from '@/lib/auth/guards';

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  // Every page calls its own guard too: layouts are not re-run on every navigation.
  const ctx = await requireMember();
  return (
    <AppShell home="/account" nav={ACCOUNT_NAV} who={`${ctx.user.fullName} · ${ctx.account.slug}`}>
      {children}
    </AppShell>
  );
}
