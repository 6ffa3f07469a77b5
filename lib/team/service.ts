// ACC-7 (and APS-6/8/9): the people of an account. The owner and admins invite by email; the
// link (7 days, stored only as a hash) lets the invitee set their name and password; each person
// has their own login. A seat is taken by every active user and every open invitation, decided
// under a lock on the account's subscription so two invitations cannot take the last seat twice.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '@/db/client';
import { accounts, invitations, plans, subscriptions, users } from '@/db/schema';
import { hashToken } from '@/lib/accounts/verification';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { getBillingProfile } from '@/lib/billing/profile';
import { currentPaymentMethod } from '@/lib/billing/subscriptions';
import { queueOwnerEmail } from '@/lib/billing/charges';
import { emailKit } from '@/lib/email/locale';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/http/request';
import { endSurchargesOfRemovedLogin } from '@/lib/login-sharing/service';
import type { Locale } from '@/lib/i18n/config';
import { msg } from '@/lib/i18n/message-ref';
import { closeSeat, openSeat } from './seats';
import { canGrantRole, canManageMember, canManageUsers, inviteDecision, missingBillingDetails, type InviteDecision, type MemberRole, type SeatPlan } from './rules';

export const INVITATION_DAYS = 7;
const DAY_MS = 86_400_000;

export interface TeamActor {
  accountId: string;
  userId: string;
  role: MemberRole;
  ip: string | null;
}

const auditActor = (a: TeamActor): Actor => ({ type: a.role === 'owner' ? 'owner' : 'user', id: a.userId, ip: a.ip });

export function invitationLink(token: string): string {
  return `${appUrl()}/invitation?token=${encodeURIComponent(token)}`;
}

/** Seat holders right now: active users (owner included) plus open invitations. */
export async function seatsTaken(tx: Executor, accountId: string, at: Date): Promise<number> {
  const [u] = await tx
    .select({ c: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.accountId, accountId), isNull(users.deletedAt)));
  const [i] = await tx
    .select({ c: sql<number>`count(*)::int` })
    .from(invitations)
    .where(and(eq(invitations.accountId, accountId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, at)));
  return u.c + i.c;
}

/** What limits the account's team: its seat count, or on a deal account the free lifetime seats. */
export async function seatPlan(tx: Executor, accountId: string): Promise<SeatPlan> {
  const [sub] = await tx
    .select({ status: subscriptions.status, seats: subscriptions.seats, scheduledSeats: subscriptions.scheduledSeats, seatPrice: plans.seatPriceMonthlyCents })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .where(eq(subscriptions.accountId, accountId));
  // PLAN-4: with fewer seats scheduled for the renewal, no one is invited beyond them meanwhile.
  if (sub?.status !== 'lifetime') return { kind: 'seats', seats: Math.min(sub?.seats ?? 1, sub?.scheduledSeats ?? Number.POSITIVE_INFINITY) };
  const [profile, method] = await Promise.all([getBillingProfile(tx, accountId), currentPaymentMethod(tx, accountId)]);
  return { kind: 'deal', lifetimeSeats: sub.seats, extraSeatPriceCents: sub.seatPrice, missingBilling: missingBillingDetails(profile), hasPaymentMethod: !!method };
}

/** For the users page: may one more person be invited now, and would they be billed? */
export async function nextInvitation(db: Executor, accountId: string, at: Date): Promise<InviteDecision & { taken: number; plan: SeatPlan }> {
  const plan = await seatPlan(db, accountId);
  const taken = await seatsTaken(db, accountId, at);
  return { ...inviteDecision(plan, taken), taken, plan };
}

function refusalFor(decision: InviteDecision): DomainError | null {
  if (decision.ok) return null;
  if (decision.reason === 'no_seats') return new DomainError(msg('team.errors.noSeats', { seats: decision.seats }), 'email');
  return new DomainError(msg('team.errors.billingRequired'), 'email');
}

async function lockSubscription(tx: Tx, accountId: string): Promise<void> {
  await tx.select({ id: subscriptions.accountId }).from(subscriptions).where(eq(subscriptions.accountId, accountId)).for('update');
}

