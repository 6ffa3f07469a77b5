// Read queries for the owner portal. Every query takes the account id from the caller's session
// (the guard), never from a URL or a form field.
import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { accountLimitOverrides, accounts, auditLog, plans, subscriptions, usageReports, users } from '@/db/schema';
import { activeUsersOfAccount, latestReportOfAccount, limitsFromRow } from '@/lib/usage/limits';
import { catalogues } from '@/lib/i18n/catalogue';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/translator';

export async function getAccountOverview(db: Executor, accountId: string, at: Date) {
  // One statement (the portal's first page): the account, its subscription and plan, its owner,
  // and its fair-use limits with what is in use (PLAN-7).
  const owner = alias(users, 'owner');
  const [row] = await db
    .select({
      account: accounts,
      plan: plans,
      subscription: subscriptions,
      owner: { fullName: owner.fullName, email: owner.email },
      override: accountLimitOverrides,
      users: activeUsersOfAccount,
      report: usageReports,
    })
    .from(accounts)
    .leftJoin(subscriptions, eq(subscriptions.accountId, accounts.id))
    .leftJoin(plans, eq(plans.id, subscriptions.planId))
    .leftJoin(owner, and(eq(owner.accountId, accounts.id), eq(owner.role, 'owner')))
    .leftJoin(accountLimitOverrides, eq(accountLimitOverrides.accountId, accounts.id))
    .leftJoin(usageReports, latestReportOfAccount)
    .where(eq(accounts.id, accountId))
    .limit(1);
  if (!row) return null;
  return { account: row.account, plan: row.plan, subscription: row.subscription, owner: row.owner ?? null, limits: limitsFromRow(row, at) };
}

export interface AccountAuditRow {
  id: number;
  at: Date;
  /** Who did it, in English; `actorType` and `actor` let a page name them in its own language. */
  who: string;
  action: string;
  /** The action in English words; pages translate `action` with auditActionLabel(action, locale). */
  actionLabel: string;
  note: string | null;
  /** ACC-10: the page a staff member opened (staff_access.page_viewed). */
  page?: string | null;
  ip: string | null;
  actorType?: string;
  actor?: AuditActor | null;
}

export interface AuditActor {
  fullName: string;
  role: string;
  deletedAt: Date | null;
}

// Plain-language names for audit actions live in messages/<locale>/audit.json under `actions`,
// keyed by the action code in camelCase (`auth.signed_in` → `actions.auth.signedIn`).
function actionKey(action: string): string {
  return action.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Whether the catalogue names this action (both languages have the same keys). */
export function isKnownAuditAction(action: string): boolean {
  let node: unknown = catalogues.en.audit.actions;
  for (const part of actionKey(action).split('.')) {
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/** An audit action in plain words in `locale`; codes the catalogue does not know are spelled out. */
export function auditActionLabel(action: string, locale: Locale = DEFAULT_LOCALE): string {
  if (isKnownAuditAction(action)) return translatorFor(locale)(`audit.actions.${actionKey(action)}`);
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function auditActorLabel(actorType: string, actor: AuditActor | null, locale: Locale = DEFAULT_LOCALE): string {
  const t = translatorFor(locale);
  if (actorType === 'system') return t('audit.actor.system');
  if (actorType === 'anonymous') return t('audit.actor.anonymous');
  if (actorType === 'staff') return actor && !actor.deletedAt ? t('audit.actor.staffNamed', { name: actor.fullName }) : t('audit.actor.staff');
  if (!actor) return t('audit.actor.deletedUser');
  if (actor.deletedAt) return t('audit.actor.deletedUser');
  const role = ['owner', 'admin', 'agent', 'staff'].includes(actor.role) ? t(`audit.roles.${actor.role}`) : actor.role;
  return t('audit.actor.withRole', { name: actor.fullName, role });
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
    const path = entry.details?.path;
    const who = actor && actor.fullName !== null ? actor : null;
    return {
      id: entry.id,
      at: entry.at,
      who: auditActorLabel(entry.actorType, who),
      action: entry.action,
      actionLabel: auditActionLabel(entry.action),
      // Staff state a reason when they open an account (ACC-10); the owner sees it.
      note: typeof reason === 'string' && (entry.actorType === 'staff' || entry.action.startsWith('staff_access.')) ? reason : null,
      page: entry.action === 'staff_access.page_viewed' && typeof path === 'string' ? path : null,
      ip: entry.ip,
      actorType: entry.actorType,
      actor: who,
    };
  });
}
