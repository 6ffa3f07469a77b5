// Read models for the custom-service pages: the account's own list, one request with its history,
// and the staff list (filter by status, oldest first, paged).
import { and, asc, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, customServiceAgreements, customServiceEvents, customServiceRequests, invoices, users } from '@/db/schema';
import { escapeLike, type Page } from '@/lib/staff/queries';
import { CUSTOM_SERVICE_STATUSES, type CustomServiceStatus } from './rules';

export const CUSTOM_SERVICES_PAGE_SIZE = 50;

export function isCustomServiceStatus(v: string | undefined): v is CustomServiceStatus {
  return !!v && (CUSTOM_SERVICE_STATUSES as readonly string[]).includes(v);
}

/** The account's requests, newest first, with the agreed price once approved. */
export async function accountRequests(db: Executor, accountId: string) {
  return db
    .select({
      id: customServiceRequests.id,
      reference: customServiceRequests.reference,
      need: customServiceRequests.need,
      source: customServiceRequests.source,
      status: customServiceRequests.status,
      receivedAt: customServiceRequests.receivedAt,
      agreedPriceCents: customServiceAgreements.priceCents,
    })
    .from(customServiceRequests)
    .leftJoin(customServiceAgreements, eq(customServiceAgreements.requestId, customServiceRequests.id))
    .where(eq(customServiceRequests.accountId, accountId))
    .orderBy(desc(customServiceRequests.receivedAt))
    .limit(200);
}

/** One request with its agreement, invoice, account and history; with `accountId` only that account's. */
export async function requestDetail(db: Executor, id: string, accountId?: string) {
  const [row] = await db
    .select({
      request: customServiceRequests,
      agreement: customServiceAgreements,
      account: { id: accounts.id, slug: accounts.slug, companyName: accounts.companyName },
      invoice: { id: invoices.id, number: invoices.number, grossCents: invoices.grossCents },
    })
    .from(customServiceRequests)
    .innerJoin(accounts, eq(accounts.id, customServiceRequests.accountId))
    .leftJoin(customServiceAgreements, eq(customServiceAgreements.requestId, customServiceRequests.id))
    .leftJoin(invoices, eq(invoices.id, customServiceRequests.invoiceId))
    .where(accountId ? and(eq(customServiceRequests.id, id), eq(customServiceRequests.accountId, accountId)) : eq(customServiceRequests.id, id));
  if (!row) return null;
  const events = await db
    .select({ id: customServiceEvents.id, at: customServiceEvents.at, fromStatus: customServiceEvents.fromStatus, toStatus: customServiceEvents.toStatus, note: customServiceEvents.note, actorName: users.fullName, actorRole: users.role })
    .from(customServiceEvents)
    .leftJoin(users, eq(users.id, customServiceEvents.actorId))
    .where(eq(customServiceEvents.requestId, id))
    .orderBy(asc(customServiceEvents.at));
  return { ...row, events };
}
export type RequestDetail = NonNullable<Awaited<ReturnType<typeof requestDetail>>>;

/** Staff list: every request (or one status), oldest received first, matching reference or company. */
export async function searchRequests(db: Executor, opts: { status?: CustomServiceStatus; q?: string; page?: number } = {}): Promise<Page<StaffRequestRow>> {
  const page = opts.page ?? 1;
  const where: SQL[] = [];
  if (opts.status) where.push(eq(customServiceRequests.status, opts.status));
  if (opts.q) {
    const like = `%${escapeLike(opts.q)}%`;
    where.push(or(ilike(customServiceRequests.reference, like), ilike(accounts.companyName, like), ilike(accounts.slug, like))!);
  }
  const rows = await db
    .select({
      id: customServiceRequests.id,
      reference: customServiceRequests.reference,
      status: customServiceRequests.status,
      source: customServiceRequests.source,
      receivedAt: customServiceRequests.receivedAt,
      priceCents: customServiceRequests.priceCents,
      companyName: accounts.companyName,
      slug: accounts.slug,
    })
    .from(customServiceRequests)
    .innerJoin(accounts, eq(accounts.id, customServiceRequests.accountId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(customServiceRequests.receivedAt), asc(customServiceRequests.reference))
    .limit(CUSTOM_SERVICES_PAGE_SIZE + 1)
    .offset((page - 1) * CUSTOM_SERVICES_PAGE_SIZE);
  return { rows: rows.slice(0, CUSTOM_SERVICES_PAGE_SIZE), page, hasNext: rows.length > CUSTOM_SERVICES_PAGE_SIZE };
}
export interface StaffRequestRow {
  id: string;
  reference: string;
  status: CustomServiceStatus;
  source: 'portal' | 'email';
  receivedAt: Date;
  priceCents: number | null;
  companyName: string;
  slug: string;
}