/** The invitation email, naming the company and the person who invites (read here, once). */
async function queueInvitationEmail(tx: Executor, actor: TeamActor, to: string, invite: { role: 'admin' | 'agent'; token: string }, locale: Locale) {
  const [input] = await tx
    .select({ companyName: accounts.companyName, inviter: users.fullName })
    .from(accounts)
    .innerJoin(users, eq(users.id, actor.userId))
    .where(eq(accounts.id, actor.accountId));
  const k = emailKit(locale);
  await queueEmail(
    tx,
    to,
    {
      locale,
      subject: k.t('team.email.invitation.subject', { company: input.companyName }),
      paragraphs: [
        k.t('team.email.invitation.intro', { inviter: input.inviter, company: input.companyName, role: k.t(`team.roles.${invite.role}`) }),
        k.t('team.email.invitation.validity', { days: INVITATION_DAYS }),
        k.t('team.email.invitation.ignore'),
      ],
      action: { label: k.t('team.email.invitation.action'), url: invitationLink(invite.token) },
    },
    { accountId: actor.accountId },
  );
}

export async function inviteUser(
  db: Db,
  actor: TeamActor,
  input: { email: string; role: 'admin' | 'agent' },
  at: Date,
  locale: Locale,
): Promise<{ invitationId: string; extra: boolean }> {
  if (!canManageUsers(actor.role)) throw new DomainError(msg('team.errors.notAllowed'));
  if (!canGrantRole(actor.role, input.role)) throw new DomainError(msg('team.errors.onlyOwnerGrantsAdmin'), 'role');
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    await lockSubscription(tx, actor.accountId);
    const [existing] = await tx.select({ accountId: users.accountId, deletedAt: users.deletedAt }).from(users).where(eq(users.email, email));
    // One login per person: an email with a login elsewhere (or an active one here) cannot be
    // invited; a person removed from this account can be invited back.
    if (existing && !(existing.accountId === actor.accountId && existing.deletedAt)) throw new DomainError(msg('team.errors.hasLogin'), 'email');
    const [open] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.accountId, actor.accountId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, at)));
    if (open) throw new DomainError(msg('team.errors.alreadyInvited'), 'email');
    const decision = inviteDecision(await seatPlan(tx, actor.accountId), await seatsTaken(tx, actor.accountId, at));
    const refusal = refusalFor(decision);
    if (refusal) throw refusal;
    const token = randomBytes(32).toString('base64url');
    const [invitation] = await tx
      .insert(invitations)
      .values({ accountId: actor.accountId, email, role: input.role, tokenHash: hashToken(token), invitedBy: actor.userId, createdAt: at, expiresAt: new Date(at.getTime() + INVITATION_DAYS * DAY_MS) })
      .returning({ id: invitations.id });
    await recordAudit(tx, auditActor(actor), { action: 'user.invited', accountId: actor.accountId, target: `invitation:${invitation.id}`, details: { email, role: input.role, extra: decision.ok && decision.extra } });
    await queueInvitationEmail(tx, actor, email, { role: input.role, token }, locale);
    return { invitationId: invitation.id, extra: decision.ok && decision.extra };
  });
}

export type InvitationState = 'valid' | 'invalid' | 'expired' | 'used' | 'revoked';

export async function findInvitation(db: Executor, token: string, at: Date) {
  if (!token || token.length > 200) return { state: 'invalid' as const };
  const [row] = await db
    .select({ invitation: invitations, companyName: accounts.companyName, accountStatus: accounts.status })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.id, invitations.accountId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row || row.accountStatus === 'stopped') return { state: 'invalid' as const };
  const inv = row.invitation;
  const state: InvitationState = inv.acceptedAt ? 'used' : inv.revokedAt ? 'revoked' : inv.expiresAt <= at ? 'expired' : 'valid';
  return { state, invitation: inv, companyName: row.companyName };
}

