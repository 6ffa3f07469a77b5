// Reliability tests: a database in which every kind of time-driven work is due at one instant, so
// a race between sweep runs (two runs in one process, or two app instances on one PostgreSQL) has
// something to fight over; and the checks that prove no invoice, charge or email was made twice.
// Built through the services the app itself uses; only the facts no service sets on demand (an old
// inactivity warning, a deal still open) are written straight to the tables.
import { randomBytes } from 'node:crypto';
import { and, eq, gte, isNull, like, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, auditLog, billingProfiles, charges, deals, invoices, outbox, planPriceChanges, plans, sandboxCharges, subscriptions, users } from '@/db/schema';
import { signupSchema } from '@/lib/accounts/schemas';
import { createTestMember } from '@/lib/accounts/test-members';
import { collectOpenInvoices, issueRenewalInvoices } from '@/lib/billing/renewals';
import type { SandboxProcessor } from '@/lib/billing/sandbox-processor';
import { addPaymentMethod, startTrial } from '@/lib/billing/subscriptions';
import { setClock } from '@/lib/clock';
import { importDealCodes } from '@/lib/deals/import';
import { redeemDealCode } from '@/lib/deals/redeem';
import { schedulePriceChange } from '@/lib/prices/service';

/** The instant every sweep of the scenario is due at. */
export const SWEEP_AT = new Date('2027-02-10T12:00:00Z');
const DAY = 86_400_000;
const daysBefore = (days: number) => new Date(SWEEP_AT.getTime() - days * DAY);

export const WORKING_CARD = '4242424242424242';
export const DECLINED_CARD = '4000000000000002';

function tag(): string {
  return randomBytes(4).toString('hex');
}

async function trialAccount(db: Db, signedUpAt: Date, prefix: string) {
  const id = tag();
  setClock(signedUpAt);
  return db.transaction(async (tx) => {
    const [account] = await tx
      .insert(accounts)
      .values({ slug: `${prefix}-${id}`, companyName: `${prefix} ${id} s.r.o.`, status: 'active', createdAt: signedUpAt, verifiedAt: signedUpAt })
      .returning();
    const [owner] = await tx
      .insert(users)
      .values({ accountId: account.id, role: 'owner', fullName: 'Rita Race', email: `${prefix}-${id}@example.test`, emailVerifiedAt: signedUpAt, createdAt: signedUpAt })
      .returning();
    await startTrial(tx, account.id, signedUpAt);
    return { account, owner };
  });
}

async function pay(db: Db, processor: SandboxProcessor, accountId: string, ownerId: string, card: string) {
  const token = await processor.tokenizeCard({ digits: card, expMonth: 12, expYear: 2035, holderName: 'Rita Race' }, 'race');
  return addPaymentMethod(db, processor, { accountId, token, reference: 'race', actor: { type: 'owner', id: ownerId } });
}

/** An account that paid its first month at `paidAt` with a working card, then switched to `card`. */
export async function paidAccount(db: Db, processor: SandboxProcessor, paidAt: Date, card = WORKING_CARD, prefix = 'renews') {
  const { account, owner } = await trialAccount(db, new Date(paidAt.getTime() - 5 * DAY), prefix);
  setClock(paidAt);
  await pay(db, processor, account.id, owner.id, WORKING_CARD);
  if (card !== WORKING_CARD) await pay(db, processor, account.id, owner.id, card);
  return { account, owner };
}

export interface ScenarioOptions {
  /** Accounts whose monthly renewal is due (paid with a working card). */
  renewing?: number;
  /** Accounts whose renewal is due and whose card is declined (first dunning attempt). */
  declined?: number;
  /**
   * Whether a price change of the team plan takes effect (default true). It changes the plan's
   * price for good: leave it out on a database other tests go on using.
   */
  priceChange?: boolean;
}

