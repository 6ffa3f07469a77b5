import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { billingProfiles, invitations, outbox, paymentMethods, plans, seatIntervals, sessions, subscriptions, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { authenticate } from '@/lib/auth/login';
import { translateMessage } from '@/lib/i18n/message-ref';
import { translatorFor } from '@/lib/i18n/translator';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount } from '@/lib/test-utils/factories';
import { acceptInvitation, changeRole, inviteUser, listTeam, removeUser, resendInvitation, revokeInvitation, type TeamActor } from './service';

let t: TestDb;
const at = new Date('2026-11-26T10:00:00Z');
beforeAll(async () => {
  process.env.TEST_HOOKS = '1';
  t = await createTestDb();
});
afterAll(() => t.dispose());

async function accountWith(sub: { status: 'active' | 'lifetime'; seats: number; planCode?: string }) {
  const { account, owner } = await makeOwnerAccount(t.db, { sessions: 0 });
  const [plan] = await t.db.select().from(plans).where(eq(plans.code, sub.planCode ?? 'team'));
  await t.db.insert(subscriptions).values({ accountId: account.id, planId: plan.id, seats: sub.seats, status: sub.status, createdAt: at, updatedAt: at });
  const actor: TeamActor = { accountId: account.id, userId: owner.id, role: 'owner', ip: '192.0.2.1' };
  return { account, owner, actor };
}

/** The token of the last invitation email to `to`. */
async function invitationToken(to: string): Promise<string> {
  const mails = await t.db.select().from(outbox).where(eq(outbox.to, to));
  const m = mails[mails.length - 1].text.match(/token=([A-Za-z0-9_%-]+)/);
  return decodeURIComponent(m![1]);
}
const english = (e: unknown) => translateMessage(translatorFor('en'), (e as Error).message);
async function refused(p: Promise<unknown>) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(DomainError);
  return english(e);
}
const password = 'another good password 42';

describe('ACC-7 one login per person', () => {
  test('ACC-7 an invitee sets their own name and password and signs in with their own login', async () => {
    const { actor } = await accountWith({ status: 'active', seats: 3 });
    await inviteUser(t.db, actor, { email: 'Agent.One@example.test', role: 'agent' }, at, 'en');
    const mail = (await t.db.select().from(outbox).where(eq(outbox.to, 'agent.one@example.test')))[0];
    expect(mail.subject).toMatch(/You are invited to Acme/);
    const token = await invitationToken('agent.one@example.test');
    const joined = await acceptInvitation(t.db, token, { fullName: 'Ágnes Agent', password }, { ip: '192.0.2.2' }, at);
    const [user] = await t.db.select().from(users).where(eq(users.id, joined.userId));
    expect(user).toMatchObject({ role: 'agent', fullName: 'Ágnes Agent', accountId: actor.accountId });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await refused(acceptInvitation(t.db, token, { fullName: 'Again', password }, { ip: '192.0.2.2' }, at))).toMatch(/already been accepted/);
    const [seat] = await t.db.select().from(seatIntervals).where(eq(seatIntervals.userId, joined.userId));
    expect(seat.endedAt).toBeNull();
  });

  test('ACC-7 the seat count limits users, owner and open invitations included, and names the seat count', async () => {
    const { actor } = await accountWith({ status: 'active', seats: 2 });
    await inviteUser(t.db, actor, { email: 'seat-one@example.test', role: 'agent' }, at, 'en');
    expect(await refused(inviteUser(t.db, actor, { email: 'seat-two@example.test', role: 'agent' }, at, 'en'))).toBe(
      'All 2 seats are in use (open invitations included). Add seats on the Plan page, or remove a user or invitation first.',
    );
    // Revoking the invitation frees the seat.
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.email, 'seat-one@example.test'));
    await revokeInvitation(t.db, actor, inv.id, at);
    await inviteUser(t.db, actor, { email: 'seat-two@example.test', role: 'agent' }, at, 'en');
  });

  test('ACC-7 an email with a login cannot be invited; an agent cannot invite; only the owner makes admins', async () => {
    const { actor, owner } = await accountWith({ status: 'active', seats: 5 });
    expect(await refused(inviteUser(t.db, actor, { email: owner.email!, role: 'agent' }, at, 'en'))).toMatch(/already has an Accountdesk login/);
    await inviteUser(t.db, actor, { email: 'adm@example.test', role: 'admin' }, at, 'en');
    const admin = await acceptInvitation(t.db, await invitationToken('adm@example.test'), { fullName: 'Ada Admin', password }, { ip: '192.0.2.3' }, at);
    const asAdmin: TeamActor = { ...actor, userId: admin.userId, role: 'admin' };
    expect(await refused(inviteUser(t.db, asAdmin, { email: 'adm2@example.test', role: 'admin' }, at, 'en'))).toMatch(/Only the owner/);
    await inviteUser(t.db, asAdmin, { email: 'agt@example.test', role: 'agent' }, at, 'en');
    const agent = await acceptInvitation(t.db, await invitationToken('agt@example.test'), { fullName: 'Al Agent', password }, { ip: '192.0.2.3' }, at);
    const asAgent: TeamActor = { ...actor, userId: agent.userId, role: 'agent' };
    expect(await refused(inviteUser(t.db, asAgent, { email: 'x@example.test', role: 'agent' }, at, 'en'))).toMatch(/role does not allow/);
    expect(await refused(removeUser(t.db, asAdmin, actor.userId, at))).toMatch(/role does not allow/);
    await changeRole(t.db, actor, agent.userId, 'admin');
    const team = await listTeam(t.db, actor.accountId, at);
    expect(team.people.map((p) => p.role)).toEqual(['owner', 'admin', 'admin']);
  });

  test('ACC-7 a removed user cannot sign in, their sessions end at once and their seat closes', async () => {
    const { actor } = await accountWith({ status: 'active', seats: 5 });
    await inviteUser(t.db, actor, { email: 'leaver@example.test', role: 'agent' }, at, 'en');
    const leaver = await acceptInvitation(t.db, await invitationToken('leaver@example.test'), { fullName: 'Lea Leaver', password }, { ip: '192.0.2.4' }, at);
    const signIn = () => authenticate(t.db, { email: 'leaver@example.test', password }, { ip: '192.0.2.4', userAgent: 'vitest' });
    expect((await signIn()).userId).toBe(leaver.userId);
    await removeUser(t.db, actor, leaver.userId, new Date(at.getTime() + 3_600_000));
    expect(await t.db.select().from(sessions).where(and(eq(sessions.userId, leaver.userId), isNull(sessions.revokedAt)))).toHaveLength(0);
    await expect(signIn()).rejects.toThrow();
    const [seat] = await t.db.select().from(seatIntervals).where(eq(seatIntervals.userId, leaver.userId));
    expect(seat.endedAt).not.toBeNull();
    // Invited back: the same login returns with a new seat.
    await inviteUser(t.db, actor, { email: 'leaver@example.test', role: 'agent' }, at, 'en');
    const back = await acceptInvitation(t.db, await invitationToken('leaver@example.test'), { fullName: 'Lea Leaver', password }, { ip: '192.0.2.4' }, new Date(at.getTime() + 86_400_000));
    expect(back.userId).toBe(leaver.userId);
    expect(await t.db.select().from(seatIntervals).where(eq(seatIntervals.userId, leaver.userId))).toHaveLength(2);
  });

  test('ACC-7 a resent invitation gets a new link; the old one stops working', async () => {
    const { actor } = await accountWith({ status: 'active', seats: 5 });
    await inviteUser(t.db, actor, { email: 'resend@example.test', role: 'agent' }, at, 'en');
    const old = await invitationToken('resend@example.test');
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.email, 'resend@example.test'));
    await resendInvitation(t.db, actor, inv.id, at, 'nl');
    const fresh = await invitationToken('resend@example.test');
    expect(fresh).not.toBe(old);
    const mails = await t.db.select().from(outbox).where(eq(outbox.to, 'resend@example.test'));
    expect(mails[1].subject).toMatch(/U bent uitgenodigd/);
    expect(await refused(acceptInvitation(t.db, old, { fullName: 'Old Link', password }, { ip: '192.0.2.5' }, at))).toMatch(/not valid/);
    expect(await refused(acceptInvitation(t.db, fresh, { fullName: 'Late', password }, { ip: '192.0.2.5' }, new Date(at.getTime() + 8 * 86_400_000)))).toMatch(/expired/);
  });
});

