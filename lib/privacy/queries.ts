// GDPR-5: what the staff queue and the request page read. The queue holds confirmed requests
// only (received and later); unconfirmed and expired ones are not requests yet (GDPR-4).
import { aliasedTable, and, asc, count, eq, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { gdprRequestEvents, gdprRequests, users } from '@/db/schema';
import { isUuid, type Page } from '@/lib/staff/queries';
import { OPEN_STATUSES } from './due-date';
import { QUEUE_STATUSES, REQUEST_TYPES, type QueueStatus, type RequestType } from './request-rules';

export const QUEUE_PAGE_SIZE = 50;

export interface QueueFilters {
  type?: string;
  status?: string;
  /** A staff user's id, or 'none' for unassigned requests. */
  assignee?: string;
  /** 'yes': only open requests past their due date. */
  overdue?: string;
  page: number;
}

const assignees = aliasedTable(users, 'assignee');

export async function listQueue(db: Executor, f: QueueFilters, at: Date, size = QUEUE_PAGE_SIZE): Promise<Page<QueueRow>> {
  const where: SQL[] = [inArray(gdprRequests.status, [...QUEUE_STATUSES])];
  if (f.type && (REQUEST_TYPES as readonly string[]).includes(f.type)) where.push(eq(gdprRequests.type, f.type as RequestType));
  if (f.status && (QUEUE_STATUSES as readonly string[]).includes(f.status)) where.push(eq(gdprRequests.status, f.status as QueueStatus));
  if (f.assignee === 'none') where.push(isNull(gdprRequests.assigneeId));
  else if (isUuid(f.assignee)) where.push(eq(gdprRequests.assigneeId, f.assignee));
  if (f.overdue === 'yes') where.push(inArray(gdprRequests.status, [...OPEN_STATUSES]), lt(gdprRequests.dueAt, at));
  const rows = await db
    .select({
      id: gdprRequests.id,
      reference: gdprRequests.reference,
      type: gdprRequests.type,
      fullName: gdprRequests.fullName,
      email: gdprRequests.email,
      status: gdprRequests.status,
      receivedAt: gdprRequests.receivedAt,
      dueAt: gdprRequests.dueAt,
      assigneeName: assignees.fullName,
    })
    .from(gdprRequests)
    .leftJoin(assignees, eq(assignees.id, gdprRequests.assigneeId))
    .where(and(...where))
    .orderBy(asc(gdprRequests.dueAt), asc(gdprRequests.receivedAt), asc(gdprRequests.id))
    .limit(size + 1)
    .offset((f.page - 1) * size);
  return { rows: rows.slice(0, size), page: f.page, hasNext: rows.length > size };
}
export type QueueRow = {
  id: string;
  reference: string;
  type: RequestType;
  fullName: string | null;
  email: string | null;
  status: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  assigneeName: string | null;
};

/** The staff dashboard's line: how many requests are open and which is due first. */
export async function queueSummary(db: Executor, at: Date) {
  const open = and(inArray(gdprRequests.status, [...OPEN_STATUSES]));
  const [{ n }] = await db.select({ n: count() }).from(gdprRequests).where(open);
  const [{ overdue }] = await db.select({ overdue: count() }).from(gdprRequests).where(and(open, lt(gdprRequests.dueAt, at)));
  const [oldest] = await db
    .select({ id: gdprRequests.id, reference: gdprRequests.reference, dueAt: gdprRequests.dueAt, receivedAt: gdprRequests.receivedAt })
    .from(gdprRequests)
    .where(open)
    .orderBy(asc(gdprRequests.dueAt), asc(gdprRequests.receivedAt))
    .limit(1);
  return { open: Number(n), overdue: Number(overdue), oldest: oldest ?? null };
}

/** One confirmed request with its assignee and its history (oldest first), or null. */
export async function getRequestDetail(db: Executor, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ request: gdprRequests, assigneeName: assignees.fullName })
    .from(gdprRequests)
    .leftJoin(assignees, eq(assignees.id, gdprRequests.assigneeId))
    .where(and(eq(gdprRequests.id, id), inArray(gdprRequests.status, [...QUEUE_STATUSES])))
    .limit(1);
  if (!row) return null;
  const actors = aliasedTable(users, 'actor');
  const events = await db
    .select({
      id: gdprRequestEvents.id,
      at: gdprRequestEvents.at,
      kind: gdprRequestEvents.kind,
      fromStatus: gdprRequestEvents.fromStatus,
      toStatus: gdprRequestEvents.toStatus,
      note: gdprRequestEvents.note,
      actorName: actors.fullName,
    })
    .from(gdprRequestEvents)
    .leftJoin(actors, eq(actors.id, gdprRequestEvents.actorId))
    .where(eq(gdprRequestEvents.requestId, id))
    .orderBy(asc(gdprRequestEvents.at), asc(gdprRequestEvents.id));
  return { ...row.request, assigneeName: row.assigneeName, events };
}
export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequestDetail>>>;

/** The staff members a request may be assigned to. */
export async function listStaffMembers(db: Executor) {
  return db
    .select({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'staff'), isNull(users.deletedAt)))
    .orderBy(asc(users.fullName));
}