export async function acceptInvitation(
  db: Db,
  token: string,
  input: { fullName: string; password: string },
  meta: { ip: string },
  at: Date,
): Promise<{ email: string; userId: string; accountId: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const found = await findInvitation(tx, token, at);
    if (found.state !== 'valid' || !found.invitation) throw new DomainError(msg(`team.errors.invitation.${found.state}`));
    const inv = found.invitation;
    await lockSubscription(tx, inv.accountId);
    // Claim it: a double submit or two tabs accept once.
    const claimed = await tx.update(invitations).set({ acceptedAt: at }).where(and(eq(invitations.id, inv.id), isNull(invitations.acceptedAt))).returning({ id: invitations.id });
    if (!claimed.length) throw new DomainError(msg('team.errors.invitation.used'));
    const email = inv.email!;
    const [previous] = await tx.select().from(users).where(eq(users.email, email));
    let userId: string;
    if (previous && previous.accountId === inv.accountId && previous.deletedAt) {
      // Invited back after being removed: the same login comes back, with a new seat from today.
      await tx.update(users).set({ role: inv.role, fullName: input.fullName, passwordHash, deletedAt: null, emailVerifiedAt: at }).where(eq(users.id, previous.id));
      userId = previous.id;
    } else if (previous) {
      throw new DomainError(msg('team.errors.hasLogin'));
    } else {
      const [user] = await tx
        .insert(users)
        .values({ accountId: inv.accountId, role: inv.role, fullName: input.fullName, email, passwordHash, emailVerifiedAt: at, createdAt: at })
        .returning({ id: users.id });
      userId = user.id;
    }
    await tx.update(invitations).set({ acceptedUserId: userId }).where(eq(invitations.id, inv.id));
    await openSeat(tx, inv.accountId, userId, at);
    await recordAudit(tx, { type: 'user', id: userId, ip: meta.ip }, { action: 'user.joined', accountId: inv.accountId, target: `user:${userId}`, details: { role: inv.role } });
    await warnIfDealSeatsExceeded(tx, inv.accountId);
    return { email, userId, accountId: inv.accountId };
  });
}

/** APS-8: the owner of a deal account hears when its users now exceed the free lifetime seats. */
async function warnIfDealSeatsExceeded(tx: Executor, accountId: string) {
  const plan = await seatPlan(tx, accountId);
  if (plan.kind !== 'deal') return;
  const [active] = await tx.select({ c: sql<number>`count(*)::int` }).from(users).where(and(eq(users.accountId, accountId), isNull(users.deletedAt)));
  if (active.c <= plan.lifetimeSeats) return;
  await queueOwnerEmail(tx, accountId, (mail) => ({
    subject: mail.t('team.email.seatsExceeded.subject'),
    paragraphs: [
      mail.t('team.email.seatsExceeded.body', { seats: plan.lifetimeSeats, users: active.c }),
      mail.t('team.email.seatsExceeded.billing', { price: mail.money(plan.extraSeatPriceCents) }),
    ],
    action: { label: mail.t('team.email.seatsExceeded.action'), url: `${appUrl()}/account/users` },
  }));
}

async function memberOf(tx: Executor, accountId: string, userId: string) {
  const [row] = await tx
    .select({ id: users.id, role: users.role, email: users.email, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.accountId, accountId), isNull(users.deletedAt)));
  if (!row || row.role === 'staff') throw new DomainError(msg('team.errors.notFound'));
  return row as typeof row & { role: MemberRole };
}

export async function changeRole(db: Db, actor: TeamActor, userId: string, role: 'admin' | 'agent'): Promise<void> {
  await db.transaction(async (tx) => {
    const member = await memberOf(tx, actor.accountId, userId);
    if (member.id === actor.userId) throw new DomainError(msg('team.errors.notYourself'));
    if (!canManageMember(actor.role, member.role) || !canGrantRole(actor.role, role)) throw new DomainError(msg('team.errors.notAllowed'));
    if (member.role === role) return;
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await recordAudit(tx, auditActor(actor), { action: 'user.role_changed', accountId: actor.accountId, target: `user:${userId}`, details: { from: member.role, to: role } });
  });
}

