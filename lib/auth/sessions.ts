// Server-side sessions: next-auth's JWT only carries the session id; the row decides whether the
// session is alive, so "Sign out everywhere", a stopped account or a staff suspension ends it at once.
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { preparedPerHandle } from '@/db/prepared';
import { accounts, sessions, users } from '@/db/schema';
import { now } from '@/lib/clock';
import { recordLoginActivity } from '@/lib/login-sharing/activity';
import { hourOf } from '@/lib/login-sharing/rules';

export const SESSION_DAYS = 30;

export async function createSession(
  db: Executor,
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null },
  /** ACC-8: customer logins record the hour, network and device they are used from; staff logins do not. */
  opts: { trackActivity?: boolean } = {},
): Promise<string> {
  const at = now();
  const [row] = await db
    .insert(sessions)
    .values({
      userId,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + SESSION_DAYS * 86_400_000),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent ?? null,
    })
    .returning({ id: sessions.id });
  if (opts.trackActivity) await recordLoginActivity(db, { sessionId: row.id, userId, ip: meta.ip, userAgent: meta.userAgent }, at);
  return row.id;
}

const loadSessionStatement = preparedPerHandle((db) =>
  db
    .select({ session: sessions, user: users, account: accounts })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(sessions.id, sql.placeholder('id')), isNull(sessions.revokedAt), sql`${sessions.expiresAt} > ${sql.placeholder('now')}::timestamptz`, isNull(users.deletedAt)))
    .limit(1)
    .prepare('load_session'),
);

/** The live session with its user and account (every signed-in request reads it). */
export async function loadSession(db: Executor, sessionId: string) {
  // An ISO string: a Date placeholder is encoded differently by the two drivers.
  const [row] = await loadSessionStatement(db).execute({ id: sessionId, now: now().toISOString() });
  return row ?? null;
}

export async function revokeSession(db: Executor, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: now() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every live session of a user (optionally keeping one, e.g. the current one). */
export async function revokeUserSessions(db: Executor, userId: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function listActiveSessions(db: Executor, userId: string) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now())))
    .orderBy(desc(sessions.lastSeenAt));
}

/** CAN-4: users.lastActiveAt moves at most this often. */
export const ACTIVITY_WRITE_INTERVAL_MS = 3600_000;

export async function touchSession(
  db: Executor,
  sessionId: string,
  userId: string,
  lastSeenAt: Date,
  /** ACC-8: the request's address and browser, for customer logins (see recordLoginActivity). */
  activity?: { ip: string; userAgent: string },
) {
  const at = now();
  // Written at most once a minute per session to keep page loads cheap.
  if (at.getTime() - lastSeenAt.getTime() < 60_000) return;
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId));
  // ACC-8: once per session per hour (the first write of a new hour; the session's first hour is
  // recorded when it is created).
  if (activity && hourOf(at).getTime() !== hourOf(lastSeenAt).getTime()) await recordLoginActivity(db, { sessionId, userId, ...activity }, at);
  // CAN-4: the person's activity, written at most once an hour (the inactivity sweep counts weeks).
  await db
    .update(users)
    .set({ lastActiveAt: at })
    .where(and(eq(users.id, userId), or(isNull(users.lastActiveAt), lt(users.lastActiveAt, new Date(at.getTime() - ACTIVITY_WRITE_INTERVAL_MS)))));
}
