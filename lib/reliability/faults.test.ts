// Faults: the processor losing an answer or failing mid-charge, the database connection dropping in
// the middle of a transaction, the SMTP server down, and the app dying in the middle of a sweep run.
// Each ends with the work done exactly once. PGlite and (with DATABASE_URL) PostgreSQL; the faults
// only PostgreSQL can show (a terminated backend, a killed process on a shared database) run there.
import { spawn } from 'node:child_process';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { accounts, auditLog, charges, invoices, jobRuns, outbox, sandboxCharges, sessions, subscriptions, users } from '@/db/schema';
import { chargeKey } from '@/lib/billing/processor';
import { injectSandboxFault, SandboxProcessor } from '@/lib/billing/sandbox-processor';
import { stopAccount } from '@/lib/cancellation/stop-account';
import { now, setClock } from '@/lib/clock';
import { queueEmail } from '@/lib/email/outbox';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount, reloadAccount } from '@/lib/test-utils/factories';
import { DECLINED_CARD, duplicatesSince, paidAccount, SWEEP_AT, WORKING_CARD } from './scenario';
import { startTestSmtp, type TestSmtp } from './smtp';

// The sweeps charge through the app's processor instance: point it at the database under test.
const current = vi.hoisted(() => ({ db: undefined as Db | undefined }));
vi.mock('@/lib/billing/processor-instance', async () => {
  const { SandboxProcessor: Sandbox } = await import('@/lib/billing/sandbox-processor');
  const p = new Sandbox(async () => current.db!);
  return { sandboxProcessor: p, processor: p };
});

const onPostgres = Boolean(process.env.DATABASE_URL);
const MINUTE = 60_000;
/** Past the 10-minute collection lease, after which an unanswered charge is repeated. */
const AFTER_LEASE = 11 * MINUTE;

let t: TestDb;
let smtp: TestSmtp;
let savedSmtpUrl: string | undefined;
let processor: SandboxProcessor;

beforeAll(async () => {
  smtp = await startTestSmtp();
  savedSmtpUrl = process.env.SMTP_URL;
  process.env.SMTP_URL = smtp.url;
  process.env.TEST_HOOKS = '1';
  t = await createTestDb();
  current.db = t.db;
  processor = new SandboxProcessor(async () => t.db);
}, 300_000);

afterEach(() => {
  setClock(null);
  injectSandboxFault(null);
  smtp.refuse(false);
});

afterAll(async () => {
  setClock(null);
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
  await Promise.all([t?.dispose(), smtp?.close()]);
});

async function runSweeps() {
  const { runSweeps: run } = await import('@/lib/jobs');
  return run(t.db);
}

async function runSweepsAt(at: Date) {
  setClock(at);
  return runSweeps();
}

const renewalOf = async (accountId: string) =>
  (await t.db.select().from(invoices).where(and(eq(invoices.accountId, accountId), eq(invoices.reason, 'renewal'))))[0];
const chargesOf = (invoiceId: string) => t.db.select().from(charges).where(eq(charges.invoiceId, invoiceId));
const processorChargesOf = (invoiceId: string) => t.db.select().from(sandboxCharges).where(sql`${sandboxCharges.idempotencyKey} like ${`invoice:${invoiceId}:%`}`);
const paidMailsFor = async (number: string) => (await t.db.select().from(outbox)).filter((m) => m.subject.includes(number) && /Payment received/.test(m.subject));

/** `n` accounts (the last `declined` of them with a declined card) whose monthly renewal is due at `at`. */
async function renewingAt(at: Date, n: number, declined = 0) {
  const paidAt = new Date(at);
  paidAt.setUTCMonth(paidAt.getUTCMonth() - 1);
  paidAt.setUTCHours(paidAt.getUTCHours() - 3);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await paidAccount(t.db, processor, paidAt, i >= n - declined ? DECLINED_CARD : WORKING_CARD)).account.id);
  setClock(at);
  return ids;
}

