import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { accounts, auditLog, outbox, users } from '@/db/schema';
import { createPaidAccount, createTrialAccount, useBillingTestDb } from '@/lib/billing/test-helpers';
import { setClock } from '@/lib/clock';
import { deletionDate, inactivityStep, sweepInactiveAccounts } from './inactivity';

const env = useBillingTestDb();
const day = 24 * 3600_000;
const plus = (d: Date, days: number) => new Date(d.getTime() + days * day);

describe('CAN-4 inactivity', () => {
  test('CAN-4 warned after 4 weeks without use, deleted after 8; use after the warning cancels it', () => {
    const last = new Date('2027-01-10T10:00:00Z');
    expect(inactivityStep(last, null, plus(last, 27.9))).toBe('none');
    expect(inactivityStep(last, null, plus(last, 28))).toBe('warn');
    const warned = plus(last, 28);
    expect(inactivityStep(last, warned, plus(last, 55.9))).toBe('none');
    expect(inactivityStep(last, warned, plus(last, 56))).toBe('delete');
    // Someone signed in after the warning: a new spell, a new warning later.
    const used = plus(last, 40);
    expect(inactivityStep(used, warned, plus(last, 60))).toBe('none');
    expect(inactivityStep(used, warned, plus(used, 28))).toBe('warn');
  });

  test('CAN-4 a late warning still gives 4 weeks of notice before deletion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 28, max: 400 }), (daysLate) => {
        const last = new Date('2027-01-10T10:00:00Z');
        const warned = plus(last, daysLate);
        const deletion = deletionDate(last, warned);
        expect(deletion.getTime()).toBeGreaterThanOrEqual(plus(warned, 28).getTime());
        expect(deletion.getTime()).toBeGreaterThanOrEqual(plus(last, 56).getTime());
        expect(inactivityStep(last, warned, new Date(deletion.getTime() - 1))).toBe('none');
        expect(inactivityStep(last, warned, deletion)).toBe('delete');
      }),
    );
  });

  test('CAN-4 the sweep warns an unused trial at 4 weeks, deletes it at 8 like Stop account, and a second run does nothing', async () => {
    const signedUp = new Date('2030-01-05T09:00:00Z');
    const { account, owner } = await createTrialAccount(env.db, signedUp);
    setClock(plus(signedUp, 27));
    await sweepInactiveAccounts(env.db);
    expect((await env.db.select().from(accounts).where(eq(accounts.id, account.id)))[0].inactivityWarnedAt).toBeNull();

    setClock(plus(signedUp, 28.1));
    await sweepInactiveAccounts(env.db);
    const [warned] = await env.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(warned.inactivityWarnedAt).not.toBeNull();
    const mails = await env.db.select().from(outbox).where(eq(outbox.to, owner.email!));
    expect(mails.map((m) => m.subject)).toContain(`${account.slug}.accountdesk.app will be deleted for lack of use`);
    expect(mails.find((m) => /lack of use/.test(m.subject))!.text).toContain('2 Mar 2030');
    await sweepInactiveAccounts(env.db);
    expect((await env.db.select().from(outbox).where(eq(outbox.to, owner.email!))).filter((m) => /lack of use/.test(m.subject))).toHaveLength(1);

    // The clock runs on after setClock, so the warning went out a few milliseconds after day 28.1
    // and its 4 weeks' notice ends that much after day 56.1: the deletion run is set clear of it.
    setClock(plus(signedUp, 56.2));
    await sweepInactiveAccounts(env.db);
    const [deleted] = await env.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(deleted).toMatchObject({ status: 'stopped', stopReason: 'inactivity' });
    const [gone] = await env.db.select().from(users).where(eq(users.id, owner.id));
    expect(gone.email).toBeNull();
    const stops = await env.db.select().from(auditLog).where(eq(auditLog.accountId, account.id));
    expect(stops.map((a) => a.action)).toEqual(expect.arrayContaining(['account.inactivity_warned', 'account.stopped']));
    const [notice] = (await env.db.select().from(outbox).where(eq(outbox.to, owner.email!))).filter((m) => /has been stopped/.test(m.subject));
    expect(notice.text).toContain('Nobody used the account');
    expect(notice.text).not.toContain('As you asked');
    expect(await sweepInactiveAccounts(env.db)).toBe(0);
  });

  test('CAN-4 signing in after the warning keeps the account', async () => {
    const signedUp = new Date('2031-01-05T09:00:00Z');
    const { account, owner } = await createTrialAccount(env.db, signedUp);
    setClock(plus(signedUp, 29));
    await sweepInactiveAccounts(env.db);
    await env.db.update(users).set({ lastActiveAt: plus(signedUp, 40) }).where(eq(users.id, owner.id));
    setClock(plus(signedUp, 57));
    await sweepInactiveAccounts(env.db);
    const [kept] = await env.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(kept.status).toBe('active');
  });

  test('CAN-4 a paying account is never warned or deleted, however long unused', async () => {
    const signedUp = new Date('2032-01-05T09:00:00Z');
    const { account } = await createPaidAccount(env, { signedUpAt: signedUp, paidAt: plus(signedUp, 2) });
    setClock(plus(signedUp, 100));
    await sweepInactiveAccounts(env.db);
    const [kept] = await env.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(kept).toMatchObject({ status: 'active', inactivityWarnedAt: null });
  });
});
