// Read-only queries for the staff back office. Every list is one query with its joins (no N+1),
// searches use ILIKE with the user's wildcards escaped, and pages are fetched with limit + 1 so
// "Next" appears only when there is a next page.
import { aliasedTable, and, count, desc, eq, gte, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, auditLog, outbox, users } from '@/db/schema';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/translator';
import { addressToSlugQuery } from './address';

export const ACCOUNT_STATUSES = ['pending_verification', 'active', 'suspended', 'stopped'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const OUTBOX_STATUSES = ['queued', 'held', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const ACCOUNTS_PAGE_SIZE = 50;
export const OUTBOX_PAGE_SIZE = 50;
export const AUDIT_PAGE_SIZE = 50;
/** How much history the account detail page shows at most. */
export const DETAIL_LIMIT = 200;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(s: string | null | undefined): s is string {
  return !!s && UUID_RE.test(s);
}

/** Escapes `\`, `%` and `_` so user input matches literally inside an ILIKE pattern. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%input%` with the input's own wildcards escaped. */
function contains(s: string): string {
  return `%${escapeLike(s)}%`;
}

/** A 1-based page number from a query-string value; anything odd becomes 1. */
export function parsePage(v: string | string[] | undefined): number {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export interface Page<T> {
  rows: T[];
  page: number;
  hasNext: boolean;
}

function paged<T>(rows: T[], page: number, size: number): Page<T> {
  return { rows: rows.slice(0, size), page, hasNext: rows.length > size };
}

const owners = aliasedTable(users, 'owner');

/** The owner row joined to an account: its user with role owner. */
const ownerJoin = and(eq(owners.accountId, accounts.id), eq(owners.role, 'owner'));

// ---------------------------------------------------------------------------------------------
// Accounts

export interface AccountSearch {
  q?: string;
  status?: AccountStatus;
  page?: number;
  pageSize?: number;
}

export async function searchAccounts(db: Executor, opts: AccountSearch = {}) {
  const page = opts.page ?? 1;
  const size = opts.pageSize ?? ACCOUNTS_PAGE_SIZE;
  const where: SQL[] = [];
  const q = opts.q?.trim();
  if (q) {
    const p = contains(q);
    const slugP = contains(addressToSlugQuery(q));
    where.push(or(ilike(accounts.slug, slugP), ilike(accounts.companyName, p), ilike(owners.email, p))!);
  }
  if (opts.status) where.push(eq(accounts.status, opts.status));
  const rows = await db
    .selectDistinctOn([accounts.createdAt, accounts.id], {
      id: accounts.id,
      slug: accounts.slug,
      companyName: accounts.companyName,
      status: accounts.status,
      createdAt: accounts.createdAt,
      ownerName: owners.fullName,
      ownerEmail: owners.email,
      ownerDeletedAt: owners.deletedAt,
    })
    .from(accounts)
    .leftJoin(owners, ownerJoin)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(accounts.createdAt), desc(accounts.id))
    .limit(size + 1)
    .offset((page - 1) * size);
  return paged(rows, page, size);
}

export type AccountRow = Awaited<ReturnType<typeof searchAccounts>>['rows'][number];

// ---------------------------------------------------------------------------------------------
// Audit log

const actors = aliasedTable(users, 'actor');
const auditAccounts = aliasedTable(accounts, 'audit_account');

const auditColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorType: auditLog.actorType,
  actorId: auditLog.actorId,
  actorName: actors.fullName,
  actorDeletedAt: actors.deletedAt,
  action: auditLog.action,
  target: auditLog.target,
  ip: auditLog.ip,
  details: auditLog.details,
  accountId: auditLog.accountId,
  accountSlug: auditAccounts.slug,
};

export interface AuditSearch {
  /** Matches the action or the target. */
  q?: string;
  /** The account address (`acme.accountdesk.app` or just `acme`), matched exactly, case-insensitively. */
  account?: string;
  accountId?: string;
  page?: number;
  pageSize?: number;
}

export async function searchAudit(db: Executor, opts: AuditSearch = {}) {
  const page = opts.page ?? 1;
  const size = opts.pageSize ?? AUDIT_PAGE_SIZE;
  const where: SQL[] = [];
  const q = opts.q?.trim();
  if (q) where.push(or(ilike(auditLog.action, contains(q)), ilike(auditLog.target, contains(q)))!);
  const account = opts.account ? addressToSlugQuery(opts.account) : undefined;
  if (account) where.push(sql`lower(${auditAccounts.slug}) = ${account.toLowerCase()}`);
  if (opts.accountId) where.push(eq(auditLog.accountId, opts.accountId));
  const rows = await db
    .select(auditColumns)
    .from(auditLog)
    .leftJoin(actors, eq(actors.id, auditLog.actorId))
    .leftJoin(auditAccounts, eq(auditAccounts.id, auditLog.accountId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(size + 1)
    .offset((page - 1) * size);
  return paged(rows, page, size);
}

export type AuditRow = Awaited<ReturnType<typeof searchAudit>>['rows'][number];

/** Who did it, as staff read it: the person's name, "Deleted user" once erased, or System (English). */
export function actorLabel(r: Pick<AuditRow, 'actorType' | 'actorName' | 'actorDeletedAt' | 'actorId'>): string {
  return actorLabelIn(r, DEFAULT_LOCALE);
}

/** The same in the reader's language. */
export function actorLabelIn(r: Pick<AuditRow, 'actorType' | 'actorName' | 'actorDeletedAt' | 'actorId'>, locale: Locale): string {
  const t = translatorFor(locale);
  if (r.actorType === 'system') return t('audit.actor.system');
  if (r.actorType === 'anonymous') return t('audit.actor.anonymous');
  if (r.actorDeletedAt || (r.actorId && !r.actorName)) return t('audit.actor.deletedUser');
  const name = r.actorName ?? t('audit.actor.unknown');
  return r.actorType === 'staff' ? t('audit.actor.staffShort', { name }) : name;
}

// ---------------------------------------------------------------------------------------------
// Outbox

export interface OutboxSearch {
  /** Matches recipient or subject. */
  q?: string;
  status?: OutboxStatus;
  page?: number;
  pageSize?: number;
}

const outboxListColumns = {
  id: outbox.id,
  accountId: outbox.accountId,
  to: outbox.to,
  subject: outbox.subject,
  status: outbox.status,
  attempts: outbox.attempts,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

export async function searchOutbox(db: Executor, opts: OutboxSearch = {}) {
  const page = opts.page ?? 1;
  const size = opts.pageSize ?? OUTBOX_PAGE_SIZE;
  const where: SQL[] = [];
  const q = opts.q?.trim();
  if (q) where.push(or(ilike(outbox.to, contains(q)), ilike(outbox.subject, contains(q)))!);
  if (opts.status) where.push(eq(outbox.status, opts.status));
  const rows = await db
    .select(outboxListColumns)
    .from(outbox)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(size + 1)
    .offset((page - 1) * size);
  return paged(rows, page, size);
}

export async function getOutboxEmail(db: Executor, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ email: outbox, accountSlug: accounts.slug })
    .from(outbox)
    .leftJoin(accounts, eq(accounts.id, outbox.accountId))
    .where(eq(outbox.id, id));
  return row ? { ...row.email, accountSlug: row.accountSlug } : null;
}

// ---------------------------------------------------------------------------------------------
// Account detail

export async function getAccountDetail(db: Executor, id: string) {
  if (!isUuid(id)) return null;
  const [account] = await db
    .select({
      id: accounts.id,
      slug: accounts.slug,
      companyName: accounts.companyName,
      status: accounts.status,
      createdAt: accounts.createdAt,
      verifiedAt: accounts.verifiedAt,
      stoppedAt: accounts.stoppedAt,
      stopReason: accounts.stopReason,
    })
    .from(accounts)
    .where(eq(accounts.id, id));
  if (!account) return null;

  const members = await db
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      role: users.role,
      emailVerifiedAt: users.emailVerifiedAt,
      lastActiveAt: users.lastActiveAt,
      deletedAt: users.deletedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.accountId, id))
    .orderBy(users.createdAt, users.id);

  const audit = await searchAudit(db, { accountId: id, pageSize: DETAIL_LIMIT });

  // Emails tagged with the account, plus any sent to its (not erased) members' addresses.
  const emails = members.map((m) => m.email).filter((e): e is string => !!e);
  const emailWhere = emails.length ? or(eq(outbox.accountId, id), inArray(outbox.to, emails)) : eq(outbox.accountId, id);
  const mails = await db
    .select(outboxListColumns)
    .from(outbox)
    .where(emailWhere)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(DETAIL_LIMIT);

  return {
    account,
    users: members.map((m) => {
      const erased = !!m.deletedAt || m.email === null;
      return { ...m, erased, displayName: erased ? 'Deleted user' : m.fullName, displayEmail: erased ? '—' : m.email };
    }),
    audit: audit.rows,
    emails: mails,
  };
}

export type AccountDetail = NonNullable<Awaited<ReturnType<typeof getAccountDetail>>>;

// ---------------------------------------------------------------------------------------------
// Dashboard

export async function getDashboard(db: Executor, at: Date) {
  const byStatus = await db.select({ status: accounts.status, n: count() }).from(accounts).groupBy(accounts.status);
  const weekAgo = new Date(at.getTime() - 7 * 24 * 60 * 60 * 1000);
  const [{ n: recentSignups }] = await db.select({ n: count() }).from(accounts).where(gte(accounts.createdAt, weekAgo));
  const mailByStatus = await db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
  const latestAudit = await searchAudit(db, { pageSize: 10 });
  const accountCounts = Object.fromEntries(ACCOUNT_STATUSES.map((s) => [s, 0])) as Record<AccountStatus, number>;
  for (const r of byStatus) accountCounts[r.status] = Number(r.n);
  const outboxCounts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of mailByStatus) outboxCounts[r.status] = Number(r.n);
  return { accountCounts, recentSignups: Number(recentSignups), outboxCounts, latestAudit: latestAudit.rows };
}