/** Each test works in its own year, on its own accounts: the subscriptions of earlier tests no longer renew. */
afterEach(async () => {
  await t.db.update(subscriptions).set({ status: 'canceled' }).where(inArray(subscriptions.status, ['active', 'past_due', 'trialing']));
});
const yearOf = (n: number) => new Date(Date.UTC(2027 + n, 1, 10, 12));

/** A fault inside the database: every insert into `table` (for which `when` holds) fails with `message`. */
async function failingTrigger(table: string, each: 'row' | 'statement', when: string, message: string) {
  await t.db.execute(
    sql.raw(`create or replace function reliability_fault_${table}() returns trigger language plpgsql as $$
      begin if ${when} then raise exception '${message}'; end if; return new; end $$`),
  );
  await t.db.execute(sql.raw(`create trigger reliability_fault_${table} before insert on ${table} for each ${each} execute function reliability_fault_${table}()`));
}

async function dropFailingTrigger(table: string) {
  await t.db.execute(sql.raw(`drop trigger reliability_fault_${table} on ${table}`));
  await t.db.execute(sql.raw(`drop function reliability_fault_${table}()`));
}

describe('the processor fails in the middle of a charge', { timeout: 120_000 }, () => {
  test('a renewal charge whose answer is lost (the processor charged) is repeated after the lease with the same key: one charge, one payment email', async () => {
    const renewing = await renewingAt(SWEEP_AT, 1);
    injectSandboxFault('timeout');
    const first = await runSweepsAt(SWEEP_AT);
    expect(first['collect-open-invoices'].error).toBeUndefined();
    const invoice = await renewalOf(renewing[0]);
    // Charged at the processor, but the answer never came: nothing recorded, the invoice still open.
    expect(await processorChargesOf(invoice.id)).toHaveLength(1);
    expect(await chargesOf(invoice.id)).toHaveLength(0);
    // Within the lease another run leaves it alone; after it the same key is sent again.
    await runSweepsAt(new Date(SWEEP_AT.getTime() + MINUTE));
    expect(await chargesOf(invoice.id)).toHaveLength(0);
    await runSweepsAt(new Date(SWEEP_AT.getTime() + AFTER_LEASE));
    const recorded = await chargesOf(invoice.id);
    expect(recorded.map((c) => [c.status, c.idempotencyKey])).toEqual([['succeeded', chargeKey(invoice.id, 1)]]);
    expect(await processorChargesOf(invoice.id)).toHaveLength(1);
    expect(recorded[0].processorChargeId).toBe((await processorChargesOf(invoice.id))[0].id);
    expect(await paidMailsFor(invoice.number)).toHaveLength(1);
    expect((await t.db.select().from(subscriptions).where(eq(subscriptions.accountId, renewing[0])))[0].status).toBe('active');
  });

  test('a renewal charge that fails before reaching the processor charges nothing; the retry after the lease charges once', async () => {
    const at = yearOf(1);
    const renewing = await renewingAt(at, 1);
    injectSandboxFault('fail');
    await runSweepsAt(at);
    const invoice = await renewalOf(renewing[0]);
    expect(await processorChargesOf(invoice.id)).toHaveLength(0);
    expect(await chargesOf(invoice.id)).toHaveLength(0);
    await runSweepsAt(new Date(at.getTime() + AFTER_LEASE));
    expect((await chargesOf(invoice.id)).map((c) => [c.status, c.attempt])).toEqual([['succeeded', 1]]);
    expect(await processorChargesOf(invoice.id)).toHaveLength(1);
    expect(await paidMailsFor(invoice.number)).toHaveLength(1);
  });
});

