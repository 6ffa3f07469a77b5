// OPS-2: the append-only audit log. Only `recordAudit` and `recordAudits` write it; nothing in
// the code updates or deletes its rows, and a database trigger refuses it if anything tries.
import { and, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { insertRows } from '@/db/bulk';
import type { Executor } from '@/db/client';
import { auditLog } from '@/db/schema';
import { now } from '@/lib/clock';

export type ActorType = (typeof auditLog.$inferInsert)['actorType'];

export interface Actor {
  type: ActorType;
  id?: string | null;
  ip?: string | null;
}

export const SYSTEM: Actor = { type: 'system' };

/** The audit actor for a person acting on their own login (staff, the owner, or another member). */
export function actorForUser(user: { id: string; role: 'owner' | 'admin' | 'agent' | 'staff' }, ip: string | null | undefined): Actor {
  return { type: user.role === 'staff' ? 'staff' : user.role === 'owner' ? 'owner' : 'user', id: user.id, ip: ip ?? null };
}

export interface AuditEntry {
  action: string;
  accountId?: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, actor, [entry]);
}

/** Many entries by one actor in one statement (a sweep's batch). */
export async function recordAudits(tx: Executor, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const at = now();
  await insertRows(
    tx,
    auditLog,
    entries.map((entry) => ({
      at,
      actorType: actor.type,
      actorId: actor.id ?? null,
      ip: actor.ip ?? null,
      accountId: entry.accountId ?? null,
      action: entry.action,
      target: entry.target ?? null,
      details: entry.details ?? {},
    })),
  );
}

export async function listAudit(
  db: Executor,
  opts: { accountId?: string; search?: string; limit?: number } = {},
) {
  const where: SQL[] = [];
  if (opts.accountId) where.push(eq(auditLog.accountId, opts.accountId));
  if (opts.search) {
    const q = `%${opts.search}%`;
    where.push(or(ilike(auditLog.action, q), ilike(auditLog.target, q))!);
  }
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(opts.limit ?? 200);
}
