// ACC-8: what staff do with a flagged login, and the surcharge lines of renewal invoices.
// Decision (RULES ACC-8): one seat at the account's plan price, per shared login, per month. The
// price is taken when each renewal invoice is issued — the same per-seat price the invoice's seats
// use — so an announced price change applies to the surcharge like to the seats.
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { inList } from '@/db/bulk';
import type { Db, Executor } from '@/db/client';
import { accounts, loginSharingFlags, loginSurcharges, plans, subscriptions, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { queueOwnerEmail } from '@/lib/billing/charges';
import type { Line } from '@/lib/billing/money';
import type { Interval } from '@/lib/billing/periods';
import { appUrl } from '@/lib/http/request';
import type { Locale } from '@/lib/i18n/config';
import { msg } from '@/lib/i18n/message-ref';
import { translatorFor } from '@/lib/i18n/translator';
import { monthsIn } from './rules';

export type SharingStatus = (typeof loginSharingFlags.$inferSelect)['status'];

/** The staff list: flagged logins with their evidence, the account, and any running surcharge. */
export async function listSharingFlags(db: Executor, status?: SharingStatus) {
  return db
    .select({
      id: loginSharingFlags.id,
      status: loginSharingFlags.status,
      flaggedAt: loginSharingFlags.flaggedAt,
      firstSeenAt: loginSharingFlags.firstSeenAt,
      lastSeenAt: loginSharingFlags.lastSeenAt,
      days: loginSharingFlags.days,
      evidence: loginSharingFlags.evidence,
      decidedAt: loginSharingFlags.decidedAt,
      accountId: accounts.id,
      accountSlug: accounts.slug,
      companyName: accounts.companyName,
      userId: users.id,
      userName: users.fullName,
      userEmail: users.email,
      userRole: users.role,
      surchargeId: loginSurcharges.id,
      surchargeStartedAt: loginSurcharges.startedAt,
    })
    .from(loginSharingFlags)
    .innerJoin(users, eq(users.id, loginSharingFlags.userId))
    .innerJoin(accounts, eq(accounts.id, loginSharingFlags.accountId))
    .leftJoin(loginSurcharges, and(eq(loginSurcharges.flagId, loginSharingFlags.id), isNull(loginSurcharges.endedAt)))
    .where(status ? eq(loginSharingFlags.status, status) : undefined)
    .orderBy(desc(loginSharingFlags.flaggedAt))
    .limit(500);
}
export type SharingFlagRow = Awaited<ReturnType<typeof listSharingFlags>>[number];

/** The seat price a surcharge is billed at now (for the owner's email): the plan's monthly per-seat price. */
async function billableSeatPrice(tx: Executor, accountId: string): Promise<number> {
  const [sub] = await tx
    .select({ status: subscriptions.status, lifetime: subscriptions.lifetime, monthly: plans.seatPriceMonthlyCents })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .where(eq(subscriptions.accountId, accountId))
    .limit(1);
  // Renewal invoices carry the surcharge, and on a lifetime deal the monthly extra-user invoice
  // (per day, in arrears: billExtraSeats). A free or ended plan has no invoice to carry it.
  if (!sub || sub.status === 'canceled' || sub.monthly <= 0) throw new DomainError(msg('loginSharing.errors.noPaidPlan'));
  return sub.monthly;
}

/** Staff add the monthly surcharge for a flagged login; the owner is emailed in their language. */
export async function addSharingSurcharge(db: Db, flagId: string, actor: Actor, at: Date): Promise<{ surchargeId: string; monthlyCents: number }> {
  return db.transaction(async (tx) => {
    const [flag] = await tx
      .select({ id: loginSharingFlags.id, status: loginSharingFlags.status, userId: loginSharingFlags.userId, accountId: loginSharingFlags.accountId, days: loginSharingFlags.days, firstSeenAt: loginSharingFlags.firstSeenAt, lastSeenAt: loginSharingFlags.lastSeenAt, name: users.fullName, email: users.email, deletedAt: users.deletedAt })
      .from(loginSharingFlags)
      .innerJoin(users, eq(users.id, loginSharingFlags.userId))
      .where(eq(loginSharingFlags.id, flagId))
      .for('update', { of: loginSharingFlags });
    if (!flag) throw new DomainError(msg('loginSharing.errors.notFound'));
    if (flag.status !== 'open' || flag.deletedAt) throw new DomainError(msg('loginSharing.errors.alreadyDecided'));
    const monthlyCents = await billableSeatPrice(tx, flag.accountId);
    const [surcharge] = await tx
      .insert(loginSurcharges)
      .values({ accountId: flag.accountId, userId: flag.userId, flagId: flag.id, startedAt: at, createdBy: actor.id ?? null })
      .returning({ id: loginSurcharges.id });
    await tx.update(loginSharingFlags).set({ status: 'surcharged', decidedAt: at, decidedBy: actor.id ?? null }).where(eq(loginSharingFlags.id, flag.id));
    await recordAudit(tx, actor, {
      action: 'login_sharing.surcharge_added',
      accountId: flag.accountId,
      target: `user:${flag.userId}`,
      details: { flag: flag.id, surcharge: surcharge.id, monthlyCents },
    });
    await queueOwnerEmail(tx, flag.accountId, (mail) => ({
      subject: mail.t('email.loginSharing.subject'),
      paragraphs: [
        mail.t('email.loginSharing.found', { name: flag.name, login: flag.email ?? flag.name, days: flag.days, from: mail.date(flag.firstSeenAt), to: mail.date(flag.lastSeenAt) }),
        mail.t('email.loginSharing.surcharge', { amount: mail.money(monthlyCents) }),
        mail.t('email.loginSharing.ownLogins'),
      ],
      action: { label: mail.t('email.loginSharing.action'), url: `${appUrl()}/account/users` },
    }));
    return { surchargeId: surcharge.id, monthlyCents };
  });
}

/** Staff dismiss a flag: nothing is charged, and the login is not flagged again. */
export async function dismissSharingFlag(db: Db, flagId: string, actor: Actor, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(loginSharingFlags)
      .set({ status: 'dismissed', decidedAt: at, decidedBy: actor.id ?? null })
      .where(and(eq(loginSharingFlags.id, flagId), eq(loginSharingFlags.status, 'open')))
      .returning({ userId: loginSharingFlags.userId, accountId: loginSharingFlags.accountId });
    if (!row) throw new DomainError(msg('loginSharing.errors.alreadyDecided'));
    await recordAudit(tx, actor, { action: 'login_sharing.dismissed', accountId: row.accountId, target: `user:${row.userId}`, details: { flag: flagId } });
  });
}