describe('the database fails in the middle of an action', { timeout: 120_000 }, () => {
  /** Everything Stop account writes, for one account: status, sessions, the owner's personal data, audit, email. */
  async function stopTrace(accountId: string, ownerId: string, email: string) {
    const account = await reloadAccount(t.db, accountId);
    const [owner] = await t.db.select().from(users).where(eq(users.id, ownerId));
    const live = await t.db.select().from(sessions).where(and(eq(sessions.userId, ownerId), isNull(sessions.revokedAt)));
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.accountId, accountId), eq(auditLog.action, 'account.stopped')));
    const mails = await t.db.select().from(outbox).where(eq(outbox.to, email));
    return { status: account.status, ownerEmail: owner.email, liveSessions: live.length, stoppedAudits: audit.length, mails: mails.length };
  }

  test('a failure inside the Stop account transaction, after its first writes, leaves nothing half-written; the retry stops it once', async () => {
    const { account, owner } = await makeOwnerAccount(t.db, { sessions: 2 });
    const email = owner.email!;
    const before = await stopTrace(account.id, owner.id, email);
    expect(before).toEqual({ status: 'active', ownerEmail: email, liveSessions: 2, stoppedAudits: 0, mails: 0 });
    // The last write of the transaction (the goodbye email) fails, as a write on a dropped connection does.
    await failingTrigger('outbox', 'row', `new."to" = '${email}'`, 'connection to the database was lost (injected)');
    try {
      const err = await stopAccount(t.db, { accountId: account.id, actorUserId: owner.id, confirmation: account.slug }).then(() => null, (e: Error) => e);
      // drizzle names the failed statement; the database's own message is its cause.
      expect(String((err?.cause as Error | undefined)?.message ?? err?.message)).toMatch(/connection to the database was lost/);
    } finally {
      await dropFailingTrigger('outbox');
    }
    expect(await stopTrace(account.id, owner.id, email)).toEqual(before);
    await stopAccount(t.db, { accountId: account.id, actorUserId: owner.id, confirmation: account.slug });
    expect(await stopTrace(account.id, owner.id, email)).toEqual({ status: 'stopped', ownerEmail: null, liveSessions: 0, stoppedAudits: 1, mails: 1 });
  });

  test('a server action whose service fails in the database answers with a message on the form, not an error page; Next redirects still pass through', async () => {
    const { account, owner } = await makeOwnerAccount(t.db, { sessions: 1 });
    const email = owner.email!;
    const before = await stopTrace(account.id, owner.id, email);
    const action = validatedAction({
      schema: z.object({ confirmation: z.string() }),
      guard: async () => ({ accountId: account.id, userId: owner.id }),
      run: async (input, ctx) => void (await stopAccount(t.db, { accountId: ctx.accountId, actorUserId: ctx.userId, confirmation: input.confirmation })),
    });
    const form = new FormData();
    form.set('confirmation', account.slug);
    await failingTrigger('outbox', 'row', `new."to" = '${email}'`, 'connection to the database was lost (injected)');
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    let state;
    try {
      state = await action({ status: 'idle' }, form);
    } finally {
      await dropFailingTrigger('outbox');
      log.mockRestore();
    }
    expect(state).toEqual({ status: 'error', fieldErrors: {}, formError: 'Something went wrong on our side and this was not saved. Please try again in a moment.' });
    expect(await stopTrace(account.id, owner.id, email)).toEqual(before);
    expect(await action({ status: 'idle' }, form)).toMatchObject({ status: 'ok' });

    const redirecting = validatedAction({ schema: z.object({}), guard: async () => null, run: async () => redirect('/account') });
    await expect(redirecting({ status: 'idle' }, new FormData())).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
  });

  test.runIf(onPostgres)('the connection of a Stop account transaction terminated mid-way (pg_terminate_backend) leaves nothing half-written; the app reconnects and the retry stops it once', async () => {
    const { account, owner } = await makeOwnerAccount(t.db, { sessions: 2 });
    const email = owner.email!;
    const before = await stopTrace(account.id, owner.id, email);
    const { default: postgres } = await import('postgres');
    const admin = postgres(t.url!, { max: 1, onnotice: () => {} });
    // The transaction's last write (the goodbye email) waits on a lock the test holds, its earlier
    // writes made; then its connection is terminated under it.
    await t.db.execute(
      sql.raw(`create or replace function reliability_wait_outbox() returns trigger language plpgsql as $$
        begin if new."to" = '${email}' then perform pg_advisory_xact_lock(424242); end if; return new; end $$`),
    );
    await t.db.execute(sql.raw(`create trigger reliability_wait_outbox before insert on outbox for each row execute function reliability_wait_outbox()`));
    try {
      const failure = await admin.begin(async (lock) => {
        await lock`select pg_advisory_xact_lock(424242)`;
        const attempt = stopAccount(t.db, { accountId: account.id, actorUserId: owner.id, confirmation: account.slug }).then(
          () => null,
          (err: Error) => err,
        );
        let pid: number | undefined;
        for (let i = 0; i < 400 && !pid; i++) {
          const [blocked] = await lock`select pid from pg_stat_activity where datname = current_database() and wait_event = 'advisory' and pid <> pg_backend_pid()`;
          pid = blocked?.pid;
          if (!pid) await new Promise((r) => setTimeout(r, 25));
        }
        expect(pid, 'the Stop account transaction never reached its last write').toBeDefined();
        // Its writes so far are made and uncommitted: the account row is still locked by it.
        const [locked] = await lock`select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation where l.pid = ${pid!} and c.relname in ('accounts', 'users', 'sessions') and l.mode = 'RowExclusiveLock'`;
        expect(locked.n).toBeGreaterThan(0);
        await lock`select pg_terminate_backend(${pid!})`;
        return attempt;
      });
      // The action fails with the driver's message (the server closed the connection).
      expect(failure).toBeInstanceOf(Error);
      expect(String((failure!.cause as Error | undefined)?.message ?? failure!.message)).toMatch(/terminat|connection|closed/i);
    } finally {
      await admin.end();
      await t.db.execute(sql.raw(`drop trigger reliability_wait_outbox on outbox`));
      await t.db.execute(sql.raw(`drop function reliability_wait_outbox()`));
    }
    expect(await stopTrace(account.id, owner.id, email)).toEqual(before);
    await stopAccount(t.db, { accountId: account.id, actorUserId: owner.id, confirmation: account.slug });
    expect(await stopTrace(account.id, owner.id, email)).toEqual({ status: 'stopped', ownerEmail: null, liveSessions: 0, stoppedAudits: 1, mails: 1 });
  });
});