describe('APS-6 APS-8 APS-9 team users on a deal account', () => {
  test('APS-8 the owner is warned once users exceed the deal seats (APS-6 one free user, APS-9 billing details and a method first)', async () => {
    const { actor, owner } = await accountWith({ status: 'lifetime', seats: 2, planCode: 'all-in-one' });
    await inviteUser(t.db, actor, { email: 'free@example.test', role: 'agent' }, at, 'en');
    await acceptInvitation(t.db, await invitationToken('free@example.test'), { fullName: 'Free Seat', password }, { ip: '192.0.2.6' }, at);
    expect(await refused(inviteUser(t.db, actor, { email: 'extra@example.test', role: 'agent' }, at, 'en'))).toMatch(/complete your billing details/);
    await t.db.insert(billingProfiles).values({ accountId: actor.accountId, name: 'Peter Sumo', company: 'Sumo s.r.o.', street: 'Hlavná 1', city: 'Košice', postalCode: '040 01', region: 'Košický kraj', country: 'SK', invoiceEmail: 'billing@sumo.test', companyId: '35757442', updatedAt: at });
    expect(await refused(inviteUser(t.db, actor, { email: 'extra@example.test', role: 'agent' }, at, 'en'))).toMatch(/add a card or PayPal/);
    await t.db.insert(paymentMethods).values({ accountId: actor.accountId, kind: 'card', processorToken: 'tok_test', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, createdAt: at });
    const invited = await inviteUser(t.db, actor, { email: 'extra@example.test', role: 'agent' }, at, 'en');
    expect(invited.extra).toBe(true);
    expect(await t.db.select().from(outbox).where(eq(outbox.to, owner.email!))).toHaveLength(0);
    await acceptInvitation(t.db, await invitationToken('extra@example.test'), { fullName: 'Extra Seat', password }, { ip: '192.0.2.6' }, at);
    const [warning] = await t.db.select().from(outbox).where(eq(outbox.to, owner.email!));
    expect(warning.subject).toBe("Your lifetime deal's seats are exceeded");
    expect(warning.text).toMatch(/includes 2 users, and your account now has 3/);
    expect(warning.text).toMatch(/€39.00 per month/);
  });
});
