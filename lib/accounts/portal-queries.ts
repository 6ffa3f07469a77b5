// Read queries for the owner portal. Every query takes the account id from the caller's session
// (the guard), never from a URL or a form field.
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, auditLog, plans, subscriptions, users } from '@/db/schema';

export async function getAccountOverview(db: Executor, accountId: string) {
  const [row] = await db
    .select({ account: accounts, plan: plans, subscription: subscriptions })
    .from(accounts)
    .leftJoin(subscriptions, eq(subscriptions.accountId, accounts.id))
    .leftJoin(plans, eq(plans.id, subscriptions.planId))
    .where(eq(accounts.id, accountId))
    .limit(1);
  if (!row) return null;
  const [owner] = await db
    .select({ fullName: users.fullName, email: users.email })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.role, 'owner')))
    .limit(1);
  return { ...row, owner: owner ?? null };
}

export interface AccountAuditRow {
  id: number;
  at: Date;
  who: string;
  action: string;
  actionLabel: string;
  note: string | null;
  ip: string | null;
}

const ROLE_LABEL: Record<string, string> = { owner: 'Owner', admin: 'Admin', agent: 'Agent', staff: 'Staff' };

/** Plain-language names for audit actions; unknown ones are spelled out from their code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.signed_in': 'Signed in',
  'auth.signed_out': 'Signed out',
  'auth.signed_out_everywhere': 'Signed out on every device',
  'auth.sessions_ended_by_staff': 'Staff ended all sessions of a user',
  'auth.password_reset_requested': 'Password reset link requested',
  'auth.password_reset': 'Password changed through a reset link, signed out on every device',
  'account.created': 'Account created',
  'account.signup': 'Account created',
  'account.signed_up': 'Account created',
  'account.signup_expired': 'Unconfirmed signup expired',
  'account.verification_resent': 'Confirmation email sent again',
  'account.verified': 'Email address confirmed',
  'account.email_verified': 'Email address confirmed',
  'account.stopped': 'Account stopped',
  'account.suspended': 'Account suspended',
  'account.reactivated': 'Account reactivated',
  'account.terminated': 'Account terminated',
  'account.accessed_by_staff': 'Staff opened the account',
  'staff.account_access': 'Staff opened the account',
  'terms.accepted': 'Terms of service accepted',
  'billing.plan_chosen': 'Plan and billing interval chosen',
  'billing.first_period_charged': 'First period paid, trial ended',
  'billing.first_charge_declined': 'Payment declined',
  'billing.payment_method_replaced': 'Payment method replaced',
  'billing.invoice_paid': 'Renewal paid',
  'billing.charge_failed': 'Renewal payment failed',
  'billing.settlement_declined': 'Payment of the open invoice declined',
  'billing.debt_settled': 'Open invoice paid, account reactivated',
  'billing.suspended_unpaid': 'Account suspended for an unpaid invoice',
  'billing.trial_reminder_sent': 'Trial end reminder sent',
  'billing.trial_ended': 'Trial ended',
  'billing.trial_ended_suspended': 'Trial ended without payment, account suspended',
  'billing.trial_extended': 'Trial extended by staff',
  'billing.retry_requested': 'Staff retried the payment',
  'billing.details_added': 'Billing details added',
  'billing.details_updated': 'Billing details changed',
  'billing.vat_number_saved': 'VAT number saved',
  'billing.vat_number_removed': 'VAT number removed',
  'invoice.corrected': 'Invoice corrected (credit note and new invoice)',
};

export function auditActionLabel(action: string): string {
  if (AUDIT_ACTION_LABELS[action]) return AUDIT_ACTION_LABELS[action];
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function auditActorLabel(
  actorType: string,
  actor: { fullName: string; role: string; deletedAt: Date | null } | null,
): string {
  if (actorType === 'system') return 'System';
  if (actorType === 'anonymous') return 'Anonymous visitor';
  if (actorType === 'staff') return actor && !actor.deletedAt ? `${actor.fullName} (Accountdesk staff)` : 'Accountdesk staff';
  if (!actor) return 'Deleted user';
  if (actor.deletedAt) return 'Deleted user';
  return `${actor.fullName} (${ROLE_LABEL[actor.role] ?? actor.role})`;
}

/** ACC-10 / OPS-2: the account's audit log as the owner reads it, newest first. */
export async function listAccountAudit(db: Executor, accountId: string, limit = 200): Promise<AccountAuditRow[]> {
  const rows = await db
    .select({ entry: auditLog, actor: { fullName: users.fullName, role: users.role, deletedAt: users.deletedAt } })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.accountId, accountId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map(({ entry, actor }) => {
    const reason = entry.details?.reason;
    return {
      id: entry.id,
      at: entry.at,
      who: auditActorLabel(entry.actorType, actor && actor.fullName !== null ? actor : null),
      action: entry.action,
      actionLabel: auditActionLabel(entry.action),
      // Staff state a reason when they open an account (ACC-10); the owner sees it.
      note: typeof reason === 'string' && entry.actorType === 'staff' ? reason : null,
      ip: entry.ip,
    };
  });
}