describe('the SMTP server is down', { timeout: 120_000 }, () => {
  test('emails stay queued while the SMTP server refuses or is gone, and each goes out once when it is back', async () => {
    setClock(yearOf(2));
    const to = Array.from({ length: 3 }, (_, i) => `smtp-down-${i}-${Date.now().toString(36)}@example.test`);
    for (const address of to) await queueEmail(t.db, address, { subject: `Hello ${address}`, paragraphs: ['While the mail server was down.'] });
    const received = () => smtp.messages.filter((m) => to.includes(m.to[0]));
    const rows = () => t.db.select().from(outbox).where(inArray(outbox.to, to));

    // 1. The server answers but refuses every message (421).
    smtp.refuse(true);
    await runSweeps();
    for (const row of await rows()) expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await rows())[0].lastError).toMatch(/421/);
    // 2. Then nothing listens on its port at all (connection refused), at the next attempt time.
    smtp.refuse(false);
    await smtp.stop();
    try {
      setClock(new Date(now().getTime() + 2 * MINUTE));
      await runSweeps();
      for (const row of await rows()) expect(row).toMatchObject({ status: 'queued', attempts: 2 });
      expect((await rows())[0].lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await smtp.start();
    }
    expect(received()).toHaveLength(0);
    // 3. Back up: not before the next attempt time, then every email once.
    await runSweeps();
    expect(received()).toHaveLength(0);
    setClock(new Date(now().getTime() + 6 * MINUTE));
    await runSweeps();
    await runSweeps();
    expect(received().map((m) => m.to[0]).sort()).toEqual([...to].sort());
    for (const row of await rows()) expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });
});

