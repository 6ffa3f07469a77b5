// PLAN-1..PLAN-4: the owner changes plan, seats and billing period. `quotePlanChange` says what a
// change costs now and from the next renewal (with the VAT of the account's billing details, as
// its invoices carry it) and what a downgrade loses; `changePlan` carries it out in one
// transaction (subscription, invoice for a yearly upgrade, audit, emails), then charges a yearly
// upgrade's invoice at once (lib/billing/direct-charge). `applyScheduledChanges` is the renewal
// sweep's step that switches scheduled changes in before the new period is priced.
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { executedRows, inList } from '@/db/bulk';
import type { Db, Executor, Tx } from '@/db/client';
import { plans, subscriptions, users, type PartySnapshot } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, recordAudits, SYSTEM, type Actor } from '@/lib/audit';
import { currentBuyerAndLocale } from '@/lib/billing/buyer';
import { queueOwnerEmail } from '@/lib/billing/charges';
import { chargeInvoiceDirectly, handOverToCollection } from '@/lib/billing/direct-charge';
import { priceLines, type Line } from '@/lib/billing/money';
import { bratislavaDay, type Interval } from '@/lib/billing/periods';
import { periodLines } from '@/lib/billing/pricing';
import type { ChargeResult, PaymentProcessor } from '@/lib/billing/processor';
import { emailKit, type EmailKit } from '@/lib/email/locale';
import { appUrl } from '@/lib/http/request';
import type { Locale } from '@/lib/i18n/config';
import { msg } from '@/lib/i18n/message-ref';
import { issueDocument, type Invoice } from '@/lib/invoices/issue';
import { seatsTaken } from '@/lib/team/service';
import { vatTreatment, type VatTreatment } from '@/lib/vat/treatment';
import { chargeNowCents, lostFeatures, MAX_SEATS, periodPriceCents, planChange, seatsOverBy, type ChangeKind, type PlanRef, type Terms } from './rules';

export interface PlanChangeInput {
  planCode: string;
  seats: number;
  interval: Interval;
}

export interface Amount {
  netCents: number;
  vatCents: number;
  grossCents: number;
  treatment: VatTreatment;
}

export interface PlanQuote {
  kind: ChangeKind;
  trialing: boolean;
  current: Terms;
  target: Terms;
  /** Terms in force right after confirming, and what waits for the renewal. */
  now: Terms;
  scheduled: Terms | null;
  changesNow: boolean;
  /** PLAN-2: the prorated charge now (null when nothing is charged now). */
  chargeNow: Amount | null;
  /** The date the next period starts (the trial's end while trialing) and what it will cost. */
  nextRenewalAt: Date | null;
  nextRenewal: Amount;
  /** PLAN-4: what a downgrade gives up. */
  lostFeatures: string[];
  seatsFrom: number | null;
  toMonthly: boolean;
  /** PLAN-4: people above the new seat count; the change is refused until they are removed. */
  overBy: number;
  removable: { id: string; name: string; email: string | null }[];
  openInvitations: number;
}

export type SubscriptionRow = typeof subscriptions.$inferSelect;

const toRef = (p: typeof plans.$inferSelect): PlanRef => ({
  id: p.id,
  code: p.code,
  name: p.name,
  sortOrder: p.sortOrder,
  seatPriceMonthlyCents: p.seatPriceMonthlyCents,
  seatPriceYearlyCents: p.seatPriceYearlyCents,
  features: p.features,
});

/** The plans an owner may move to: the public, paid ones, cheapest first. */
export async function choosablePlans(db: Executor): Promise<PlanRef[]> {
  const rows = await db.select().from(plans).where(eq(plans.isPublic, true)).orderBy(asc(plans.sortOrder));
  return rows.filter((p) => p.seatPriceMonthlyCents > 0).map(toRef);
}

export interface PlanState {
  subscription: SubscriptionRow;
  current: Terms;
  scheduled: Terms | null;
  /** When the next period starts: the period end, or the trial's end. */
  nextRenewalAt: Date | null;
}