/** Removing a person ends their sessions at once and closes their seat (APS-7 stops billing it). */
export async function removeUser(db: Db, actor: TeamActor, userId: string, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const member = await memberOf(tx, actor.accountId, userId);
    if (member.id === actor.userId) throw new DomainError(msg('team.errors.notYourself'));
    if (!canManageMember(actor.role, member.role)) throw new DomainError(msg('team.errors.notAllowed'));
    await tx.update(users).set({ deletedAt: at, passwordHash: null }).where(eq(users.id, userId));
    await revokeUserSessions(tx, userId);
    await closeSeat(tx, userId, at);
    // ACC-8: a shared-login surcharge for this login ends with it.
    await endSurchargesOfRemovedLogin(tx, userId, at);
    await recordAudit(tx, auditActor(actor), { action: 'user.removed', accountId: actor.accountId, target: `user:${userId}`, details: { role: member.role, email: member.email } });
  });
}

async function openInvitation(tx: Executor, accountId: string, invitationId: string) {
  const [inv] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.accountId, accountId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
  if (!inv) throw new DomainError(msg('team.errors.invitationGone'));
  return inv;
}

export async function revokeInvitation(db: Db, actor: TeamActor, invitationId: string, at: Date): Promise<void> {
  if (!canManageUsers(actor.role)) throw new DomainError(msg('team.errors.notAllowed'));
  await db.transaction(async (tx) => {
    const inv = await openInvitation(tx, actor.accountId, invitationId);
    if (inv.role === 'admin' && actor.role !== 'owner') throw new DomainError(msg('team.errors.notAllowed'));
    await tx.update(invitations).set({ revokedAt: at }).where(eq(invitations.id, inv.id));
    await recordAudit(tx, auditActor(actor), { action: 'user.invitation_revoked', accountId: actor.accountId, target: `invitation:${inv.id}`, details: { email: inv.email } });
  });
}

/** A fresh link (the old one stops working) and 7 more days; an expired invitation needs a free seat again. */
export async function resendInvitation(db: Db, actor: TeamActor, invitationId: string, at: Date, locale: Locale): Promise<void> {
  if (!canManageUsers(actor.role)) throw new DomainError(msg('team.errors.notAllowed'));
  await db.transaction(async (tx) => {
    await lockSubscription(tx, actor.accountId);
    const inv = await openInvitation(tx, actor.accountId, invitationId);
    if (inv.expiresAt <= at) {
      const refusal = refusalFor(inviteDecision(await seatPlan(tx, actor.accountId), await seatsTaken(tx, actor.accountId, at)));
      if (refusal) throw refusal;
    }
    const token = randomBytes(32).toString('base64url');
    await tx.update(invitations).set({ tokenHash: hashToken(token), expiresAt: new Date(at.getTime() + INVITATION_DAYS * DAY_MS) }).where(eq(invitations.id, inv.id));
    await recordAudit(tx, auditActor(actor), { action: 'user.invitation_resent', accountId: actor.accountId, target: `invitation:${inv.id}`, details: { email: inv.email } });
    await queueInvitationEmail(tx, actor, inv.email!, { role: inv.role, token }, locale);
  });
}

/** The users page: people and open invitations, the owner first, then by name. */
export async function listTeam(db: Executor, accountId: string, at: Date) {
  const people = await db
    .select({ id: users.id, fullName: users.fullName, email: users.email, role: users.role, lastActiveAt: users.lastActiveAt, createdAt: users.createdAt })
    .from(users)
    .where(and(eq(users.accountId, accountId), isNull(users.deletedAt), ne(users.role, 'staff')));
  const pending = await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.accountId, accountId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
  const collator = new Intl.Collator('sk');
  people.sort((a, b) => (a.role === 'owner' ? -1 : b.role === 'owner' ? 1 : collator.compare(a.fullName, b.fullName)));
  return {
    people: people as (Omit<(typeof people)[number], 'role'> & { role: MemberRole })[],
    invitations: pending.map((p) => ({ ...p, expired: p.expiresAt <= at })),
  };
}
