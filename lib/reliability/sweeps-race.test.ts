// Every sweep in SWEEPS, run twice at once on one database (as two app instances do), does exactly
// what one run does on a database built the same way: no invoice, charge or email twice. Runs on
// PGlite and, with DATABASE_URL, on PostgreSQL. Delivery goes to a real local SMTP server, so
// "no email twice" counts what was actually sent.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, charges, invoices, outbox, subscriptions } from '@/db/schema';
import { SandboxProcessor } from '@/lib/billing/sandbox-processor';
import { setClock } from '@/lib/clock';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { buildSweepScenario, duplicatesSince, SWEEP_AT, sweepFingerprint, type Scenario } from './scenario';
import { startTestSmtp, type TestSmtp } from './smtp';

// The sweeps charge through the app's processor instance: point it at the database under test.
const current = vi.hoisted(() => ({ db: undefined as Db | undefined }));
vi.mock('@/lib/billing/processor-instance', async () => {
  const { SandboxProcessor: Sandbox } = await import('@/lib/billing/sandbox-processor');
  const p = new Sandbox(async () => current.db!);
  return { sandboxProcessor: p, processor: p };
});

let once: TestDb;
let twice: TestDb;
let smtp: TestSmtp;
let savedSmtpUrl: string | undefined;

beforeAll(async () => {
  smtp = await startTestSmtp();
  savedSmtpUrl = process.env.SMTP_URL;
  process.env.SMTP_URL = smtp.url;
  process.env.TEST_HOOKS = '1';
  [once, twice] = [await createTestDb(), await createTestDb()];
}, 300_000);

afterAll(async () => {
  setClock(null);
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
  await Promise.all([once?.dispose(), twice?.dispose(), smtp?.close()]);
});

async function runSweepsOn(db: Db, times: number) {
  current.db = db;
  const { runSweeps } = await import('@/lib/jobs');
  return Promise.all(Array.from({ length: times }, () => runSweeps(db)));
}

describe('sweeps on two instances at once', () => {
  test('every sweep run twice at once does what one run does: no invoice, charge or email twice, invoice numbers gapless', async () => {
    const scenarios: Scenario[] = [];
    for (const t of [once, twice]) scenarios.push(await buildSweepScenario(t.db, new SandboxProcessor(async () => t.db)));

    setClock(SWEEP_AT);
    const [single] = await runSweepsOn(once.db, 1);
    const sentBySingle = smtp.messages.length;
    setClock(SWEEP_AT);
    const pair = await runSweepsOn(twice.db, 2);
    for (const report of [single, ...pair]) for (const [job, r] of Object.entries(report)) expect(r.error, job).toBeUndefined();

    // The same outcome, kind by kind.
    const expected = await sweepFingerprint(once.db, SWEEP_AT);
    expect(await sweepFingerprint(twice.db, SWEEP_AT)).toEqual(expected);
    expect(await duplicatesSince(twice.db, SWEEP_AT)).toEqual([]);
    expect(await duplicatesSince(once.db, SWEEP_AT)).toEqual([]);

    // The scenario really had work for the sweeps (so the comparison means something).
    const s = scenarios[1];
    for (const id of s.renewing) {
      const docs = await twice.db.select().from(invoices).where(eq(invoices.accountId, id));
      expect(docs.filter((d) => d.reason === 'renewal')).toHaveLength(1);
      const paid = await twice.db.select().from(charges).where(eq(charges.accountId, id));
      expect(paid.filter((c) => c.status === 'succeeded')).toHaveLength(2); // the first month, then the renewal
    }
    for (const id of [...s.declined, ...s.dunning]) expect((await twice.db.select().from(subscriptions).where(eq(subscriptions.accountId, id)))[0].status).toBe('past_due');
    expect((await twice.db.select().from(charges).where(eq(charges.accountId, s.dunning[0]))).map((c) => c.attempt).sort()).toEqual([1, 1, 2]);
    expect((await twice.db.select().from(subscriptions).where(eq(subscriptions.accountId, s.trialReminder[0])))[0].trialReminderSentAt).not.toBeNull();
    expect((await twice.db.select().from(subscriptions).where(eq(subscriptions.accountId, s.trialEnded[0])))[0].status).toBe('suspended');
    expect((await twice.db.select().from(accounts).where(eq(accounts.id, s.inactiveWarn[0])))[0].inactivityWarnedAt).not.toBeNull();
    expect((await twice.db.select().from(accounts).where(eq(accounts.id, s.inactiveDelete[0])))[0].status).toBe('stopped');
    expect((await twice.db.select().from(invoices).where(eq(invoices.accountId, s.extraSeats[0]))).filter((d) => d.reason === 'extra_seats')).toHaveLength(1);
    expect(expected['audit: price_change.applied']).toBe(1);

    // What left through SMTP: exactly the rows marked sent, each once.
    const received = smtp.messages.slice(sentBySingle);
    const sent = await twice.db.select().from(outbox).where(eq(outbox.status, 'sent'));
    expect(sent.length).toBeGreaterThan(10);
    // One message per row marked sent, to that row's address (a row sent twice would show up twice).
    expect(received.map((m) => m.to.join(',')).sort()).toEqual(sent.map((m) => m.to).sort());
  }, 240_000);
});