export interface Scenario {
  renewing: string[];
  declined: string[];
  dunning: string[];
  trialReminder: string[];
  trialEnded: string[];
  inactiveWarn: string[];
  inactiveDelete: string[];
  extraSeats: string[];
}

/**
 * Writes the scenario (each account with its own random address, so it can be built again in the
 * same database) and leaves the clock at SWEEP_AT. Due at SWEEP_AT: renewals (paid and declined),
 * a dunning retry, a trial reminder, an ended trial, an inactivity warning and an inactivity
 * deletion, a month of extra seats of a lifetime deal, a price change taking effect, and every
 * email they queue (outbox delivery).
 */
export async function buildSweepScenario(db: Db, processor: SandboxProcessor, opts: ScenarioOptions = {}): Promise<Scenario> {
  const s: Scenario = { renewing: [], declined: [], dunning: [], trialReminder: [], trialEnded: [], inactiveWarn: [], inactiveDelete: [], extraSeats: [] };

  // PAY-8: a renewal declined yesterday, retried today (created and failed before the others exist).
  const dunning = await paidAccount(db, processor, new Date('2027-01-09T09:00:00Z'), DECLINED_CARD, 'dunning');
  setClock(new Date('2027-02-09T10:00:00Z'));
  await issueRenewalInvoices(db);
  await collectOpenInvoices(db, processor);
  s.dunning.push(dunning.account.id);

  // PLAN-5: a price change announced on 8 January, in force from 10 February.
  const [team] = await db.select().from(plans).where(eq(plans.code, 'team'));
  const announced = new Date('2027-01-08T09:00:00Z');
  setClock(announced);
  const [pending] = opts.priceChange === false ? [{ id: 'left out' }] : await db
    .select({ id: planPriceChanges.id })
    .from(planPriceChanges)
    .where(and(eq(planPriceChanges.planId, team.id), isNull(planPriceChanges.appliedAt), isNull(planPriceChanges.withdrawnAt)));
  if (!pending) {
    await schedulePriceChange(
      db,
      { planId: team.id, newMonthly: team.seatPriceMonthlyCents + 100, newYearly: team.seatPriceYearlyCents + 1000, effectiveDate: '2027-02-10' },
      { type: 'staff', id: null, ip: '192.0.2.5' },
      announced,
    );
  }

  // PAY-4: renewals due today, paid and declined.
  for (let i = 0; i < (opts.renewing ?? 8); i++) s.renewing.push((await paidAccount(db, processor, new Date('2027-01-10T09:00:00Z'))).account.id);
  for (let i = 0; i < (opts.declined ?? 2); i++)
    s.declined.push((await paidAccount(db, processor, new Date('2027-01-10T09:00:00Z'), DECLINED_CARD, 'declines')).account.id);

  // PAY-2: a trial ending in less than 3 days (reminder), and one that ended (suspension).
  s.trialReminder.push((await trialAccount(db, daysBefore(12), 'reminded')).account.id);
  s.trialEnded.push((await trialAccount(db, daysBefore(15), 'ended')).account.id);

  // CAN-4: an unused trial past 4 weeks (warning) and one warned a month ago, past 8 weeks (deletion).
  s.inactiveWarn.push((await trialAccount(db, daysBefore(30), 'unused')).account.id);
  const gone = await trialAccount(db, daysBefore(70), 'abandoned');
  await db.update(accounts).set({ inactivityWarnedAt: daysBefore(40) }).where(eq(accounts.id, gone.account.id));
  s.inactiveDelete.push(gone.account.id);

  // APS-7: a lifetime deal with one user more than its seats since 3 January (January billed today).
  s.extraSeats.push(await dealAccountWithExtraUser(db, processor));

  setClock(SWEEP_AT);
  return s;
}

