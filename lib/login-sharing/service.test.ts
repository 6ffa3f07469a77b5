import fc from 'fast-check';
import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { auditLog, invoiceLines, invoices, loginActivity, loginSharingFlags, outbox } from '@/db/schema';
import { createSession } from '@/lib/auth/sessions';
import { collectOpenInvoices, issueRenewalInvoices } from '@/lib/billing/renewals';
import { getSubscription } from '@/lib/billing/subscriptions';
import { createPaidAccount, useBillingTestDb } from '@/lib/billing/test-helpers';
import { setClock } from '@/lib/clock';
import { formatMoney } from '@/lib/i18n/format';
import { makeUser } from '@/lib/test-utils/factories';
import { recordLoginActivity } from './activity';
import { detectLoginSharing } from './detection';
import { overlappingHours } from './rules';
import { addSharingSurcharge, dismissSharingFlag, endSharingSurcharge } from './service';

const t = useBillingTestDb();
const staff = { type: 'staff' as const, id: null, ip: '192.0.2.5' };
const CHROME_WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const FIREFOX_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:140.0) Gecko/20100101 Firefox/140.0';
const thresholds = { minDays: 3, windowDays: 14 };

/** A login of `accountId` with two sessions, used from `a` and `b` ({ip, ua}) in the same hour on each of `days`. */
async function sharedUse(accountId: string, days: string[], a = { ip: '203.0.113.5', ua: CHROME_WIN }, b = { ip: '198.51.100.7', ua: FIREFOX_MAC }, userId?: string) {
  const user = userId ? { id: userId } : await makeUser(t.db, accountId, { role: 'agent', fullName: 'Peter Shared' });
  const s1 = await createSession(t.db, user.id, { ip: a.ip, userAgent: a.ua });
  const s2 = await createSession(t.db, user.id, { ip: b.ip, userAgent: b.ua });
  for (const day of days) {
    await recordLoginActivity(t.db, { sessionId: s1, userId: user.id, ip: a.ip, userAgent: a.ua }, new Date(`${day}T09:10:00Z`));
    await recordLoginActivity(t.db, { sessionId: s2, userId: user.id, ip: b.ip, userAgent: b.ua }, new Date(`${day}T09:40:00Z`));
  }
  return user.id;
}
const flagOf = async (userId: string) => (await t.db.select().from(loginSharingFlags).where(eq(loginSharingFlags.userId, userId)))[0];

