import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { AppShell } from '@/components/layout/app-shell';
import { STAFF_NAV } from '@/components/layout/nav';
import { requireStaff } from '@/lib/auth/guards';

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireStaff();
  const t = await getTranslations('common');
  return (
    <ClientMessages name="staff">
      <AppShell home="/staff" nav={STAFF_NAV} who={ctx.user.fullName} context={t('staffContext')}>
        {children}
      </AppShell>
    </ClientMessages>
  );
}