/** The account's subscription as terms, with its scheduled change. */
export async function planState(db: Executor, accountId: string, lock = false): Promise<PlanState | null> {
  const q = db.select().from(subscriptions).where(eq(subscriptions.accountId, accountId));
  const [sub] = lock ? await q.for('update') : await q;
  if (!sub) return null;
  const ids = [sub.planId, sub.scheduledPlanId].filter((x): x is string => !!x);
  const rows = await db.select().from(plans).where(inList(plans.id, ids));
  const byId = new Map(rows.map((p) => [p.id, toRef(p)]));
  const current: Terms = { plan: byId.get(sub.planId)!, seats: sub.seats, interval: sub.interval };
  const scheduled: Terms | null =
    sub.scheduledPlanId && sub.scheduledSeats && sub.scheduledInterval ? { plan: byId.get(sub.scheduledPlanId)!, seats: sub.scheduledSeats, interval: sub.scheduledInterval } : null;
  const nextRenewalAt = sub.status === 'trialing' ? sub.trialEndsAt : sub.currentPeriodEnd;
  return { subscription: sub, current, scheduled, nextRenewalAt };
}

function amountOf(buyer: PartySnapshot, lines: Line[], at: Date): Amount {
  const treatment = vatTreatment({ country: buyer.country, vatNumber: buyer.vatNumber, day: bratislavaDay(at) });
  const { netCents, vatCents, grossCents } = priceLines(lines, treatment.rate);
  return { netCents, vatCents, grossCents, treatment };
}

/** The line of a yearly upgrade's invoice, in the invoice's language. */
function upgradeLine(mail: EmailKit, terms: Terms, from: Date, to: Date, netCents: number): Line {
  return {
    description: mail.t('plans.invoice.upgradeLine', { plan: terms.plan.name, seats: terms.seats, from: mail.date(from), to: mail.date(to) }),
    quantity: 1,
    unitPriceCents: netCents,
  };
}

/** Refuses a change the account's state does not allow (PLAN rules apply to paying and trial accounts). */
function checkChangeable(sub: SubscriptionRow): void {
  if (sub.status === 'lifetime' || sub.lifetime) throw new DomainError(msg('plans.errors.lifetime'));
  if (sub.status === 'canceled') throw new DomainError(msg('plans.errors.canceled'));
  if (sub.status === 'past_due' || sub.status === 'suspended' || sub.dunningInvoiceId) throw new DomainError(msg('plans.errors.openInvoice'));
}