describe('ACC-8 login-sharing detection', () => {
  test('ACC-8 a login used from different devices and networks in the same hour on 3 days within 14 is flagged once, with the evidence', async () => {
    const { account } = await createPaidAccount(t, { signedUpAt: new Date('2027-01-05T09:00:00Z'), paidAt: new Date('2027-01-10T09:00:00Z') });
    const userId = await sharedUse(account.id, ['2027-01-20', '2027-01-22']);
    expect(await detectLoginSharing(t.db, thresholds, new Date('2027-01-22T12:00:00Z'))).toBe(0);
    await sharedUse(account.id, ['2027-01-25'], undefined, undefined, userId);
    expect(await detectLoginSharing(t.db, thresholds, new Date('2027-01-25T12:00:00Z'))).toBe(1);
    const flag = await flagOf(userId);
    expect(flag).toMatchObject({ status: 'open', accountId: account.id, days: 3 });
    expect(flag.firstSeenAt.toISOString()).toBe('2027-01-20T09:00:00.000Z');
    expect(flag.lastSeenAt.toISOString()).toBe('2027-01-25T09:00:00.000Z');
    expect(flag.evidence).toHaveLength(3);
    expect(flag.evidence[0].networks).toEqual(['198.51.100.0/24', '203.0.113.0/24']);
    expect(flag.evidence[0].devices).toEqual(['Chrome on Windows', 'Firefox on Mac OS']);
    // Flagged once: more shared use and more sweeps add no second flag.
    await sharedUse(account.id, ['2027-01-26'], undefined, undefined, userId);
    expect(await detectLoginSharing(t.db, thresholds, new Date('2027-01-26T12:00:00Z'))).toBe(0);
    expect(await t.db.select().from(loginSharingFlags).where(eq(loginSharingFlags.userId, userId))).toHaveLength(1);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'login_sharing.flagged'), eq(auditLog.target, `user:${userId}`)))).toHaveLength(1);
  });

  test('ACC-8 the same network (two devices at home) or the same device on two networks is not sharing; days outside the window do not count', async () => {
    const { account } = await createPaidAccount(t, { signedUpAt: new Date('2027-01-05T09:00:00Z'), paidAt: new Date('2027-01-10T09:00:00Z') });
    const days = ['2027-01-20', '2027-01-21', '2027-01-22', '2027-01-23'];
    const sameNetwork = await sharedUse(account.id, days, { ip: '203.0.113.5', ua: CHROME_WIN }, { ip: '203.0.113.99', ua: FIREFOX_MAC });
    const sameDevice = await sharedUse(account.id, days, { ip: '203.0.113.5', ua: CHROME_WIN }, { ip: '198.51.100.7', ua: CHROME_WIN });
    const spread = await sharedUse(account.id, ['2026-12-20', '2027-01-02', '2027-01-20']);
    await detectLoginSharing(t.db, thresholds, new Date('2027-01-23T12:00:00Z'));
    expect(await flagOf(sameNetwork)).toBeUndefined();
    expect(await flagOf(sameDevice)).toBeUndefined();
    expect(await flagOf(spread)).toBeUndefined();
    // Activity older than the window was pruned by the sweep.
    const kept = await t.db.select().from(loginActivity).where(eq(loginActivity.userId, spread));
    expect(kept.map((r) => r.hour.toISOString())).toEqual(['2027-01-20T09:00:00.000Z', '2027-01-20T09:00:00.000Z']);
    // With a lower threshold (configurable), two days are enough.
    await sharedUse(account.id, ['2027-01-23'], undefined, undefined, spread);
    expect(await detectLoginSharing(t.db, { minDays: 2, windowDays: 14 }, new Date('2027-01-23T12:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect((await flagOf(spread))?.days).toBe(2);
  });

  test('ACC-8 the set-based detection flags exactly the logins the reference rule finds', async () => {
    const { account } = await createPaidAccount(t, { signedUpAt: new Date('2027-01-05T09:00:00Z'), paidAt: new Date('2027-01-10T09:00:00Z') });
    const at = new Date('2027-02-01T00:00:00Z');
    const use = fc.record({ session: fc.integer({ min: 0, max: 2 }), hour: fc.integer({ min: 0, max: 13 * 24 }), network: fc.constantFrom('203.0.113.5', '198.51.100.7'), ua: fc.constantFrom(CHROME_WIN, FIREFOX_MAC) });
    await fc.assert(
      fc.asyncProperty(fc.array(use, { maxLength: 12 }), async (uses) => {
        const user = await makeUser(t.db, account.id, { role: 'agent' });
        const sessionIds = [0, 1, 2].map(() => createSession(t.db, user.id, {}));
        const ids = await Promise.all(sessionIds);
        // A session keeps its first network and device of an hour (one row per session per hour).
        for (const u of uses) await recordLoginActivity(t.db, { sessionId: ids[u.session], userId: user.id, ip: u.network, userAgent: u.ua }, new Date(at.getTime() - 3600_000 - u.hour * 3600_000));
        const rows = await t.db.select().from(loginActivity).where(eq(loginActivity.userId, user.id));
        const hours = overlappingHours(rows);
        const days = new Set(hours.map((h) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bratislava' }).format(h.hour))).size;
        await detectLoginSharing(t.db, thresholds, at);
        const flag = await flagOf(user.id);
        expect(!!flag).toBe(days >= thresholds.minDays);
        if (flag) expect(flag.evidence.map((e) => new Date(e.hour).toISOString())).toEqual(hours.map((h) => h.hour.toISOString()));
      }),
      { numRuns: 15 },
    );
  });
});

describe('ACC-8 shared-login surcharge', () => {
  test('ACC-8 staff add the surcharge: the owner is emailed with the amount, and the next renewal invoice has one seat per month for the login', async () => {
    const { account, owner } = await createPaidAccount(t, { signedUpAt: new Date('2027-01-05T09:00:00Z'), paidAt: new Date('2027-01-10T09:00:00Z') });
    const userId = await sharedUse(account.id, ['2027-01-20', '2027-01-22', '2027-01-25']);
    await detectLoginSharing(t.db, thresholds, new Date('2027-01-25T12:00:00Z'));
    const flag = await flagOf(userId);
    const seat = (await getSubscription(t.db, account.id))!.plan.seatPriceMonthlyCents;
    setClock(new Date('2027-01-26T10:00:00Z'));
    const { surchargeId, monthlyCents } = await addSharingSurcharge(t.db, flag.id, staff, new Date('2027-01-26T10:00:00Z'));
    expect(monthlyCents).toBe(seat);
    expect((await flagOf(userId)).status).toBe('surcharged');
    const [mail] = await t.db.select().from(outbox).where(and(eq(outbox.to, owner.email!), eq(outbox.subject, 'A monthly surcharge for a shared login')));
    expect(mail.text).toContain('Peter Shared');
    expect(mail.text).toContain(`${formatMoney(seat)} per month`);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'login_sharing.surcharge_added'))).toHaveLength(1);
    // A decided flag cannot be decided again.
    await expect(addSharingSurcharge(t.db, flag.id, staff, new Date('2027-01-26T10:01:00Z'))).rejects.toThrow();

    setClock(new Date('2027-02-10T09:00:05Z'));
    await issueRenewalInvoices(t.db);
    await collectOpenInvoices(t.db, t.processor);
    const [renewal] = await t.db.select().from(invoices).where(and(eq(invoices.accountId, account.id), eq(invoices.reason, 'renewal')));
    const lines = await t.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, renewal.id)).orderBy(invoiceLines.position);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ description: 'Shared login surcharge: Peter Shared (one seat per month)', quantity: 1, unitPriceCents: seat, netCents: seat });
    expect(renewal.netCents).toBe(lines[0].netCents + seat);

    // Once staff end it, later renewals no longer carry it.
    await endSharingSurcharge(t.db, surchargeId, staff, new Date('2027-02-20T10:00:00Z'));
    setClock(new Date('2027-03-10T09:00:05Z'));
    await issueRenewalInvoices(t.db);
    const renewals = await t.db.select().from(invoices).where(and(eq(invoices.accountId, account.id), eq(invoices.reason, 'renewal')));
    const march = renewals.find((r) => r.id !== renewal.id)!;
    expect(await t.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, march.id))).toHaveLength(1);
  });

  test('ACC-8 a dismissed flag stays dismissed: no surcharge, no new flag for the same login', async () => {
    const { account, owner } = await createPaidAccount(t, { signedUpAt: new Date('2027-01-05T09:00:00Z'), paidAt: new Date('2027-01-10T09:00:00Z') });
    const userId = await sharedUse(account.id, ['2027-01-20', '2027-01-22', '2027-01-25']);
    await detectLoginSharing(t.db, thresholds, new Date('2027-01-25T12:00:00Z'));
    const flag = await flagOf(userId);
    await dismissSharingFlag(t.db, flag.id, staff, new Date('2027-01-26T10:00:00Z'));
    await expect(addSharingSurcharge(t.db, flag.id, staff, new Date('2027-01-26T10:01:00Z'))).rejects.toThrow();
    await sharedUse(account.id, ['2027-01-27', '2027-01-28', '2027-01-29'], undefined, undefined, userId);
    expect(await detectLoginSharing(t.db, thresholds, new Date('2027-01-29T12:00:00Z'))).toBe(0);
    expect(await t.db.select().from(loginSharingFlags).where(eq(loginSharingFlags.userId, userId))).toMatchObject([{ status: 'dismissed' }]);
    expect(await t.db.select().from(outbox).where(and(eq(outbox.to, owner.email!), eq(outbox.subject, 'A monthly surcharge for a shared login')))).toHaveLength(0);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'login_sharing.dismissed'), eq(auditLog.target, `user:${userId}`)))).toHaveLength(1);
  });
});
