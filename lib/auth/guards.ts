// Guards for pages and server actions. The account always comes from the session row.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { DomainError, inServerAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { now } from '@/lib/clock';
import { PATH_HEADER, requestMeta } from '@/lib/http/request';
import { msg } from '@/lib/i18n/message-ref';
import { activeStaffAccess, recordStaffPageView } from '@/lib/standing/access';
import { sessionIdFromCookie } from './session-cookie';
import { loadSession, touchSession } from './sessions';

export type SessionContext = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

export interface UserContext {
  sessionId: string;
  user: SessionContext['user'];
  ip: string;
  userAgent: string;
}
export interface MemberContext extends UserContext {
  account: NonNullable<SessionContext['account']>;
  /**
   * ACC-10: set when a staff user is looking at this account through "Access account". `user`
   * is then the staff user; the access is read-only (every account server action is refused).
   */
  staffAccess?: StaffAccessContext;
}

export interface StaffAccessContext {
  grantId: string;
  reason: string;
  startedAt: Date;
  expiresAt: Date;
}

/**
 * The signed-in person, or null. Staff and account members alike.
 *
 * Read once per request: a page, its layouts and its metadata all ask, and React's `cache()`
 * lets them share one read of the session row (and one "last seen" write). Outside a render
 * (server actions, route handlers) `cache()` does not keep anything, so every call reads afresh.
 */
export const currentUser = cache(async (): Promise<(UserContext & { account: SessionContext['account'] }) | null> => {
  const sid = await sessionIdFromCookie();
  if (!sid) return null;
  const db = await getDb();
  const row = await loadSession(db, sid);
  if (!row) return null;
  if (row.account?.status === 'stopped') return null;
  const meta = await requestMeta();
  await touchSession(db, row.session.id, row.user.id, row.session.lastSeenAt, row.user.role === 'staff' ? undefined : meta);
  return { sessionId: row.session.id, user: row.user, account: row.account, ...meta };
});

export interface MemberGuardOptions {
  /**
   * PAY-2: a suspended account reaches only its billing page (and the few pages that must stay
   * open: invoices and stopping the account for the owner, and each member's own security page).
   * Everything else sends members there.
   */
  allowSuspended?: boolean;
}

/** Any signed-in member of a customer account (owner, admin, agent). */
export async function requireMember(opts: MemberGuardOptions = {}): Promise<MemberContext> {
  const ctx = await currentUser();
  if (!ctx) redirect('/login');
  if (ctx.user.role === 'staff') return staffAccessContext(ctx);
  if (!ctx.account) redirect('/staff');
  // CAN-3: staff suspended the account: members see what happened and whom to contact.
  if (ctx.account.staffSuspendedAt && !opts.allowSuspended) redirect('/account/suspended');
  if (ctx.account.status === 'suspended' && !opts.allowSuspended) redirect('/account/billing');
  return ctx as MemberContext;
}


/**
 * ACC-10: a staff user reaches an account's pages only through the active grant of this very
 * session (never another account's), read-only; each page they open is in the account's audit log.
 * Without a grant, staff are sent back to the back office. Resolved once per request (the layout
 * and the page share it, see currentUser): one grant lookup and one page view per page.
 */
const staffAccessContext = cache(async (ctx: UserContext): Promise<MemberContext> => {
  const db = await getDb();
  const at = now();
  const access = await activeStaffAccess(db, ctx.sessionId, at);
  if (!access) redirect('/staff');
  // Every account server action (validatedAction) is refused: staff access is read-only.
  if (inServerAction()) throw new DomainError(msg('standing.errors.readOnly'));
  const h = await headers();
  if (!h.get('next-router-prefetch') && !h.get('next-router-segment-prefetch')) {
    await recordStaffPageView(db, access.grant, h.get(PATH_HEADER) ?? '', actorForUser(ctx.user, ctx.ip), at);
  }
  const { grant, account } = access;
  // The pages show staff what the owner sees: the user keeps the staff member's id and name but
  // reads as the owner's role. Actions never run with it (refused above); `staffAccess` marks it.
  const user = { ...ctx.user, role: 'owner' as const };
  return { ...ctx, user, account, staffAccess: { grantId: grant.id, reason: grant.reason, startedAt: grant.startedAt, expiresAt: grant.expiresAt } };
});

/** The account's owner: owner-only pages and actions (stop account, billing, users). */
export async function requireOwner(opts: MemberGuardOptions = {}): Promise<MemberContext> {
  const ctx = await requireMember(opts);
  if (ctx.staffAccess) return ctx; // ACC-10: staff see what the owner sees, read-only
  if (ctx.user.role !== 'owner') redirect(ctx.account.status === 'suspended' ? '/account/billing' : '/account?denied=owner');
  return ctx;
}

/**
 * The guard for a member's own login security (the sessions list and "Sign out everywhere"):
 * someone who fears their password is known must be able to end their sessions while suspended.
 */
export const requireMemberEvenIfSuspended = () => requireMember({ allowSuspended: true });

/** The guard for owner actions that must work on a suspended account too (paying, invoices, stopping). */
export const requireOwnerEvenIfSuspended = () => requireOwner({ allowSuspended: true });

/** ACC-7: the people who manage the account's users, the owner and admins. */
export async function requireUserManager(): Promise<MemberContext> {
  const ctx = await requireMember();
  if (ctx.staffAccess) return ctx;
  if (ctx.user.role !== 'owner' && ctx.user.role !== 'admin') redirect('/account?denied=managers');
  return ctx;
}

/** Vendor staff: every /staff page and action. */
export async function requireStaff(): Promise<UserContext> {
  const ctx = await currentUser();
  if (!ctx) redirect('/login?next=/staff');
  if (ctx.user.role !== 'staff') redirect('/account?denied=staff');
  return ctx;
}

/** Public forms: no session needed, but we keep who asked from where. */
export async function publicRequest(): Promise<{ ip: string; userAgent: string }> {
  return requestMeta();
}

/** Where a signed-in person belongs (staff: /staff, everyone else: /account); null when nobody is signed in. */
export async function signedInHome(): Promise<'/account' | '/staff' | null> {
  const ctx = await currentUser();
  if (!ctx) return null;
  return ctx.user.role === 'staff' ? '/staff' : '/account';
}