/** A lifetime deal of its own, like the seeded AppSumo one but open until 2030 (the seeded one closed in 2019). */
export async function openDeal(db: Db, at: Date) {
  const [appsumo] = await db.select().from(deals).where(eq(deals.name, 'AppSumo'));
  const [deal] = await db
    .insert(deals)
    .values({
      name: `Race deal ${tag()}`,
      partner: appsumo.partner,
      pricePaidCents: appsumo.pricePaidCents,
      planId: appsumo.planId,
      lifetimeSeats: appsumo.lifetimeSeats,
      closesAt: new Date('2030-01-01T00:00:00Z'),
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  return deal;
}

async function dealAccountWithExtraUser(db: Db, processor: SandboxProcessor): Promise<string> {
  const id = tag();
  const redeemedAt = new Date('2026-12-20T09:00:00Z');
  setClock(redeemedAt);
  const deal = await openDeal(db, redeemedAt);
  const code = `RACE-${id}`.toUpperCase();
  await importDealCodes(db, { dealId: deal.id, csv: code, at: redeemedAt }, { type: 'staff' });
  const email = `deal-${id}@example.test`;
  const input = signupSchema.parse({
    fullName: 'Oskar Owner',
    email,
    password: 'correct horse battery staple',
    companyName: `Deal ${id}`,
    slug: `deal-${id}`,
    dateOfBirth: '1980-01-01',
    acceptTerms: 'on',
    botCheck: 'test-pass',
  });
  const r = await redeemDealCode(db, { ...input, code }, { ip: '192.0.2.50', userAgent: 'reliability test' }, redeemedAt, 'en');
  if (r.existing) throw new Error('The scenario expected a new deal account');
  await db.update(accounts).set({ status: 'active', verifiedAt: redeemedAt }).where(eq(accounts.id, r.accountId));
  await db.insert(billingProfiles).values({
    accountId: r.accountId,
    name: 'Oskar Owner',
    company: 'Deal s.r.o.',
    street: 'Hlavná 1',
    city: 'Košice',
    postalCode: '040 01',
    region: 'Košický kraj',
    country: 'SK',
    invoiceEmail: email,
    companyId: '35757442',
    updatedAt: redeemedAt,
  });
  await pay(db, processor, r.accountId, r.userId, WORKING_CARD);
  const added = new Date('2027-01-03T09:00:00Z');
  setClock(added);
  const [sub] = await db.select({ seats: subscriptions.seats }).from(subscriptions).where(eq(subscriptions.accountId, r.accountId));
  // Members up to one more than the lifetime seats (the owner holds one of them).
  for (let i = 0; i < sub.seats; i++) {
    await createTestMember(db, { ownerEmail: email, email: `deal-${id}-member-${i}@example.test`, fullName: `Member ${i}`, password: 'correct horse battery staple', role: 'agent' }, added);
  }
  return r.accountId;
}

type Rows<T> = T[] | { rows: T[] };
const rowsOf = <T>(r: Rows<T>): T[] => (Array.isArray(r) ? r : r.rows);

/**
 * Everything that was done twice, created at or after `since` (empty when nothing was): a billing
 * period invoiced twice, an invoice paid twice, a charge attempt made twice at the processor, an
 * email queued twice to one address with one subject, and this year's invoice numbers with a gap.
 */
export async function duplicatesSince(db: Db, since: Date, year = since.getUTCFullYear()): Promise<string[]> {
  const found: string[] = [];
  const periods = rowsOf<{ account_id: string; reason: string; period_start: string; n: number }>(
    (await db.execute(sql`
      select account_id, reason, period_start, count(*)::int as n from ${invoices}
      where kind = 'invoice' and period_start is not null and issued_at >= ${since.toISOString()}::timestamptz
      group by account_id, reason, period_start having count(*) > 1`)) as Rows<never>,
  );
  for (const p of periods) found.push(`${p.n} ${p.reason} invoices for account ${p.account_id} from ${p.period_start}`);
  const paid = rowsOf<{ invoice_id: string; n: number }>(
    (await db.execute(sql`
      select invoice_id, count(*)::int as n from ${charges}
      where status = 'succeeded' and created_at >= ${since.toISOString()}::timestamptz
      group by invoice_id having count(*) > 1`)) as Rows<never>,
  );
  for (const p of paid) found.push(`invoice ${p.invoice_id} paid ${p.n} times`);
  const attempts = rowsOf<{ invoice_id: string; attempt: number; n: number }>(
    (await db.execute(sql`
      select invoice_id, attempt, count(*)::int as n from ${charges}
      where created_at >= ${since.toISOString()}::timestamptz
      group by invoice_id, attempt having count(*) > 1`)) as Rows<never>,
  );
  for (const p of attempts) found.push(`attempt ${p.attempt} of invoice ${p.invoice_id} recorded ${p.n} times`);
  // Every charge we recorded is one charge at the processor, and the processor charged nothing we did not record.
  const [ours] = await db.select({ n: sql<number>`count(*)::int` }).from(charges).where(gte(charges.createdAt, since));
  const [theirs] = await db.select({ n: sql<number>`count(*)::int` }).from(sandboxCharges).where(gte(sandboxCharges.createdAt, since));
  if (ours.n !== theirs.n) found.push(`${ours.n} charges recorded but ${theirs.n} made at the processor`);
  const mails = rowsOf<{ to: string; subject: string; n: number }>(
    (await db.execute(sql`
      select "to", subject, count(*)::int as n from ${outbox}
      where created_at >= ${since.toISOString()}::timestamptz
      group by "to", subject having count(*) > 1`)) as Rows<never>,
  );
  for (const m of mails) found.push(`"${m.subject}" queued ${m.n} times to ${m.to}`);
  const numbers = (await db.select({ number: invoices.number }).from(invoices).where(and(eq(invoices.kind, 'invoice'), like(invoices.number, `INV-${year}-%`))))
    .map((r) => Number(r.number.slice(-6)))
    .sort((a, b) => a - b);
  const wrong = numbers.findIndex((n, i) => n !== i + 1);
  if (wrong >= 0) found.push(`INV-${year} numbers are not 1..${numbers.length}: ${numbers[wrong - 1] ?? 0} is followed by ${numbers[wrong]}`);
  return found;
}

/**
 * What a sweep run did, counted by kind and with addresses and numbers left out, so a run on one
 * database can be compared with a run on another built the same way.
 */
export async function sweepFingerprint(db: Db, since: Date): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const add = (key: string, n: number) => (out[key] = (out[key] ?? 0) + n);
  const iso = since.toISOString();
  const q = async (label: string, query: ReturnType<typeof sql>) => {
    for (const r of rowsOf<{ k: string; n: number }>((await db.execute(query)) as Rows<never>)) add(`${label}: ${r.k}`, r.n);
  };
  await q('invoice', sql`select kind || ' ' || reason as k, count(*)::int as n from ${invoices} where issued_at >= ${iso}::timestamptz group by 1`);
  await q('charge', sql`select status || ' attempt ' || attempt as k, count(*)::int as n from ${charges} where created_at >= ${iso}::timestamptz group by 1`);
  await q('processor charge', sql`select status as k, count(*)::int as n from ${sandboxCharges} where created_at >= ${iso}::timestamptz group by 1`);
  await q('audit', sql`select action as k, count(*)::int as n from ${auditLog} where at >= ${iso}::timestamptz group by 1`);
  await q('account', sql`select status as k, count(*)::int as n from ${accounts} group by 1`);
  await q('subscription', sql`select status as k, count(*)::int as n from ${subscriptions} group by 1`);
  const mails = await db.select({ subject: outbox.subject }).from(outbox).where(gte(outbox.createdAt, since));
  for (const m of mails) add(`email: ${m.subject.replace(/[0-9a-f]{8}/g, '…').replace(/\d+/g, '#')}`, 1);
  return out;
}