describe('the app stops in the middle of a sweep run', { timeout: 120_000 }, () => {
  test('a run that dies between charging and recording (an error where the charges are written) is finished by the next run: each renewal charged and recorded once', async () => {
    const at = yearOf(3);
    const renewing = await renewingAt(at, 7, 1);
    await failingTrigger('charges', 'statement', 'true', 'the app stopped here (injected)');
    let crashed;
    const log = vi.spyOn(console, 'error').mockImplementation(() => {}); // the run logs the sweep that died
    try {
      crashed = await runSweepsAt(at);
    } finally {
      await dropFailingTrigger('charges');
      log.mockRestore();
    }
    // The run reports the sweep that died (drizzle names the statement; the injected message is its cause).
    expect(crashed['collect-open-invoices'].error).toMatch(/insert into "charges"/);
    // The six with a working card (the seventh is declined: its failed attempt is recorded the same way).
    const renewals = await Promise.all(renewing.slice(0, 6).map(renewalOf));
    // The processor was asked (and charged), nothing was recorded.
    for (const invoice of renewals) {
      expect(await processorChargesOf(invoice.id)).toHaveLength(1);
      expect(await chargesOf(invoice.id)).toHaveLength(0);
    }
    await runSweepsAt(new Date(at.getTime() + AFTER_LEASE));
    for (const invoice of renewals) {
      expect((await chargesOf(invoice.id)).map((c) => c.status)).toEqual(['succeeded']);
      expect(await processorChargesOf(invoice.id)).toHaveLength(1);
      expect(await paidMailsFor(invoice.number)).toHaveLength(1);
    }
    expect(await duplicatesSince(t.db, at)).toEqual([]);
  });

  test.runIf(onPostgres)('a sweep process killed (SIGKILL) after the processor charged is finished by the next run without a second charge or email', async () => {
    const at = yearOf(4);
    const renewing = await renewingAt(at, 22, 2);
    const child = spawn(process.execPath, ['--import', 'tsx', 'lib/reliability/sweep-child.ts'], {
      env: { ...process.env, DATABASE_URL: t.url!, SWEEP_CLOCK: at.toISOString(), SMTP_URL: smtp.url, JOBS_INTERVAL_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const renewalKeys = sql`${sandboxCharges.idempotencyKey} in (select 'invoice:' || id || ':attempt:1' from invoices where reason = 'renewal' and account_id in ${sql.raw(`(${renewing.map((id) => `'${id}'`).join(',')})`)})`;
    // Kill it as soon as the processor has charged (before or while the charges are recorded).
    for (let i = 0; i < 2400; i++) {
      const [{ n }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(sandboxCharges).where(renewalKeys);
      if (n > 0 || child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    await exited;
    const delivery = await t.db.select().from(jobRuns).where(and(eq(jobRuns.job, 'deliver-outbox'), sql`${jobRuns.startedAt} >= ${at.toISOString()}::timestamptz`));
    expect(delivery.filter((r) => r.finishedAt), `the run was not stopped part-way:\n${output}`).toHaveLength(0);
    expect((await t.db.select({ n: sql<number>`count(*)::int` }).from(sandboxCharges).where(renewalKeys))[0].n).toBeGreaterThan(0);

    // The app comes back: the next run (past the lease) finishes the work.
    await runSweepsAt(new Date(at.getTime() + AFTER_LEASE));
    for (const id of renewing.slice(0, 20)) {
      const invoice = await renewalOf(id);
      expect((await chargesOf(invoice.id)).map((c) => c.status)).toEqual(['succeeded']);
      expect(await processorChargesOf(invoice.id)).toHaveLength(1);
      expect(await paidMailsFor(invoice.number)).toHaveLength(1);
    }
    expect(await duplicatesSince(t.db, at)).toEqual([]);
  }, 300_000);
});
