import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loginActivity, loginSharingFlags, loginSurcharges, sessions } from '@/db/schema';
import { createSession, touchSession } from '@/lib/auth/sessions';
import { setClock } from '@/lib/clock';
import { eraseSubject } from '@/lib/privacy/erasure';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount, makeUser } from '@/lib/test-utils/factories';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  setClock(null);
  await t.dispose();
});

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

describe('ACC-8 activity signals', () => {
  test('ACC-8 a customer session records its hour, network and device at sign-in and at most once an hour after; staff sessions record nothing', async () => {
    setClock(new Date('2026-12-01T10:05:00Z'));
    const { account } = await makeOwnerAccount(t.db, { sessions: 0 });
    const agent = await makeUser(t.db, account.id, { role: 'agent' });
    const sid = await createSession(t.db, agent.id, { ip: '203.0.113.9', userAgent: UA }, { trackActivity: true });
    const meta = { ip: '203.0.113.10', userAgent: UA };
    const touch = async (at: string) => {
      setClock(new Date(at));
      const [s] = await t.db.select().from(sessions).where(eq(sessions.id, sid));
      await touchSession(t.db, sid, agent.id, s.lastSeenAt, meta);
    };
    await touch('2026-12-01T10:30:00Z'); // same hour: nothing new
    await touch('2026-12-01T10:59:00Z');
    await touch('2026-12-01T11:01:00Z'); // a new hour: one row
    await touch('2026-12-01T11:40:00Z');
    const rows = await t.db.select().from(loginActivity).where(eq(loginActivity.sessionId, sid)).orderBy(loginActivity.hour);
    expect(rows.map((r) => [r.hour.toISOString(), r.network, r.device])).toEqual([
      ['2026-12-01T10:00:00.000Z', '203.0.113.0/24', 'Firefox on Linux'],
      ['2026-12-01T11:00:00.000Z', '203.0.113.0/24', 'Firefox on Linux'],
    ]);
    const staff = await makeUser(t.db, null, { role: 'staff' });
    const staffSid = await createSession(t.db, staff.id, { ip: '192.0.2.1', userAgent: UA }, { trackActivity: false });
    await touchSession(t.db, staffSid, staff.id, new Date('2026-12-01T08:00:00Z'));
    expect(await t.db.select().from(loginActivity).where(eq(loginActivity.userId, staff.id))).toEqual([]);
  });

  test('ACC-8 GDPR-7 erasing a person removes their activity and the evidence of a flag, and ends a surcharge', async () => {
    setClock(new Date('2026-12-02T10:05:00Z'));
    const { account } = await makeOwnerAccount(t.db, { sessions: 0 });
    const agent = await makeUser(t.db, account.id, { role: 'agent' });
    await createSession(t.db, agent.id, { ip: '203.0.113.9', userAgent: UA }, { trackActivity: true });
    const [flag] = await t.db
      .insert(loginSharingFlags)
      .values({ userId: agent.id, accountId: account.id, status: 'surcharged', flaggedAt: new Date(), firstSeenAt: new Date(), lastSeenAt: new Date(), days: 3, evidence: [{ hour: '2026-12-01T10:00:00Z', networks: ['203.0.113.0/24'], devices: ['Firefox on Linux'] }] })
      .returning();
    await t.db.insert(loginSurcharges).values({ accountId: account.id, userId: agent.id, flagId: flag.id, startedAt: new Date() });
    await t.db.transaction((tx) => eraseSubject(tx, { email: agent.email!, at: new Date('2026-12-02T11:00:00Z'), actor: { type: 'system' }, reason: 'request' }));
    expect(await t.db.select().from(loginActivity).where(eq(loginActivity.userId, agent.id))).toEqual([]);
    expect((await t.db.select().from(loginSharingFlags).where(eq(loginSharingFlags.id, flag.id)))[0].evidence).toEqual([]);
    expect((await t.db.select().from(loginSurcharges).where(eq(loginSurcharges.flagId, flag.id)))[0].endedAt).not.toBeNull();
  });
});
