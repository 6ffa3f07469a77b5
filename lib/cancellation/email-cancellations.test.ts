import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accounts, auditLog, outbox, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount, makeUser } from '@/lib/test-utils/factories';
import { carryOutCancellation, listEmailCancellations, recordEmailCancellation, slugFromAccountInput } from './email-cancellations';
import { recordCancellationSchema } from './schemas';

let t: TestDb;
let staff: { type: 'staff'; id: string; ip: string };
beforeAll(async () => {
  t = await createTestDb();
  const user = await makeUser(t.db, null, { role: 'staff' });
  staff = { type: 'staff', id: user.id, ip: '192.0.2.9' };
});
afterAll(() => t.dispose());

const form = (over: Record<string, string>) => recordCancellationSchema.parse({ account: '', receivedAt: '2027-07-02T14:30', requesterEmail: '', ...over });
const at = new Date('2027-07-02T13:00:00Z');

describe('CAN-2 cancellations received by email', () => {
  test('CAN-2 the account is named by its address or its name', () => {
    expect(slugFromAccountInput(' Acme.accountdesk.app ')).toBe('acme');
    expect(slugFromAccountInput('https://acme.accountdesk.app/')).toBe('acme');
    expect(slugFromAccountInput('acme')).toBe('acme');
  });

  test('CAN-2 recorded on a Friday before a Slovak holiday, it is due the same time on Tuesday; audited; listed as open', async () => {
    const { account } = await makeOwnerAccount(t.db);
    const row = await recordEmailCancellation(t.db, form({ account: `${account.slug}.accountdesk.app` }), staff, at);
    // Friday 2 July 2027 14:30 Bratislava; Monday 5 July is a day of rest.
    expect(row.dueAt.toISOString()).toBe('2027-07-06T12:30:00.000Z');
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'account.cancellation_recorded'));
    expect(audits.some((a) => a.accountId === account.id)).toBe(true);
    expect((await listEmailCancellations(t.db)).open.map((o) => o.id)).toContain(row.id);
    // A second email about the same account is the same request.
    const again = await recordEmailCancellation(t.db, form({ account: account.slug }), staff, at).catch((e) => e);
    expect(again).toBeInstanceOf(DomainError);
    expect(again.field).toBe('account');
  });

  test('CAN-2 an unknown account or a time in the future is refused at its field', async () => {
    const unknown = await recordEmailCancellation(t.db, form({ account: 'no-such-account' }), staff, at).catch((e) => e);
    expect(unknown.field).toBe('account');
    const { account } = await makeOwnerAccount(t.db);
    const future = await recordEmailCancellation(t.db, form({ account: account.slug, receivedAt: '2027-07-02T16:00' }), staff, at).catch((e) => e);
    expect(future.field).toBe('receivedAt');
  });

  test('CAN-2 carrying it out stops and erases the account like Stop account and emails the requester; it cannot run twice', async () => {
    const { account, owner } = await makeOwnerAccount(t.db);
    const ownerEmail = owner.email!;
    const row = await recordEmailCancellation(t.db, form({ account: account.slug, requesterEmail: 'Office@Example.test' }), staff, at);
    await carryOutCancellation(t.db, row.id, staff, new Date('2027-07-05T09:00:00Z'));
    const [stopped] = await t.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(stopped.status).toBe('stopped');
    expect(stopped.stopReason).toBe('email_cancellation');
    const [erased] = await t.db.select().from(users).where(eq(users.id, owner.id));
    expect(erased.email).toBeNull();
    const [toRequester] = await t.db.select().from(outbox).where(eq(outbox.to, 'office@example.test'));
    expect(toRequester.subject).toBe(`Your cancellation of ${account.slug}.accountdesk.app is done`);
    const toOwner = await t.db.select().from(outbox).where(eq(outbox.to, ownerEmail));
    expect(toOwner.map((m) => m.subject)).toEqual(['Your Accountdesk account has been stopped']);
    const stops = await t.db.select().from(auditLog).where(eq(auditLog.action, 'account.stopped'));
    expect(stops.find((a) => a.accountId === account.id)?.details).toMatchObject({ reason: 'email_cancellation' });
    await expect(carryOutCancellation(t.db, row.id, staff, new Date('2027-07-05T09:05:00Z'))).rejects.toBeInstanceOf(DomainError);
    expect((await listEmailCancellations(t.db)).done.map((d) => d.id)).toContain(row.id);
  });
});
