import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountContactAttempts, accounts, auditLog, outbox, plans, subscriptions, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { suspendAccountByStaff } from '@/lib/accounts/staff-suspension';
import type { Actor } from '@/lib/audit';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount, makeUser, reloadAccount } from '@/lib/test-utils/factories';
import { reactivateByStaff, recordContactAttempt, suspendByStaff, terminateByStaff } from './service';

let t: TestDb;
let staffActor: Actor;
const at = new Date('2026-11-26T10:00:00Z');
const later = (m: number) => new Date(at.getTime() + m * 60_000);
beforeAll(async () => {
  t = await createTestDb();
  const staff = await makeUser(t.db, null, { role: 'staff', fullName: 'Petra Support' });
  staffActor = { type: 'staff', id: staff.id, ip: '192.0.2.10' };
});
afterAll(() => t.dispose());

const mails = (to: string) => t.db.select().from(outbox).where(eq(outbox.to, to)).orderBy(outbox.createdAt);
const entries = (accountId: string, action: string) => t.db.select().from(auditLog).where(and(eq(auditLog.accountId, accountId), eq(auditLog.action, action)));

describe('CAN-3 staff suspension', () => {
  test('CAN-3 suspension is refused without a contact attempt and warning, then allowed after one; the warning is emailed and audited', async () => {
    const { account, owner } = await makeOwnerAccount(t.db, { sessions: 0 });
    const refused = suspendByStaff(t.db, { accountId: account.id, ground: 'abuse', reason: 'Sending spam through the widget.' }, staffActor, at);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ field: 'ground' });
    expect((await reloadAccount(t.db, account.id)).staffSuspendedAt).toBeNull();

    await recordContactAttempt(t.db, { accountId: account.id, channel: 'phone', ground: 'abuse', notes: 'Called the owner, no answer.' }, staffActor, at);
    const [attempt] = await t.db.select().from(accountContactAttempts).where(eq(accountContactAttempts.accountId, account.id));
    expect(attempt).toMatchObject({ channel: 'phone', ground: 'abuse', notes: 'Called the owner, no answer.', staffUserId: staffActor.id, warningSentAt: at });
    const [warning] = await mails(owner.email!);
    expect(warning.subject).toBe('Warning: your Accountdesk account may be suspended');
    expect(warning.text).toContain('We tried to reach you by phone');
    expect(warning.text).toContain('The problem we found: Abuse of the service.');
    expect(warning.text).toContain('billing@accountdesk.app');
    expect(await entries(account.id, 'account.contact_attempt_recorded')).toHaveLength(1);

    await suspendByStaff(t.db, { accountId: account.id, ground: 'abuse', reason: 'Sending spam through the widget.' }, staffActor, later(60));
    const row = await reloadAccount(t.db, account.id);
    expect(row).toMatchObject({ status: 'suspended', staffSuspensionGround: 'abuse', staffSuspensionReason: 'Sending spam through the widget.' });
    const [entry] = await entries(account.id, 'account.suspended_by_staff');
    expect(entry.details).toMatchObject({ ground: 'abuse', reason: 'Sending spam through the widget.', previousStatus: 'active', warningSkipped: false });
    const suspendedMail = (await mails(owner.email!)).at(-1)!;
    expect(suspendedMail.subject).toBe('Your Accountdesk account is suspended');
    expect(suspendedMail.text).toContain('Ground for the suspension: Abuse of the service.');
    expect(suspendedMail.text).toContain('Reason: Sending spam through the widget.');
    await expect(suspendByStaff(t.db, { accountId: account.id, ground: 'fraud', reason: 'again and again' }, staffActor, later(61))).rejects.toBeInstanceOf(DomainError);
  });

  test('CAN-3 fraud and illegal use are suspended without a warning (and APS-3 goes the same way)', async () => {
    for (const ground of ['fraud', 'illegal_use'] as const) {
      const { account, owner } = await makeOwnerAccount(t.db, { sessions: 0 });
      await suspendByStaff(t.db, { accountId: account.id, ground, reason: 'Stolen cards used to pay.' }, staffActor, at);
      expect((await reloadAccount(t.db, account.id)).status).toBe('suspended');
      const sent = await mails(owner.email!);
      expect(sent.map((m) => m.subject)).toEqual(['Your Accountdesk account is suspended']);
      const [entry] = await entries(account.id, 'account.suspended_by_staff');
      expect(entry.details).toMatchObject({ ground, warningSkipped: true });
    }
    const { account } = await makeOwnerAccount(t.db, { sessions: 0 });
    await suspendAccountByStaff(t.db, { accountId: account.id, reason: 'The code is shared on a forum.', context: 'deal:AppSumo' }, staffActor, at);
    expect(await reloadAccount(t.db, account.id)).toMatchObject({ status: 'suspended', staffSuspensionGround: 'fraud' });
  });

  test('CAN-3 reactivation lifts the suspension, is audited and emailed; a new suspension needs a new warning', async () => {
    const { account, owner } = await makeOwnerAccount(t.db, { sessions: 0 });
    await recordContactAttempt(t.db, { accountId: account.id, channel: 'email', ground: 'terms_breach', notes: 'Emailed about resold seats.' }, staffActor, at);
    await suspendByStaff(t.db, { accountId: account.id, ground: 'terms_breach', reason: 'Seats are resold to third parties.' }, staffActor, later(10));
    await reactivateByStaff(t.db, { accountId: account.id, note: 'The owner stopped reselling.' }, staffActor, later(20));
    expect(await reloadAccount(t.db, account.id)).toMatchObject({ status: 'active', staffSuspendedAt: null, staffSuspensionReason: null, staffSuspensionGround: null });
    const [entry] = await entries(account.id, 'account.reactivated_by_staff');
    expect(entry.details).toMatchObject({ reason: 'The owner stopped reselling.', ground: 'terms_breach', status: 'active' });
    expect((await mails(owner.email!)).at(-1)!.subject).toBe('Your Accountdesk account is active again');
    await expect(reactivateByStaff(t.db, { accountId: account.id, note: 'twice over' }, staffActor, later(21))).rejects.toBeInstanceOf(DomainError);
    // The warning before the reactivation no longer counts.
    await expect(suspendByStaff(t.db, { accountId: account.id, ground: 'terms_breach', reason: 'Reselling again.' }, staffActor, later(30))).rejects.toBeInstanceOf(DomainError);
  });

  test('CAN-3 reactivation keeps a billing suspension (PAY-2) that is still owed', async () => {
    const { account } = await makeOwnerAccount(t.db, { sessions: 0 });
    const [plan] = await t.db.select().from(plans).limit(1);
    await t.db.insert(subscriptions).values({ accountId: account.id, planId: plan.id, seats: 1, interval: 'monthly', status: 'suspended', suspendedAt: at, createdAt: at, updatedAt: at });
    await t.db.update(accounts).set({ status: 'suspended' }).where(eq(accounts.id, account.id));
    await suspendByStaff(t.db, { accountId: account.id, ground: 'fraud', reason: 'Chargebacks on every card.' }, staffActor, at);
    await reactivateByStaff(t.db, { accountId: account.id, note: 'Cleared by the bank.' }, staffActor, later(5));
    expect(await reloadAccount(t.db, account.id)).toMatchObject({ status: 'suspended', staffSuspendedAt: null });
  });

  test('CAN-3 termination needs the typed address, emails the owner with the reason and erases through stopAndErase', async () => {
    const { account, owner } = await makeOwnerAccount(t.db, { sessions: 1 });
    await recordContactAttempt(t.db, { accountId: account.id, channel: 'email', ground: 'illegal_use', notes: 'Asked about phishing pages.' }, staffActor, at);
    const wrong = terminateByStaff(t.db, { accountId: account.id, reason: 'Phishing pages hosted in tickets.', confirmation: 'something-else' }, staffActor, later(1));
    await expect(wrong).rejects.toMatchObject({ field: 'confirmation' });
    const result = await terminateByStaff(t.db, { accountId: account.id, reason: 'Phishing pages hosted in tickets.', confirmation: account.slug }, staffActor, later(2));
    expect(result.usersErased).toBe(1);
    const row = await reloadAccount(t.db, account.id);
    expect(row).toMatchObject({ status: 'stopped', stopReason: 'staff_termination' });
    const [erasedOwner] = await t.db.select().from(users).where(eq(users.id, owner.id));
    expect(erasedOwner.email).toBeNull();
    const [attempt] = await t.db.select().from(accountContactAttempts).where(eq(accountContactAttempts.accountId, account.id));
    expect(attempt.notes).toBeNull();
    const [stopped] = await entries(account.id, 'account.stopped');
    expect(stopped.details).toMatchObject({ reason: 'staff_termination' });
    const [terminated] = await entries(account.id, 'account.terminated_by_staff');
    expect(terminated.details).toMatchObject({ reason: 'Phishing pages hosted in tickets.' });
    const [mail] = await t.db.select().from(outbox).where(and(eq(outbox.accountId, account.id), eq(outbox.subject, 'Your Accountdesk account has been stopped')));
    expect(mail).toBeTruthy();
    expect(mail.to).toBe(owner.email);
    expect(mail.text).toContain('Our staff terminated the account');
    expect(mail.text).toContain('Reason: Phishing pages hosted in tickets.');
    await expect(terminateByStaff(t.db, { accountId: account.id, reason: 'again and again', confirmation: account.slug }, staffActor, later(3))).rejects.toBeInstanceOf(DomainError);
  });
});
