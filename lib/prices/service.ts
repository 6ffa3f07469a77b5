// PLAN-5: staff schedule, withdraw and (through a sweep) apply per-seat price changes. Announcing
// and withdrawing email every affected owner in their language, in the same transaction; the
// renewal sweep prices each period by the change in force when the period starts.
import { and, asc, desc, eq, gt, inArray, isNull, lte, ne } from 'drizzle-orm';
import { inList } from '@/db/bulk';
import type { Db, Executor, Tx } from '@/db/client';
import { accounts, planPriceChanges, plans, subscriptions, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, SYSTEM, type Actor } from '@/lib/audit';
import { now } from '@/lib/clock';
import { emailKit } from '@/lib/email/locale';
import { queueEmails } from '@/lib/email/outbox';
import type { EmailContent } from '@/lib/email/render';
import { appUrl } from '@/lib/http/request';
import type { Locale } from '@/lib/i18n/config';
import { formattersFor } from '@/lib/i18n/format';
import { msg } from '@/lib/i18n/message-ref';
import { effectiveDateRefusal, effectiveInstant, pricesInForce, type SeatPrices } from './rules';
import type { SchedulePriceChangeInput } from './schemas';

export type PriceChange = typeof planPriceChanges.$inferSelect;

/**
 * Who a price change affects (decision): owners of accounts on the plan that are still billed per
 * seat — in a trial, active, past due or suspended for an unpaid invoice — and lifetime-deal
 * accounts on it: their lifetime seats are paid once and never change price, but users beyond them
 * are billed at the plan's monthly per-seat price (APS), so they are told about that. Stopped
 * accounts (canceled) are not told.
 */
const BILLED_STATUSES = ['trialing', 'active', 'past_due', 'suspended', 'lifetime'] as const;

interface AffectedOwner {
  accountId: string;
  email: string;
  name: string;
  locale: Locale;
  interval: 'monthly' | 'yearly';
  lifetime: boolean;
}

async function affectedOwners(tx: Executor, planId: string): Promise<AffectedOwner[]> {
  const rows = await tx
    .select({
      accountId: subscriptions.accountId,
      email: users.email,
      name: users.fullName,
      locale: users.locale,
      interval: subscriptions.interval,
      lifetime: subscriptions.lifetime,
    })
    .from(subscriptions)
    .innerJoin(accounts, eq(accounts.id, subscriptions.accountId))
    .innerJoin(users, and(eq(users.accountId, subscriptions.accountId), eq(users.role, 'owner'), isNull(users.deletedAt)))
    .where(
      and(
        eq(subscriptions.planId, planId),
        inArray(subscriptions.status, [...BILLED_STATUSES]),
        ne(accounts.status, 'stopped'),
      ),
    )
    .orderBy(asc(subscriptions.accountId));
  const seen = new Set<string>();
  const out: AffectedOwner[] = [];
  for (const r of rows) {
    if (!r.email || seen.has(r.accountId)) continue;
    seen.add(r.accountId);
    out.push({ accountId: r.accountId, email: r.email, name: r.name, locale: r.locale, interval: r.interval, lifetime: r.lifetime });
  }
  return out;
}

type PlanRow = typeof plans.$inferSelect;

function announcementEmail(owner: AffectedOwner, plan: Pick<PlanRow, 'name'>, change: PriceChange): EmailContent {
  const mail = emailKit(owner.locale);
  const date = mail.date(change.effectiveAt);
  return {
    locale: owner.locale,
    subject: mail.t('prices.email.announced.subject', { plan: plan.name, date }),
    greeting: mail.greeting(owner.name),
    paragraphs: [
      mail.t('prices.email.announced.change', {
        plan: plan.name,
        date,
        newMonthly: mail.money(change.newMonthlyCents),
        newYearly: mail.money(change.newYearlyCents),
        oldMonthly: mail.money(change.oldMonthlyCents),
        oldYearly: mail.money(change.oldYearlyCents),
      }),
      owner.lifetime
        ? mail.t('prices.email.announced.yoursLifetime', { date, price: mail.money(change.newMonthlyCents) })
        : mail.t(owner.interval === 'monthly' ? 'prices.email.announced.yoursMonthly' : 'prices.email.announced.yoursYearly', {
            date,
            price: mail.money(owner.interval === 'monthly' ? change.newMonthlyCents : change.newYearlyCents),
          }),
      mail.t('prices.email.announced.options'),
    ],
    action: { label: mail.t('prices.email.announced.action'), url: `${appUrl()}/account/billing` },
  };
}

