// Guards for pages and server actions. The account always comes from the session row.
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requestMeta } from '@/lib/http/request';
import { authOptions } from './options';
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
}

/** The signed-in person, or null. Staff and account members alike. */
export async function currentUser(): Promise<UserContext & { account: SessionContext['account'] } | null> {
  const session = await getServerSession(authOptions);
  if (!session?.sid) return null;
  const db = await getDb();
  const row = await loadSession(db, session.sid);
  if (!row) return null;
  if (row.account?.status === 'stopped') return null;
  const meta = await requestMeta();
  await touchSession(db, row.session.id, row.user.id, row.session.lastSeenAt, row.user.role === 'staff' ? undefined : meta);
  return { sessionId: row.session.id, user: row.user, account: row.account, ...meta };
}

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
  if (ctx.user.role === 'staff' || !ctx.account) redirect('/staff');
  if (ctx.account.status === 'suspended' && !opts.allowSuspended) redirect('/account/billing');
  return ctx as MemberContext;
}

/** The account's owner: owner-only pages and actions (stop account, billing, users). */
export async function requireOwner(opts: MemberGuardOptions = {}): Promise<MemberContext> {
  const ctx = await requireMember(opts);
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
