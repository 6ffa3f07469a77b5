// APS-7, APS-10: on the first day of each month (Bratislava) every lifetime-deal account is billed
// for the past month's extra users, in arrears, one line per user with their days. The invoice is
// collected like a renewal (the collection sweep charges it, with dunning). With billing details
// or a payment method missing on the billing date the account is blocked at once (billing page
// only) until the owner provides them; the new method then pays the invoice and access returns.
// One account per transaction; the (account, month) rows make a second run bill nothing twice.
// Months the sweep missed (it did not run on the 1st) are billed on its next run, on one invoice.
// An account whose earlier invoice is still being collected waits: its subscription points at
// one open invoice at a time, and the months it owes are billed as soon as that one is settled.
// ACC-8: a shared-login surcharge on a deal account is billed on the same invoice, per day too.
import { and, eq, inArray, isNull, lt, max, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, extraSeatBillings, plans, seatIntervals, subscriptions, users } from '@/db/schema';
import { recordAudit, SYSTEM } from '@/lib/audit';
import { getBillingProfile } from '@/lib/billing/profile';
import { currentPaymentMethod } from '@/lib/billing/subscriptions';
import { currentBuyerAndLocale } from '@/lib/billing/buyer';
import { queueOwnerEmail } from '@/lib/billing/charges';
import { now } from '@/lib/clock';
import { emailKit } from '@/lib/email/locale';
import { appUrl } from '@/lib/http/request';
import { issueDocument } from '@/lib/invoices/issue';
import { missingBillingDetails } from '@/lib/team/rules';
import { surchargeIntervals } from '@/lib/login-sharing/service';
import { extraSeatLines, monthBounds, monthsToSettle, previousMonth, type ExtraSeatLine } from './extra-seats';

