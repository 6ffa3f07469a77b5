// Time-driven work as idempotent sweeps. Each sweep claims due rows with FOR UPDATE SKIP LOCKED
// and handles one item per transaction, so running it twice, or on two instances at once, never
// does the same work twice. Add new sweeps to SWEEPS.
import type { Db } from '@/db/client';
import { jobRuns } from '@/db/schema';
import { now } from '@/lib/clock';
import { deliverOutbox, smtpMailer } from '@/lib/email/outbox';
import { expireUnverifiedSignups } from '@/lib/accounts/expiry';
import { processor } from '@/lib/billing/processor-instance';
import { collectWaitingDirectInvoices } from '@/lib/billing/direct-charge';
import { collectOpenInvoices, issueRenewalInvoices } from '@/lib/billing/renewals';
import { sendTrialReminders, suspendEndedTrials } from '@/lib/billing/trials';
import { purgeSpentChallenges } from '@/lib/bot-check';
import { billExtraSeats } from '@/lib/deals/extra-seat-billing';
import { sweepInactiveAccounts } from '@/lib/cancellation/inactivity';
import { refundPendingCredit } from '@/lib/credit/service';
import { purgeExpiredPasswordResets } from '@/lib/auth/password-reset';
import { eraseExpiredPersonalData } from '@/lib/privacy/retention';
import { expireUnconfirmedRequests } from '@/lib/privacy/requests';
import { applyDuePriceChanges } from '@/lib/prices/service';
import { detectLoginSharing } from '@/lib/login-sharing/detection';
import { closeExpiredStaffAccess } from '@/lib/standing/access';
import { eq } from 'drizzle-orm';

export type Sweep = (db: Db) => Promise<number>;

export const SWEEPS: Record<string, Sweep> = {
  'expire-unverified-signups': expireUnverifiedSignups,
  'purge-spent-challenges': purgeSpentChallenges,
  'purge-expired-password-resets': purgeExpiredPasswordResets,
  'expire-unconfirmed-privacy-requests': expireUnconfirmedRequests,
  'trial-reminders': sendTrialReminders,
  'suspend-ended-trials': suspendEndedTrials,
  // PLAN-5: due price changes reach the plans before renewals are priced (renewals price by the
  // change in force at each period's start either way).
  'apply-price-changes': applyDuePriceChanges,
  'issue-renewal-invoices': (db) => issueRenewalInvoices(db),
  'bill-extra-seats': billExtraSeats,
  // CUS-5/PLAN-1: custom-service and upgrade invoices still unpaid join collection once the slot is free.
  'waiting-direct-invoices': collectWaitingDirectInvoices,
  'collect-open-invoices': (db) => collectOpenInvoices(db, processor),
  // CAN-4: warn unused non-paying accounts at 4 weeks, delete them at 8.
  'inactive-accounts': sweepInactiveAccounts,
  // ACC-8: flag logins shared between devices and networks; prunes activity older than the window.
  'detect-login-sharing': (db) => detectLoginSharing(db),
  // INV-8: refunds of unused prepaid credit, after the stops above issued their credit notes.
  'prepaid-credit-refunds': (db) => refundPendingCredit(db, processor),
  // ACC-10: staff access grants past their 30 minutes end (audited on the account).
  'close-expired-staff-access': (db) => closeExpiredStaffAccess(db, now()),
  // GDPR-9: after the sweeps that may still email or bill someone, before delivery.
  'erase-expired-personal-data': eraseExpiredPersonalData,
  // Delivery goes last so emails queued by the sweeps above leave in the same run.
  'deliver-outbox': async (db) => deliverOutbox(db, await smtpMailer()),
};

export type SweepReport = Record<string, { processed: number; error?: string }>;

export async function runSweeps(db: Db): Promise<SweepReport> {
  const report: SweepReport = {};
  for (const [job, sweep] of Object.entries(SWEEPS)) {
    const [run] = await db.insert(jobRuns).values({ job, startedAt: now() }).returning({ id: jobRuns.id });
    try {
      const processed = await sweep(db);
      report[job] = { processed };
      await db.update(jobRuns).set({ finishedAt: now(), processed }).where(eq(jobRuns.id, run.id));
    } catch (err) {
      const error = String((err as Error).message ?? err).slice(0, 500);
      report[job] = { processed: 0, error };
      await db.update(jobRuns).set({ finishedAt: now(), error }).where(eq(jobRuns.id, run.id));
      console.error(`[jobs] ${job} failed:`, err);
    }
  }
  return report;
}

const loop = globalThis as unknown as { __accountdeskJobsTimer?: NodeJS.Timeout; __accountdeskJobsBusy?: boolean };

/** Runs the sweeps in-process every `intervalMs` (JOBS_INTERVAL_MS; 0 turns it off). */
export function startJobLoop(getDb: () => Promise<Db>, intervalMs: number): void {
  if (loop.__accountdeskJobsTimer || intervalMs <= 0) return;
  loop.__accountdeskJobsTimer = setInterval(async () => {
    if (loop.__accountdeskJobsBusy) return;
    loop.__accountdeskJobsBusy = true;
    try {
      await runSweeps(await getDb());
    } catch (err) {
      console.error('[jobs] run failed:', err);
    } finally {
      loop.__accountdeskJobsBusy = false;
    }
  }, intervalMs);
  loop.__accountdeskJobsTimer.unref();
}
