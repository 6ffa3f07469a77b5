import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { InviteUserForm } from '@/components/team/invite-user-form';
import { DataTable } from '@/components/ui/data-table';
import { InlineAction } from '@/components/ui/inline-action';
import { inputClass } from '@/components/ui/styles';
import { Badge, Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db/client';
import { requireUserManager } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { getFormatters } from '@/lib/i18n/server';
import { canGrantRole, canManageMember, type MemberRole } from '@/lib/team/rules';
import { listTeam, nextInvitation } from '@/lib/team/service';
import { changeRoleAction, inviteUserAction, removeUserAction, resendInvitationAction, revokeInvitationAction } from './actions';
import { ClientMessages } from '@/components/i18n/client-messages';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('team.page');
  return { title: t('title') };
}

type Row =
  | { kind: 'user'; id: string; name: string; email: string | null; role: MemberRole; lastActiveAt: Date | null }
  | { kind: 'invitation'; id: string; name: null; email: string | null; role: MemberRole; expired: boolean; expiresAt: Date };

export default async function UsersPage() {
  const ctx = await requireUserManager();
  const db = await getDb();
  const at = now();
  const [team, next] = await Promise.all([listTeam(db, ctx.account.id, at), nextInvitation(db, ctx.account.id, at)]);
  const t = await getTranslations('team.page');
  const tRoles = await getTranslations('team.roles');
  const f = await getFormatters();
  const me = ctx.user.role as MemberRole;
  const rows: Row[] = [
    ...team.people.map((p) => ({ kind: 'user' as const, id: p.id, name: p.fullName, email: p.email, role: p.role, lastActiveAt: p.lastActiveAt })),
    ...team.invitations.map((i) => ({ kind: 'invitation' as const, id: i.id, name: null, email: i.email, role: i.role as MemberRole, expired: i.expired, expiresAt: i.expiresAt })),
  ];
  const plan = next.plan;
  return (
    <ClientMessages name="accountUsers">
      <PageHeader
        title={t('title')}
        description={
          plan.kind === 'seats'
            ? t('seatsInUse', { taken: next.taken, seats: plan.seats })
            : t('dealSeats', { taken: next.taken, seats: plan.lifetimeSeats, price: f.money(plan.extraSeatPriceCents) })
        }
      />
      <DataTable
        caption={t('caption')}
        rows={rows}
        rowKey={(r) => `${r.kind}:${r.id}`}
        empty={t('empty')}
        columns={[
          { header: t('columns.name'), className: 'font-medium', cell: (r) => r.name ?? <span className="text-slate-600">{t('invitedPerson')}</span> },
          { header: t('columns.email'), className: 'wrap-anywhere', cell: (r) => r.email ?? '—' },
          { header: t('columns.role'), cell: (r) => tRoles(r.role) },
          {
            header: t('columns.status'),
            cell: (r) =>
              r.kind === 'user' ? (
                <Badge tone="green">{t('status.active')}</Badge>
              ) : r.expired ? (
                <Badge tone="amber">{t('status.expired')}</Badge>
              ) : (
                <Badge tone="blue">{t('status.invited', { date: f.date(r.expiresAt) })}</Badge>
              ),
          },
          { header: t('columns.lastActive'), className: 'whitespace-nowrap', cell: (r) => (r.kind === 'user' ? (r.lastActiveAt ? f.dateTime(r.lastActiveAt) : t('never')) : '—') },
          {
            header: t('columns.actions'),
            cell: (r) => {
              if (r.kind === 'invitation')
                return r.role === 'admin' && me !== 'owner' ? null : (
                  <div className="flex flex-wrap gap-2">
                    <InlineAction action={resendInvitationAction} fields={{ invitationId: r.id }} label={t('resend')} accessibleLabel={t('resendLabel', { email: r.email ?? '' })} />
                    <InlineAction action={revokeInvitationAction} fields={{ invitationId: r.id }} label={t('revoke')} accessibleLabel={t('revokeLabel', { email: r.email ?? '' })} tone="danger" />
                  </div>
                );
              if (r.id === ctx.user.id || !canManageMember(me, r.role)) return null;
              return (
                <div className="flex flex-wrap gap-2">
                  <InlineAction action={changeRoleAction} fields={{ userId: r.id }} label={t('saveRole')} accessibleLabel={t('saveRoleLabel', { name: r.name })}>
                    <label className="sr-only" htmlFor={`role-${r.id}`}>
                      {t('roleOf', { name: r.name })}
                    </label>
                    <select id={`role-${r.id}`} name="role" defaultValue={r.role} className={`${inputClass} w-auto py-1 text-xs`}>
                      <option value="agent">{tRoles('agent')}</option>
                      {canGrantRole(me, 'admin') && <option value="admin">{tRoles('admin')}</option>}
                    </select>
                  </InlineAction>
                  <InlineAction action={removeUserAction} fields={{ userId: r.id }} label={t('remove')} accessibleLabel={t('removeLabel', { name: r.name })} tone="danger" />
                </div>
              );
            },
          },
        ]}
      />
      <Card title={t('inviteTitle')} className="mt-6">
        {next.ok && next.extra && plan.kind === 'deal' && <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('extraCost', { price: f.money(plan.extraSeatPriceCents) })}</p>}
        {!next.ok && next.reason === 'no_seats' && (
          <p className="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
            {t.rich('noSeats', { seats: next.seats, link: (chunks) => (me === 'owner' ? <Link href="/account/plan">{chunks}</Link> : <>{chunks}</>) })}
          </p>
        )}
        {!next.ok && next.reason === 'billing_required' && (
          <div className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <p>{t('billingRequired', { price: f.money(plan.kind === 'deal' ? plan.extraSeatPriceCents : 0) })}</p>
            <ul className="mt-2 list-disc pl-5">
              {next.missing.length > 0 && (
                <li>
                  {t.rich('missingDetails', {
                    fields: next.missing.map((m) => t(`billingFields.${m}`)).join(', '),
                    link: (chunks) => <Link href="/account/billing">{chunks}</Link>,
                  })}
                </li>
              )}
              {next.needsPaymentMethod && <li>{t.rich('missingMethod', { link: (chunks) => <Link href="/account/billing">{chunks}</Link> })}</li>}
            </ul>
          </div>
        )}
        <InviteUserForm canGrantAdmin={canGrantRole(me, 'admin')} action={inviteUserAction} />
      </Card>
    </ClientMessages>
  );
}
