// The staff revenue view: monthly recurring revenue by plan, subscriptions by state, signups and
// cancellations per week, and the open debt. Every figure is one set-based query, so the
// dashboard stays as fast with a hundred thousand accounts as with ten.
import { TZDate } from '@date-fns/tz';
import { addWeeks, startOfWeek } from 'date-fns';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { TIME_ZONE } from '@/lib/clock';
import type { Interval } from '@/lib/billing/periods';

/** Weeks shown in the signups and cancellations chart, the current one included. */
export const REVENUE_WEEKS = 12;

/** Subscriptions that bring in money every month: paid periods, including those being collected. */
const PAYING = ['active', 'past_due'] as const;

/**
 * What one subscription brings in per month, net of VAT, in cents: a yearly period counts as a
 * twelfth of its price (rounded to the cent), so monthly and yearly customers add up.
 */
export function monthlyRecurringCents(s: { interval: Interval; seats: number; seatPriceMonthlyCents: number; seatPriceYearlyCents: number }): number {
  return s.interval === 'monthly' ? s.seats * s.seatPriceMonthlyCents : Math.round((s.seats * s.seatPriceYearlyCents) / 12);
}

/**
 * The starts of the last `weeks` weeks (Monday 00:00 in Bratislava, oldest first), the week of
 * `at` last, followed by the start of the next week as the upper bound.
 */
export function weekStarts(at: Date, weeks = REVENUE_WEEKS): Date[] {
  const current = startOfWeek(new TZDate(at.getTime(), TIME_ZONE), { weekStartsOn: 1 });
  return Array.from({ length: weeks + 1 }, (_, i) => new Date(addWeeks(current, i - weeks + 1).getTime()));
}

export interface PlanRevenue {
  planCode: string;
  planName: string;
  subscriptions: number;
  mrrCents: number;
}

export interface WeekActivity {
  weekStart: Date;
  signups: number;
  cancellations: number;
}

export interface RevenueOverview {
  byPlan: PlanRevenue[];
  totalMrrCents: number;
  subscriptions: { active: number; trialing: number; pastDue: number; suspended: number; lifetime: number };
  weeks: WeekActivity[];
  openDebt: { invoices: number; grossCents: number };
}

type Row = Record<string, unknown>;
const rowsOf = (r: unknown): Row[] => (Array.isArray(r) ? r : ((r as { rows: Row[] }).rows ?? []));
const n = (v: unknown) => Number(v ?? 0);

export async function getRevenueOverview(db: Executor, at: Date): Promise<RevenueOverview> {
  const bounds = weekStarts(at);
  const iso = bounds.map((b) => b.toISOString());

  // MRR at list prices, net of VAT. The yearly twelfth is rounded per subscription, as
  // monthlyRecurringCents does, so the total equals the sum of the parts.
  const planRows = rowsOf(
    await db.execute(sql`
      select p.code, p.name, p.sort_order,
        count(s.account_id) as subscriptions,
        coalesce(sum(case when s.interval = 'monthly' then s.seats * p.seat_price_monthly_cents
                          else round(s.seats * p.seat_price_yearly_cents / 12.0) end), 0) as mrr
      from plans p
      left join subscriptions s on s.plan_id = p.id and s.status in (${sql.join(PAYING.map((s) => sql`${s}`), sql`, `)})
      group by p.id, p.code, p.name, p.sort_order
      order by p.sort_order`),
  );
  const byPlan = planRows.map((r) => ({ planCode: String(r.code), planName: String(r.name), subscriptions: n(r.subscriptions), mrrCents: n(r.mrr) }));

  const [states] = rowsOf(
    await db.execute(sql`
      select
        count(*) filter (where s.status = 'active' and a.status <> 'suspended') as active,
        count(*) filter (where s.status = 'trialing' and a.status <> 'suspended') as trialing,
        count(*) filter (where s.status = 'past_due' and a.status <> 'suspended') as past_due,
        count(*) filter (where s.status = 'suspended' or a.status = 'suspended') as suspended,
        count(*) filter (where s.status = 'lifetime' and a.status <> 'suspended') as lifetime
      from subscriptions s join accounts a on a.id = s.account_id
      where a.status <> 'stopped'`),
  );

  // One pass over the accounts of the window counts both series for every week.
  const weekly = (column: string) =>
    sql.join(
      bounds.slice(0, -1).map((_, i) => sql`count(*) filter (where ${sql.raw(column)} >= ${iso[i]}::timestamptz and ${sql.raw(column)} < ${iso[i + 1]}::timestamptz)`),
      sql`, `,
    );
  const [activity] = rowsOf(
    await db.execute(sql`
      select array[${weekly('created_at')}] as signups, array[${weekly('stopped_at')}] as cancellations
      from accounts
      where created_at >= ${iso[0]}::timestamptz or stopped_at >= ${iso[0]}::timestamptz`),
  );
  const series = (v: unknown) => (Array.isArray(v) ? v.map(n) : String(v ?? '').replace(/[{}]/g, '').split(',').filter(Boolean).map(n));
  const signups = series(activity?.signups);
  const cancellations = series(activity?.cancellations);
  const weeks = bounds.slice(0, -1).map((weekStart, i) => ({ weekStart, signups: signups[i] ?? 0, cancellations: cancellations[i] ?? 0 }));

  // Open debt: issued invoices with an amount that no succeeded charge has paid and no credit
  // note has cancelled. A corrected invoice's replacement counts as paid when the invoice it
  // replaces (or one further back in the chain) was paid, as on the invoice pages.
  const [debt] = rowsOf(
    await db.execute(sql`
      with recursive chain(start_id, id, related_id, reason, hops) as (
        select i.id, i.id, i.related_invoice_id, i.reason, 0 from invoices i
        where i.kind = 'invoice' and i.gross_cents > 0
          and not exists (select 1 from invoices cn where cn.kind = 'credit_note' and cn.related_invoice_id = i.id)
        union all
        select c.start_id, p.id, p.related_invoice_id, p.reason, c.hops + 1
        from chain c join invoices p on p.id = c.related_id
        where c.reason = 'correction' and c.hops < 20
      )
      select count(*) as invoices, coalesce(sum(i.gross_cents), 0) as gross
      from invoices i
      where i.id in (select start_id from chain)
        and not exists (
          select 1 from chain c join charges ch on ch.invoice_id = c.id and ch.status = 'succeeded'
          where c.start_id = i.id)`),
  );

  return {
    byPlan,
    totalMrrCents: byPlan.reduce((sum, p) => sum + p.mrrCents, 0),
    subscriptions: {
      active: n(states?.active),
      trialing: n(states?.trialing),
      pastDue: n(states?.past_due),
      suspended: n(states?.suspended),
      lifetime: n(states?.lifetime),
    },
    weeks,
    openDebt: { invoices: n(debt?.invoices), grossCents: n(debt?.gross) },
  };
}