async function seatHolders(db: Executor, accountId: string, at: Date) {
  const people = await db
    .select({ id: users.id, name: users.fullName, email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(and(eq(users.accountId, accountId), isNull(users.deletedAt), ne(users.role, 'staff')))
    .orderBy(desc(users.createdAt));
  const taken = await seatsTaken(db, accountId, at);
  return { people, taken, openInvitations: taken - people.length };
}

/** Builds the quote of a change for a locked (or read) plan state; throws what the owner must fix. */
async function quoteFor(db: Executor, accountId: string, state: PlanState, input: PlanChangeInput, at: Date): Promise<{ quote: PlanQuote; buyer: PartySnapshot; locale: Locale }> {
  const sub = state.subscription;
  checkChangeable(sub);
  const all = await choosablePlans(db);
  const plan = all.find((p) => p.code === input.planCode);
  if (!plan) throw new DomainError(msg('plans.errors.unknownPlan'), 'plan');
  if (!Number.isInteger(input.seats) || input.seats < 1 || input.seats > MAX_SEATS) throw new DomainError(msg('plans.errors.seats', { max: MAX_SEATS }), 'seats');
  const trialing = sub.status === 'trialing';
  const target: Terms = { plan, seats: input.seats, interval: input.interval };
  const split = planChange(state.current, target, trialing);
  if (split.kind === 'none') throw new DomainError(msg(state.scheduled ? 'plans.errors.sameAsCurrentScheduled' : 'plans.errors.sameAsCurrent'), 'plan');
  const { buyer, locale } = await currentBuyerAndLocale(db, accountId);
  const net = chargeNowCents({ current: state.current, immediate: split.now, trialing, periodStart: sub.currentPeriodStart, periodEnd: sub.currentPeriodEnd, at });
  const mail = emailKit(locale);
  const chargeNow = net > 0 ? amountOf(buyer, [upgradeLine(mail, split.now, at, sub.currentPeriodEnd!, net)], at) : null;
  const renewalTerms = split.scheduled ?? split.now;
  const nextRenewal = amountOf(buyer, periodLines(renewalTerms.plan, renewalTerms.seats, renewalTerms.interval, locale), state.nextRenewalAt ?? at);
  const holders = await seatHolders(db, accountId, at);
  const overBy = seatsOverBy(holders.taken, target.seats);
  // Who is above the new seat count: the most recently added people other than the owner
  // (open invitations hold seats too; revoking one frees a seat as well).
  const removable = holders.people.filter((p) => p.role !== 'owner').slice(0, overBy);
  const quote: PlanQuote = {
    kind: split.kind,
    trialing,
    current: state.current,
    target,
    now: split.now,
    scheduled: split.scheduled,
    changesNow: split.changesNow,
    chargeNow,
    nextRenewalAt: state.nextRenewalAt,
    nextRenewal,
    lostFeatures: lostFeatures(state.current.plan, target.plan, all),
    seatsFrom: target.seats < state.current.seats ? state.current.seats : null,
    toMonthly: state.current.interval === 'yearly' && target.interval === 'monthly',
    overBy,
    removable: overBy > 0 ? removable.map((p) => ({ id: p.id, name: p.name, email: p.email })) : [],
    openInvitations: holders.openInvitations,
  };
  return { quote, buyer, locale };
}

/** PLAN-1..PLAN-4: what the change would do, for the review step. */
export async function quotePlanChange(db: Executor, accountId: string, input: PlanChangeInput, at: Date): Promise<PlanQuote> {
  const state = await planState(db, accountId);
  if (!state) throw new DomainError(msg('billing.errors.noSubscription'));
  return (await quoteFor(db, accountId, state, input, at)).quote;
}

/** How long the figure of a review step holds: confirming later reprices the change. */
export const QUOTE_VALID_MS = 15 * 60_000;

export interface ChangeOutcome {
  quote: PlanQuote;
  invoice: Invoice | null;
  charge: 'none' | 'paid' | 'declined' | 'pending';
}

const termsDetails = (t: Terms) => ({ plan: t.plan.code, seats: t.seats, interval: t.interval });

/**
 * PLAN-1..PLAN-4: carries out a change. One transaction: the subscription (the part that applies
 * now, and the scheduled rest — replacing any earlier scheduled change), a yearly upgrade's
 * invoice, the audit entries and the owner's confirmation. Then the invoice is charged at once;
 * declined, it goes to collection with dunning like a renewal (the upgrade stays: PLAN-1).
 */
export async function changePlan(
  db: Db,
  processor: PaymentProcessor,
  accountId: string,
  input: PlanChangeInput,
  actor: Actor,
  at: Date,
  opts: { quotedAt?: Date | null } = {},
): Promise<ChangeOutcome> {
  // The review step showed the charge prorated at `quotedAt`; within QUOTE_VALID_MS the charge is
  // exactly that figure (an earlier instant only ever costs the owner more, never less).
  const prorateAt = opts.quotedAt && opts.quotedAt <= at && at.getTime() - opts.quotedAt.getTime() <= QUOTE_VALID_MS ? opts.quotedAt : at;
  const { quote, invoice } = await db.transaction(async (tx) => {
    const state = await planState(tx, accountId, true);
    if (!state) throw new DomainError(msg('billing.errors.noSubscription'));
    const { quote, buyer, locale } = await quoteFor(tx, accountId, state, input, prorateAt);
    if (quote.overBy > 0) throw new DomainError(msg('plans.errors.tooManyUsers', { over: quote.overBy, seats: quote.target.seats }), 'seats');
    const sched = quote.scheduled;
    await tx
      .update(subscriptions)
      .set({
        planId: quote.now.plan.id,
        seats: quote.now.seats,
        interval: quote.now.interval,
        scheduledPlanId: sched?.plan.id ?? null,
        scheduledSeats: sched?.seats ?? null,
        scheduledInterval: sched?.interval ?? null,
        changeScheduledAt: sched ? at : null,
        updatedAt: at,
      })
      .where(eq(subscriptions.accountId, accountId));
    let invoice: Invoice | null = null;
    if (quote.chargeNow) {
      const mail = emailKit(locale);
      invoice = await issueDocument(tx, {
        accountId,
        kind: 'invoice',
        reason: 'upgrade',
        buyer,
        locale,
        issuedAt: at,
        periodStart: at,
        periodEnd: state.subscription.currentPeriodEnd,
        lines: [upgradeLine(mail, quote.now, prorateAt, state.subscription.currentPeriodEnd!, quote.chargeNow.netCents)],
      });
      if (invoice.grossCents !== quote.chargeNow.grossCents) throw new Error('The upgrade invoice differs from its quote');
    }
    if (quote.changesNow) {
      await recordAudit(tx, actor, {
        action: 'plan.changed',
        accountId,
        target: invoice ? `invoice:${invoice.number}` : null,
        details: { from: termsDetails(quote.current), to: termsDetails(quote.now), chargedNetCents: quote.chargeNow?.netCents ?? 0, trialing: quote.trialing },
      });
    }
    if (sched) await recordAudit(tx, actor, { action: 'plan.change_scheduled', accountId, details: { from: termsDetails(quote.now), to: termsDetails(sched), at: state.nextRenewalAt?.toISOString() ?? null } });
    else if (state.scheduled) await recordAudit(tx, actor, { action: 'plan.scheduled_change_canceled', accountId, details: { was: termsDetails(state.scheduled), replacedBy: 'change' } });
    await queueOwnerEmail(tx, accountId, (mail) => changeEmail(mail, quote, invoice));
    return { quote, invoice };
  });
  if (!invoice) return { quote, invoice: null, charge: 'none' };
  const { result, handedOver } = await chargeInvoiceDirectly(db, processor, invoice, { reason: 'upgrade', queuedAction: 'plan.upgrade_collection_queued' });
  if (result === null && !handedOver) await handOverUnanswered(db, invoice);
  return { quote, invoice, charge: chargeOutcome(result) };
}

function chargeOutcome(result: ChargeResult | null): ChangeOutcome['charge'] {
  if (!result) return 'pending';
  return result.status === 'succeeded' ? 'paid' : 'declined';
}

/**
 * No answer from the processor (or no method): the invoice goes to collection, which repeats the
 * same charge key — so a charge that did go through is not made twice.
 */
async function handOverUnanswered(db: Db, invoice: Invoice): Promise<void> {
  await db.transaction(async (tx) => {
    const handed = await handOverToCollection(tx, invoice.accountId, invoice.id, invoice.issuedAt);
    await recordAudit(tx, SYSTEM, { action: 'plan.upgrade_collection_queued', accountId: invoice.accountId, target: `invoice:${invoice.number}`, details: { handedOver: handed, reason: 'no_answer' } });
  });
}

const termsText = (mail: EmailKit, t: Terms) => mail.t('plans.email.terms', { plan: t.plan.name, seats: t.seats, period: mail.t(`plans.period.${t.interval}`) });

function changeEmail(mail: EmailKit, quote: PlanQuote, invoice: Invoice | null) {
  const paragraphs: string[] = [];
  if (quote.changesNow) paragraphs.push(mail.t('plans.email.changedNow', { terms: termsText(mail, quote.now) }));
  if (invoice) paragraphs.push(mail.t('plans.email.upgradeInvoice', { number: invoice.number, amount: mail.money(invoice.grossCents) }));
  else if (quote.changesNow && !quote.trialing) paragraphs.push(mail.t('plans.email.noChargeNow'));
  if (quote.scheduled && quote.nextRenewalAt) {
    paragraphs.push(mail.t('plans.email.scheduled', { terms: termsText(mail, quote.scheduled), date: mail.date(quote.nextRenewalAt) }));
    paragraphs.push(mail.t('plans.email.noRefund'));
  }
  if (quote.nextRenewalAt) paragraphs.push(mail.t('plans.email.nextRenewal', { date: mail.date(quote.nextRenewalAt), amount: mail.money(quote.nextRenewal.grossCents) }));
  return {
    subject: quote.changesNow ? mail.t('plans.email.changedSubject') : mail.t('plans.email.scheduledSubject'),
    paragraphs,
    action: { label: mail.t('plans.email.action'), url: `${appUrl()}/account/plan` },
  };
}

/** PLAN-4: the owner calls off a scheduled change before the renewal. */
export async function cancelScheduledChange(db: Db, accountId: string, actor: Actor, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const state = await planState(tx, accountId, true);
    if (!state?.scheduled) throw new DomainError(msg('plans.errors.nothingScheduled'));
    await tx
      .update(subscriptions)
      .set({ scheduledPlanId: null, scheduledSeats: null, scheduledInterval: null, changeScheduledAt: null, updatedAt: at })
      .where(eq(subscriptions.accountId, accountId));
    await recordAudit(tx, actor, { action: 'plan.scheduled_change_canceled', accountId, details: { was: termsDetails(state.scheduled) } });
    const scheduled = state.scheduled;
    await queueOwnerEmail(tx, accountId, (mail) => ({
      subject: mail.t('plans.email.canceledSubject'),
      paragraphs: [mail.t('plans.email.canceled', { terms: termsText(mail, scheduled), current: termsText(mail, state.current) })],
      action: { label: mail.t('plans.email.action'), url: `${appUrl()}/account/plan` },
    }));
  });
}