function withdrawalEmail(owner: AffectedOwner, plan: Pick<PlanRow, 'name'>, change: PriceChange): EmailContent {
  const mail = emailKit(owner.locale);
  const date = mail.date(change.effectiveAt);
  return {
    locale: owner.locale,
    subject: mail.t('prices.email.withdrawn.subject', { plan: plan.name }),
    greeting: mail.greeting(owner.name),
    paragraphs: [
      mail.t('prices.email.withdrawn.text', {
        plan: plan.name,
        date,
        newMonthly: mail.money(change.newMonthlyCents),
        oldMonthly: mail.money(change.oldMonthlyCents),
        oldYearly: mail.money(change.oldYearlyCents),
      }),
    ],
    action: { label: mail.t('prices.email.withdrawn.action'), url: `${appUrl()}/account/billing` },
  };
}

/**
 * PLAN-5: schedules a new per-seat price for a plan. The effective date must be at least 30 days
 * after the announcement (`at`); every affected owner is emailed at once, in the same transaction.
 * `locale` is the staff member's language, for the refusal naming the earliest allowed date.
 */
export async function schedulePriceChange(db: Db, input: SchedulePriceChangeInput, actor: Actor, at: Date, locale: Locale = 'en'): Promise<{ change: PriceChange; recipients: number }> {
  const refusal = effectiveDateRefusal(input.effectiveDate, at);
  if (refusal) {
    const f = formattersFor(locale);
    throw new DomainError(msg('prices.errors.tooSoon', { earliest: f.date(effectiveInstant(refusal.earliest)) }), 'effectiveDate');
  }
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, input.planId)).for('update');
    if (!plan || plan.seatPriceMonthlyCents <= 0) throw new DomainError(msg('prices.errors.notPaidPlan'), 'planId');
    const [pending] = await tx
      .select({ id: planPriceChanges.id })
      .from(planPriceChanges)
      .where(and(eq(planPriceChanges.planId, plan.id), isNull(planPriceChanges.withdrawnAt), isNull(planPriceChanges.appliedAt)));
    if (pending) throw new DomainError(msg('prices.errors.alreadyScheduled'), 'planId');
    if (input.newMonthly === plan.seatPriceMonthlyCents && input.newYearly === plan.seatPriceYearlyCents)
      throw new DomainError(msg('prices.errors.samePrice'), 'newMonthly');
    const owners = await affectedOwners(tx, plan.id);
    const [change] = await tx
      .insert(planPriceChanges)
      .values({
        planId: plan.id,
        oldMonthlyCents: plan.seatPriceMonthlyCents,
        oldYearlyCents: plan.seatPriceYearlyCents,
        newMonthlyCents: input.newMonthly,
        newYearlyCents: input.newYearly,
        effectiveAt: effectiveInstant(input.effectiveDate),
        announcedAt: at,
        announcedBy: actor.id ?? null,
        recipients: owners.length,
      })
      .returning();
    await queueEmails(
      tx,
      owners.map((o) => ({ to: o.email, content: announcementEmail(o, plan, change), accountId: o.accountId })),
    );
    await recordAudit(tx, actor, {
      action: 'price_change.scheduled',
      target: `plan:${plan.code}`,
      details: {
        change: change.id,
        effectiveDate: input.effectiveDate,
        oldMonthlyCents: change.oldMonthlyCents,
        oldYearlyCents: change.oldYearlyCents,
        newMonthlyCents: change.newMonthlyCents,
        newYearlyCents: change.newYearlyCents,
        recipients: owners.length,
      },
    });
    return { change, recipients: owners.length };
  });
}