export async function billExtraSeats(db: Db): Promise<number> {
  const at = now();
  const month = previousMonth(at);
  const { end } = monthBounds(month);
  let billed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      // The next lifetime account not yet settled for the month, claimed by inserting its row.
      const [candidate] = await tx
        .select({ accountId: subscriptions.accountId, seats: subscriptions.seats, price: plans.seatPriceMonthlyCents, createdAt: accounts.createdAt })
        .from(subscriptions)
        .innerJoin(plans, eq(plans.id, subscriptions.planId))
        .innerJoin(accounts, eq(accounts.id, subscriptions.accountId))
        .leftJoin(extraSeatBillings, and(eq(extraSeatBillings.accountId, subscriptions.accountId), eq(extraSeatBillings.month, month)))
        .where(
          and(
            eq(subscriptions.lifetime, true),
            isNull(subscriptions.dunningInvoiceId),
            isNull(extraSeatBillings.accountId),
            lt(accounts.createdAt, end),
            sql`${accounts.status} <> 'stopped'`,
          ),
        )
        .limit(1)
        .for('update', { of: subscriptions, skipLocked: true });
      if (!candidate) return false;
      const [settled] = await tx.select({ last: max(extraSeatBillings.month) }).from(extraSeatBillings).where(eq(extraSeatBillings.accountId, candidate.accountId));
      const months = monthsToSettle(settled?.last ?? null, candidate.createdAt, month);
      await tx
        .insert(extraSeatBillings)
        .values(months.map((m) => ({ accountId: candidate.accountId, month: m, createdAt: at })))
        .onConflictDoNothing();
      // Every interval that began before the last month ends: earlier ones decide who is free (ranking).
      const intervals = await tx
        .select({ userId: seatIntervals.userId, start: seatIntervals.startedAt, end: seatIntervals.endedAt, name: users.fullName })
        .from(seatIntervals)
        .innerJoin(users, eq(users.id, seatIntervals.userId))
        .where(and(eq(seatIntervals.accountId, candidate.accountId), lt(seatIntervals.startedAt, end)));
      const lines = months.flatMap((m) => extraSeatLines({ month: m, intervals, freeSeats: candidate.seats, pricePerMonthCents: candidate.price }));
      const surcharges = await surchargeIntervals(tx, candidate.accountId, end);
      const surchargeLines = months.flatMap((m) =>
        extraSeatLines({ month: m, intervals: surcharges.map((s) => ({ userId: s.id, start: s.start, end: s.end })), freeSeats: 0, pricePerMonthCents: candidate.price }),
      );
      if (!lines.length && !surchargeLines.length) return true;
      const start = monthBounds(months[0]).start;
      const { buyer, locale } = await currentBuyerAndLocale(tx, candidate.accountId);
      const mail = emailKit(locale);
      const names = new Map(intervals.map((i) => [i.userId, i.name]));
      const sharedNames = new Map(surcharges.map((s) => [s.id, s.name]));
      const period = (l: ExtraSeatLine) => ({ from: mail.date(new Date(`${l.firstDay}T12:00:00Z`)), to: mail.date(new Date(`${l.lastDay}T12:00:00Z`)), days: l.days.length });
      const invoice = await issueDocument(tx, {
        accountId: candidate.accountId,
        kind: 'invoice',
        reason: 'extra_seats',
        buyer,
        issuedAt: at,
        periodStart: start,
        periodEnd: end,
        locale,
        lines: [
          ...lines.map((l) => ({ description: mail.t('deals.invoice.extraUser', { name: names.get(l.userId) ?? '—', ...period(l) }), quantity: 1, unitPriceCents: l.amountCents })),
          ...surchargeLines.map((l) => ({ description: mail.t('deals.invoice.sharedLogin', { name: sharedNames.get(l.userId) ?? '—', ...period(l) }), quantity: 1, unitPriceCents: l.amountCents })),
        ],
      });
      await tx
        .update(extraSeatBillings)
        .set({ invoiceId: invoice.id })
        .where(and(eq(extraSeatBillings.accountId, candidate.accountId), inArray(extraSeatBillings.month, months)));
      const [profile, method] = await Promise.all([getBillingProfile(tx, candidate.accountId), currentPaymentMethod(tx, candidate.accountId)]);
      const blocked = missingBillingDetails(profile).length > 0 || !method;
      if (blocked) {
        // APS-10: billing page only, until details and a method are there (the method pays it).
        await tx
          .update(subscriptions)
          .set({ status: 'suspended', dunningInvoiceId: invoice.id, suspendedAt: at, nextRetryAt: null, failedAttempts: 0, updatedAt: at })
          .where(eq(subscriptions.accountId, candidate.accountId));
        await tx.update(accounts).set({ status: 'suspended' }).where(and(eq(accounts.id, candidate.accountId), eq(accounts.status, 'active')));
      } else {
        // Collected by the collection sweep like a renewal, dunning included.
        await tx
          .update(subscriptions)
          .set({ dunningInvoiceId: invoice.id, nextRetryAt: at, failedAttempts: 0, firstFailureAt: null, updatedAt: at })
          .where(eq(subscriptions.accountId, candidate.accountId));
      }
      await recordAudit(tx, SYSTEM, {
        action: blocked ? 'billing.extra_seats_blocked' : 'billing.extra_seats_invoiced',
        accountId: candidate.accountId,
        target: `invoice:${invoice.number}`,
        details: { months, lines: lines.length, surchargeLines: surchargeLines.length, amountCents: invoice.grossCents },
      });
      if (blocked)
        await queueOwnerEmail(tx, candidate.accountId, (ownerMail) => ({
          subject: ownerMail.t('deals.email.blocked.subject'),
          paragraphs: [
            ownerMail.t('deals.email.blocked.body', { number: invoice.number, amount: ownerMail.money(invoice.grossCents) }),
            ownerMail.t('deals.email.blocked.provide'),
          ],
          action: { label: ownerMail.t('deals.email.blocked.action'), url: `${appUrl()}/account/billing` },
        }));
      billed++;
      return true;
    });
    if (!done) break;
  }
  return billed;
}