/** A subscription the renewal sweep is about to price. */
export interface RenewingRow {
  accountId: string;
  seats: number;
  interval: Interval;
  anchor: Date | null;
  periodStart: Date | null;
  previousStart: Date | null;
  planId: string;
  plan: { name: string; seatPriceMonthlyCents: number; seatPriceYearlyCents: number };
}

/**
 * PLAN-3/PLAN-4: inside the renewal sweep's transaction, before the new period is priced, the
 * claimed subscriptions with a scheduled change switch to it — in one statement for the whole
 * batch. A change of billing period starts a new anchor at the renewal, so the new period is a
 * whole month or year. The seat count never drops below the people on the account (they may
 * have been invited back meanwhile): nobody is locked out, and every active user is billed.
 * Returns the rows with the terms the renewal is priced at.
 */
export async function applyScheduledChanges<R extends RenewingRow>(tx: Tx, rows: R[], at: Date): Promise<R[]> {
  if (!rows.length) return rows;
  const ids = rows.map((r) => r.accountId);
  type Changed = { account_id: string; plan_id: string; seats: number; interval: Interval; period_anchor: string | Date | null; code: string; name: string; seat_price_monthly_cents: number; seat_price_yearly_cents: number };
  const changed = executedRows<Changed>(
    await tx.execute(sql`
      update subscriptions set
        plan_id = subscriptions.scheduled_plan_id,
        seats = greatest(subscriptions.scheduled_seats, (select count(*)::int from users u where u.account_id = subscriptions.account_id and u.deleted_at is null and u.role <> 'staff')),
        interval = subscriptions.scheduled_interval,
        period_anchor = case when subscriptions.scheduled_interval <> subscriptions.interval then subscriptions.current_period_end else subscriptions.period_anchor end,
        scheduled_plan_id = null,
        scheduled_seats = null,
        scheduled_interval = null,
        change_scheduled_at = null,
        updated_at = ${at.toISOString()}::timestamptz
      from plans p
      where p.id = subscriptions.scheduled_plan_id and ${inList(subscriptions.accountId, ids)} and subscriptions.scheduled_seats is not null and subscriptions.scheduled_interval is not null
      returning subscriptions.account_id, subscriptions.plan_id, subscriptions.seats, subscriptions.interval, subscriptions.period_anchor, p.code, p.name, p.seat_price_monthly_cents, p.seat_price_yearly_cents`),
  );
  const byId = new Map(changed.map((r) => [r.account_id, r]));
  if (!byId.size) return rows;
  await recordAudits(
    tx,
    SYSTEM,
    [...byId.values()].map((r) => ({ action: 'plan.scheduled_change_applied', accountId: r.account_id, details: { plan: r.code, seats: Number(r.seats), interval: r.interval } })),
  );
  return rows.map((row) => {
    const c = byId.get(row.accountId);
    if (!c) return row;
    return {
      ...row,
      planId: c.plan_id,
      seats: Number(c.seats),
      interval: c.interval,
      anchor: c.period_anchor ? new Date(c.period_anchor) : row.anchor,
      plan: { ...row.plan, name: c.name, seatPriceMonthlyCents: Number(c.seat_price_monthly_cents), seatPriceYearlyCents: Number(c.seat_price_yearly_cents) },
    };
  });
}