/** Staff end a running surcharge (e.g. the account gave each person their own login). */
export async function endSharingSurcharge(db: Db, surchargeId: string, actor: Actor, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(loginSurcharges)
      .set({ endedAt: at })
      .where(and(eq(loginSurcharges.id, surchargeId), isNull(loginSurcharges.endedAt)))
      .returning({ userId: loginSurcharges.userId, accountId: loginSurcharges.accountId });
    if (!row) throw new DomainError(msg('loginSharing.errors.surchargeEnded'));
    await recordAudit(tx, actor, { action: 'login_sharing.surcharge_ended', accountId: row.accountId, target: `user:${row.userId}`, details: { surcharge: surchargeId } });
  });
}

/** "Shared login surcharge: Jana Nováková", in the document's language. */
export function surchargeLineDescription(userName: string, locale: Locale = 'en'): string {
  return translatorFor(locale)('pdf.lines.sharedLoginSurcharge', { name: userName });
}

export interface RenewalForSurcharge {
  accountId: string;
  /** The period the renewal invoice is for, and when it is issued: a surcharge added before the */
  /** invoice is issued and not ended before the period starts is billed for the whole period. */
  periodStart: Date;
  issuedAt: Date;
  interval: Interval;
  seatPriceMonthlyCents: number;
  locale: Locale;
}

/**
 * ACC-8: the surcharge lines of a batch of renewal invoices, by account, in one query: per running
 * surcharge, quantity = the months the period covers, unit = one seat's monthly price of the plan.
 */
export async function surchargeLinesForRenewals(db: Executor, renewals: RenewalForSurcharge[]): Promise<Map<string, Line[]>> {
  const out = new Map<string, Line[]>();
  if (!renewals.length) return out;
  const rows = await db
    .select({ accountId: loginSurcharges.accountId, startedAt: loginSurcharges.startedAt, endedAt: loginSurcharges.endedAt, name: users.fullName })
    .from(loginSurcharges)
    .innerJoin(users, eq(users.id, loginSurcharges.userId))
    .where(inList(loginSurcharges.accountId, renewals.map((r) => r.accountId)))
    .orderBy(loginSurcharges.startedAt);
  const byAccount = new Map(renewals.map((r) => [r.accountId, r]));
  for (const s of rows) {
    const r = byAccount.get(s.accountId)!;
    if (s.startedAt > r.issuedAt || (s.endedAt && s.endedAt <= r.periodStart) || r.seatPriceMonthlyCents <= 0) continue;
    const lines = out.get(s.accountId) ?? [];
    lines.push({ description: surchargeLineDescription(s.name, r.locale), quantity: monthsIn(r.interval), unitPriceCents: r.seatPriceMonthlyCents });
    out.set(s.accountId, lines);
  }
  return out;
}

/**
 * ACC-8 on a lifetime deal: the account's surcharges that began before `before`, as seat intervals
 * for the monthly extra-user invoice (billed per day like an extra user, none of them free).
 */
export async function surchargeIntervals(db: Executor, accountId: string, before: Date) {
  return db
    .select({ id: loginSurcharges.id, start: loginSurcharges.startedAt, end: loginSurcharges.endedAt, name: users.fullName })
    .from(loginSurcharges)
    .innerJoin(users, eq(users.id, loginSurcharges.userId))
    .where(and(eq(loginSurcharges.accountId, accountId), lt(loginSurcharges.startedAt, before)))
    .orderBy(loginSurcharges.startedAt);
}

/** A removed login is shared by no one any more: its surcharge ends with it (called in the removal's transaction). */
export async function endSurchargesOfRemovedLogin(tx: Executor, userId: string, at: Date): Promise<void> {
  await tx.update(loginSurcharges).set({ endedAt: at }).where(and(eq(loginSurcharges.userId, userId), isNull(loginSurcharges.endedAt)));
}