/** PLAN-5: withdraws a scheduled change before it takes effect; the affected owners are told. */
export async function withdrawPriceChange(db: Db, changeId: string, actor: Actor, at: Date): Promise<{ recipients: number }> {
  return db.transaction(async (tx) => {
    const [change] = await tx
      .update(planPriceChanges)
      .set({ withdrawnAt: at, withdrawnBy: actor.id ?? null })
      .where(
        and(
          eq(planPriceChanges.id, changeId),
          isNull(planPriceChanges.withdrawnAt),
          isNull(planPriceChanges.appliedAt),
          gt(planPriceChanges.effectiveAt, at),
        ),
      )
      .returning();
    if (!change) throw new DomainError(msg('prices.errors.notWithdrawable'));
    const [plan] = await tx.select().from(plans).where(eq(plans.id, change.planId));
    const owners = await affectedOwners(tx, plan.id);
    await queueEmails(
      tx,
      owners.map((o) => ({ to: o.email, content: withdrawalEmail(o, plan, change), accountId: o.accountId })),
    );
    await recordAudit(tx, actor, { action: 'price_change.withdrawn', target: `plan:${plan.code}`, details: { change: change.id, recipients: owners.length } });
    return { recipients: owners.length };
  });
}

/**
 * PLAN-5 sweep: on its effective day a change's prices are written into the plan (so /pricing,
 * new subscriptions and upgrades use them) and the change is marked applied. One change per
 * transaction, claimed with SKIP LOCKED; runs before the renewal sweep.
 */
export async function applyDuePriceChanges(db: Db): Promise<number> {
  let applied = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const at = now();
      const [change] = await tx
        .select()
        .from(planPriceChanges)
        .where(and(isNull(planPriceChanges.appliedAt), isNull(planPriceChanges.withdrawnAt), lte(planPriceChanges.effectiveAt, at)))
        .orderBy(asc(planPriceChanges.effectiveAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!change) return false;
      const [plan] = await tx
        .update(plans)
        .set({ seatPriceMonthlyCents: change.newMonthlyCents, seatPriceYearlyCents: change.newYearlyCents })
        .where(eq(plans.id, change.planId))
        .returning({ code: plans.code });
      await tx.update(planPriceChanges).set({ appliedAt: at }).where(eq(planPriceChanges.id, change.id));
      await recordAudit(tx, SYSTEM, {
        action: 'price_change.applied',
        target: `plan:${plan.code}`,
        details: { change: change.id, newMonthlyCents: change.newMonthlyCents, newYearlyCents: change.newYearlyCents },
      });
      return true;
    });
    if (!done) return applied;
    applied++;
  }
}

interface Priced {
  planId: string;
  periodStart: Date | null;
  plan: { name: string; seatPriceMonthlyCents: number; seatPriceYearlyCents: number };
}

/**
 * PLAN-5, for the renewal sweep: each period priced by the change in force when it starts (its
 * start on or after a change's effective instant → the new price, even when the apply sweep has
 * not run yet; a period that started before it → the old price, even when the sweep ran late).
 */
export async function withPricesInForce<T extends Priced>(tx: Tx, due: T[]): Promise<T[]> {
  const planIds = [...new Set(due.map((d) => d.planId))];
  if (!planIds.length) return due;
  const changes = await tx
    .select()
    .from(planPriceChanges)
    .where(and(inList(planPriceChanges.planId, planIds), isNull(planPriceChanges.withdrawnAt)));
  if (!changes.length) return due;
  const byPlan = new Map<string, PriceChange[]>();
  for (const c of changes) byPlan.set(c.planId, [...(byPlan.get(c.planId) ?? []), c]);
  return due.map((d) => {
    const planChanges = byPlan.get(d.planId);
    if (!planChanges || !d.periodStart) return d;
    const current: SeatPrices = { monthlyCents: d.plan.seatPriceMonthlyCents, yearlyCents: d.plan.seatPriceYearlyCents };
    const p = pricesInForce(current, planChanges, d.periodStart);
    return { ...d, plan: { ...d.plan, seatPriceMonthlyCents: p.monthlyCents, seatPriceYearlyCents: p.yearlyCents } };
  });
}

export interface UpcomingPrice {
  planName: string;
  interval: 'monthly' | 'yearly';
  /** A lifetime deal: only users beyond the lifetime seats are billed, monthly. */
  lifetime: boolean;
  effectiveAt: Date;
  currentCents: number;
  newCents: number;
}

/** PLAN-5: the scheduled price change an owner's subscription will renew into, if any. */
export async function upcomingPriceForAccount(db: Executor, accountId: string, at: Date): Promise<UpcomingPrice | null> {
  const [row] = await db
    .select({ planName: plans.name, interval: subscriptions.interval, lifetime: subscriptions.lifetime, change: planPriceChanges })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .innerJoin(planPriceChanges, eq(planPriceChanges.planId, subscriptions.planId))
    .where(
      and(
        eq(subscriptions.accountId, accountId),
        inArray(subscriptions.status, [...BILLED_STATUSES]),
        isNull(planPriceChanges.withdrawnAt),
        isNull(planPriceChanges.appliedAt),
        gt(planPriceChanges.effectiveAt, at),
      ),
    )
    .orderBy(asc(planPriceChanges.effectiveAt))
    .limit(1);
  if (!row) return null;
  const monthly = row.lifetime || row.interval === 'monthly';
  return {
    planName: row.planName,
    interval: row.interval,
    lifetime: row.lifetime,
    effectiveAt: row.change.effectiveAt,
    currentCents: monthly ? row.change.oldMonthlyCents : row.change.oldYearlyCents,
    newCents: monthly ? row.change.newMonthlyCents : row.change.newYearlyCents,
  };
}

export interface PlanPrices {
  plan: PlanRow;
  scheduled: PriceChange | null;
}

/** The staff page: every paid plan with its current prices and scheduled change, and the history. */
export async function listPlanPrices(db: Executor, historyLimit = 50): Promise<{ plans: PlanPrices[]; history: (PriceChange & { planName: string })[] }> {
  const [allPlans, pending, history] = await Promise.all([
    db.select().from(plans).orderBy(asc(plans.sortOrder)),
    db.select().from(planPriceChanges).where(and(isNull(planPriceChanges.withdrawnAt), isNull(planPriceChanges.appliedAt))),
    db
      .select({ change: planPriceChanges, planName: plans.name })
      .from(planPriceChanges)
      .innerJoin(plans, eq(plans.id, planPriceChanges.planId))
      .orderBy(desc(planPriceChanges.announcedAt))
      .limit(historyLimit),
  ]);
  const pendingBy = new Map(pending.map((c) => [c.planId, c]));
  return {
    plans: allPlans.filter((p) => p.seatPriceMonthlyCents > 0).map((plan) => ({ plan, scheduled: pendingBy.get(plan.id) ?? null })),
    history: history.map((h) => ({ ...h.change, planName: h.planName })),
  };
}

/** PLAN-5 on /pricing: the announced changes of public plans that have not taken effect yet, by plan id. */
export async function announcedPriceChanges(db: Executor, at: Date): Promise<Map<string, PriceChange>> {
  const rows = await db
    .select()
    .from(planPriceChanges)
    .where(and(isNull(planPriceChanges.withdrawnAt), isNull(planPriceChanges.appliedAt), gt(planPriceChanges.effectiveAt, at)));
  return new Map(rows.map((r) => [r.planId, r]));
}
