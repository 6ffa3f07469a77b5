import { and, eq, isNull, sql } from 'drizzle-orm';
import { addDays, addYears } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  accounts,
  auditLog,
  billingProfiles,
  consentRecords,
  dealCodes,
  dealRedemptionAttempts,
  gdprRequestEvents,
  gdprRequests,
  invitations,
  invoices,
  newsletterSubscribers,
  outbox,
  paymentMethods,
  privacyFlags,
  sessions,
  subscriptions,
  termsAcceptances,
  users,
} from '@/db/schema';
import { accountAddress } from '@/lib/accounts/address';
import { recordAudit, SYSTEM } from '@/lib/audit';
import { createSession, loadSession } from '@/lib/auth/sessions';
import { createPaidAccount, useBillingTestDb } from '@/lib/billing/test-helpers';
import { stopAccount } from '@/lib/cancellation/stop-account';
import { now, setClock } from '@/lib/clock';
import { queueEmail } from '@/lib/email/outbox';
import { makeUser, uid } from '@/lib/test-utils/factories';
import { eraseForRequest, erasureReplyText, eraseSubject } from './erasure';
import { buildPersonalDataExport, exportForRequest } from './export';
import { accountExpired, eraseExpiredPersonalData, relationshipEndedAt, retentionCutoff } from './retention';

const env = useBillingTestDb();

/** A paying owner (an invoice with the buyer snapshot exists) with billing details, a session, consent and mail. */
async function payingOwner() {
  const { account, owner } = await createPaidAccount(env, { signedUpAt: new Date('2026-03-01T09:00:00Z'), paidAt: new Date('2026-03-03T09:00:00Z') });
  const db = env.db;
  await db
    .insert(billingProfiles)
    .values({ accountId: account.id, name: 'Eva Billing', street: 'Hlavná 1', city: 'Bratislava', postalCode: '81101', country: 'SK', invoiceEmail: `ap-${uid()}@example.test`, updatedAt: now() })
    .onConflictDoUpdate({ target: billingProfiles.accountId, set: { name: 'Eva Billing', street: 'Hlavná 1' } });
  await createSession(db, owner.id, { ip: '203.0.113.7', userAgent: 'Firefox test' });
  await db.insert(consentRecords).values({ userId: owner.id, purpose: 'marketing', granted: true, wordingVersion: 'v1', source: 'signup', at: now(), ip: '203.0.113.7' });
  await queueEmail(db, owner.email!, { subject: 'Welcome aboard', paragraphs: ['hello'] });
  return { account, owner };
}

async function gdprRequest(email: string, type: 'access' | 'erasure' | 'portability', status: 'received' | 'unconfirmed' = 'received') {
  const [r] = await env.db
    .insert(gdprRequests)
    .values({ reference: `PR-2026-${uid()}`, type, fullName: 'Eva Requester', email, details: 'please', status, createdAt: now(), confirmExpiresAt: now(), receivedAt: now(), ip: '198.51.100.1' })
    .returning();
  return r;
}

describe('GDPR-6 export', () => {
  test('GDPR-6 the export of an owner holds their account, login, sessions, consents, billing details, card label, invoices with the buyer snapshot, emails and requests, never password hashes or tokens', async () => {
    const { account, owner } = await payingOwner();
    await env.db.update(users).set({ passwordHash: 'scrypt$secret-hash' }).where(eq(users.id, owner.id));
    const request = await gdprRequest(owner.email!, 'access');
    const data = await buildPersonalDataExport(env.db, owner.email!.toUpperCase(), now());
    expect(data).toMatchObject({ format: 'accountdesk.personal-data-export', version: 1, subject: { email: owner.email } });
    expect(data.accounts).toEqual([expect.objectContaining({ slug: account.slug, role: 'owner' })]);
    expect(data.users[0]).toMatchObject({ email: owner.email, fullName: owner.fullName });
    expect(data.sessions[0]).toMatchObject({ ip: '203.0.113.7', userAgent: 'Firefox test' });
    expect(data.consents).toEqual([expect.objectContaining({ purpose: 'marketing', granted: true })]);
    expect(data.billingProfiles[0]).toMatchObject({ name: 'Eva Billing', street: 'Hlavná 1' });
    expect(data.paymentMethods[0]).toMatchObject({ kind: 'card', last4: '4242' });
    expect(data.invoices.length).toBeGreaterThan(0);
    expect(data.invoices[0].buyer).toBeTruthy();
    expect(data.invoices[0].lines.length).toBeGreaterThan(0);
    expect(data.emailsSent.map((m) => m.subject)).toContain('Welcome aboard');
    expect(data.privacyRequests).toEqual([expect.objectContaining({ reference: request.reference })]);
    expect(data.auditEntries.length).toBeGreaterThan(0);
    const json = JSON.stringify(data);
    expect(json).not.toContain('scrypt$secret-hash');
    expect(json).not.toMatch(/passwordHash|tokenHash|processorToken|confirmTokenHash/);
    const [method] = await env.db.select().from(paymentMethods).where(eq(paymentMethods.accountId, account.id));
    expect(json).not.toContain(method.processorToken);
  });

  test('GDPR-6 matched by email as invitee, subscriber, requester and refused deal visitor, without a login', async () => {
    const { account, owner } = await payingOwner();
    const email = `outsider-${uid()}@example.test`;
    await env.db.insert(invitations).values({ accountId: account.id, email, role: 'agent', tokenHash: `h-${uid()}`, invitedBy: owner.id, createdAt: now(), expiresAt: now() });
    await env.db.insert(newsletterSubscribers).values({ email, createdAt: now(), confirmExpiresAt: now(), confirmedAt: now(), ip: '192.0.2.4', tokenHash: `n-${uid()}` });
    await env.db.insert(privacyFlags).values({ email, unsubscribedAt: now(), updatedAt: now() });
    await gdprRequest(email, 'portability');
    const data = await buildPersonalDataExport(env.db, email, now());
    expect(data.users).toEqual([]);
    expect(data.accounts).toEqual([]);
    expect(data.invitations).toEqual([expect.objectContaining({ email, role: 'agent', companyName: account.companyName })]);
    expect(data.productNewsSubscription).toEqual([expect.objectContaining({ email, ip: '192.0.2.4' })]);
    expect(data.privacyFlags).toEqual([expect.objectContaining({ email })]);
    expect(data.privacyRequests).toHaveLength(1);
    expect(data.billingProfiles).toEqual([]);
    expect(JSON.stringify(data)).not.toContain(owner.email!);
  });

  test('GDPR-6 staff export of a confirmed access request records an exported event and an audit entry; others are refused', async () => {
    const { owner } = await payingOwner();
    const staff = await makeUser(env.db, null, { role: 'staff' });
    const request = await gdprRequest(owner.email!, 'access');
    const actor = { type: 'staff' as const, id: staff.id, ip: '10.0.0.1' };
    const result = await exportForRequest(env.db, { requestId: request.id, staffUserId: staff.id, actor, at: now() });
    expect(result.kind).toBe('ok');
    const events = await env.db.select().from(gdprRequestEvents).where(eq(gdprRequestEvents.requestId, request.id));
    expect(events).toEqual([expect.objectContaining({ kind: 'exported', actorId: staff.id })]);
    const audits = await env.db.select().from(auditLog).where(and(eq(auditLog.action, 'personal_data.exported'), eq(auditLog.target, `gdpr_request:${request.id}`)));
    expect(audits).toHaveLength(1);
    const erasure = await gdprRequest(owner.email!, 'erasure');
    expect((await exportForRequest(env.db, { requestId: erasure.id, staffUserId: staff.id, actor, at: now() })).kind).toBe('not_allowed');
    const unconfirmed = await gdprRequest(owner.email!, 'access', 'unconfirmed');
    expect((await exportForRequest(env.db, { requestId: unconfirmed.id, staffUserId: staff.id, actor, at: now() })).kind).toBe('not_allowed');
    expect((await exportForRequest(env.db, { requestId: '00000000-0000-4000-8000-000000000000', staffUserId: staff.id, actor, at: now() })).kind).toBe('not_found');
    expect((await exportForRequest(env.db, { requestId: 'nope', staffUserId: staff.id, actor, at: now() })).kind).toBe('not_found');
  });
});

describe('GDPR-7 erasure', () => {
  test('GDPR-7 erasure removes the owner\'s personal data, stops the account, keeps invoices with buyer snapshot and the reply lists them', async () => {
    const { account, owner } = await payingOwner();
    const agent = await makeUser(env.db, account.id, { role: 'agent' });
    const agentSession = await createSession(env.db, agent.id, { ip: '198.51.100.20', userAgent: 'agent' });
    const email = owner.email!;
    await env.db.insert(newsletterSubscribers).values({ email, createdAt: now(), confirmExpiresAt: now(), confirmedAt: now(), tokenHash: `n-${uid()}` });
    await env.db.insert(privacyFlags).values({ email, objectedAt: now(), updatedAt: now() });
    const request = await gdprRequest(email, 'erasure');
    await recordAudit(env.db, { type: 'owner', id: owner.id, ip: '203.0.113.99' }, { action: 'team.invited', accountId: account.id, details: { email: agent.email, by: owner.fullName, seats: 2 } });
    await recordAudit(env.db, SYSTEM, { action: 'test.mention', details: { note: `mail bounced for ${email.toUpperCase()}` } });
    const invoicesBefore = await env.db.select().from(invoices).where(eq(invoices.accountId, account.id));
    expect(invoicesBefore.length).toBeGreaterThan(0);

    const report = await env.db.transaction((tx) => eraseSubject(tx, { email, at: now(), actor: SYSTEM, reason: 'request', requestId: request.id }));

    expect(report.stoppedAccountIds).toEqual([account.id]);
    expect(report.erased).toMatchObject({ accountsStopped: 1, users: 2, billingProfiles: 1, productNews: 1 });
    expect((await env.db.select().from(accounts).where(eq(accounts.id, account.id)))[0]).toMatchObject({ status: 'stopped', stopReason: 'request' });
    expect((await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, account.id)))[0].status).toBe('canceled');
    for (const u of await env.db.select().from(users).where(eq(users.accountId, account.id))) {
      expect(u).toMatchObject({ email: null, fullName: 'Deleted user', passwordHash: null });
    }
    expect(await loadSession(env.db, agentSession)).toBeNull();
    expect(await env.db.select().from(sessions).where(and(eq(sessions.userId, owner.id), isNull(sessions.revokedAt)))).toHaveLength(0);
    expect((await env.db.select().from(sessions).where(eq(sessions.userId, owner.id)))[0]).toMatchObject({ ip: null, userAgent: null });
    expect(await env.db.select().from(billingProfiles).where(eq(billingProfiles.accountId, account.id))).toHaveLength(0);
    expect((await env.db.select().from(paymentMethods).where(eq(paymentMethods.accountId, account.id)))[0]).toMatchObject({ last4: null, brand: null });
    expect(await env.db.select().from(consentRecords).where(eq(consentRecords.userId, owner.id))).toHaveLength(0);
    expect(await env.db.select().from(outbox).where(eq(outbox.to, email))).toHaveLength(0);
    expect(await env.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email))).toHaveLength(0);

    // Kept: the invoices unchanged with their buyer snapshot, the suppression record, the request.
    const invoicesAfter = await env.db.select().from(invoices).where(eq(invoices.accountId, account.id));
    expect(invoicesAfter).toEqual(invoicesBefore);
    expect(await env.db.select().from(privacyFlags).where(eq(privacyFlags.email, email))).toHaveLength(1);
    expect(report.kept).toEqual(
      expect.arrayContaining([
        { category: 'invoices', count: invoicesBefore.length, reason: 'accounting' },
        { category: 'suppression', count: 1, reason: 'suppression' },
        { category: 'privacyRequests', count: 1, reason: 'accountability' },
      ]),
    );

    // After erasure the export finds nothing but what is kept under the address.
    const after = await buildPersonalDataExport(env.db, email, now());
    expect(after.users).toEqual([]);
    expect(after.emailsSent).toEqual([]);

    const en = erasureReplyText(report, 'en');
    expect(en).toContain('10 years');
    expect(en).toMatch(/invoice/);
    expect(en).toMatch(/do-not-contact/);
    const nl = erasureReplyText(report, 'nl');
    expect(nl).toContain('10 jaar');
    expect(nl).toMatch(/factu/);
    expect(nl).not.toEqual(en);

    // The audit log keeps its entries, without the people in them.
    const invited = await env.db.select().from(auditLog).where(and(eq(auditLog.action, 'team.invited'), eq(auditLog.accountId, account.id)));
    expect(invited[0]).toMatchObject({ actorId: owner.id, ip: null, details: { email: '[erased]', by: '[erased]', seats: 2 } });
    const mention = await env.db.select().from(auditLog).where(eq(auditLog.action, 'test.mention'));
    expect(mention.at(-1)!.details).toEqual({ note: '[erased]' });
    expect(report.erased.auditEntries).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(await buildPersonalDataExport(env.db, email, now()).then((d) => d.auditEntries))).not.toContain(email);

    const audit = await env.db.select().from(auditLog).where(and(eq(auditLog.action, 'personal_data.erased'), eq(auditLog.target, `gdpr_request:${request.id}`)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].details)).not.toContain(email);
  });

  test('GDPR-7 erasing an address without a login removes the invitation, subscription, consents and deal attempts', async () => {
    const { account, owner } = await payingOwner();
    const email = `visitor-${uid()}@example.test`;
    await env.db.insert(invitations).values({ accountId: account.id, email, role: 'agent', tokenHash: `h-${uid()}`, invitedBy: owner.id, createdAt: now(), expiresAt: now() });
    await env.db.insert(newsletterSubscribers).values({ email, createdAt: now(), confirmExpiresAt: now(), tokenHash: `n-${uid()}` });
    await env.db.insert(consentRecords).values({ email, purpose: 'marketing', granted: true, wordingVersion: 'v1', source: 'newsletter', at: now() });
    const [code] = await env.db.select({ id: dealCodes.id }).from(dealCodes).limit(1);
    if (code) await env.db.insert(dealRedemptionAttempts).values({ codeId: code.id, at: now(), email, ip: '192.0.2.9' });
    const report = await env.db.transaction((tx) => eraseSubject(tx, { email, at: now(), actor: SYSTEM, reason: 'request' }));
    expect(report.stoppedAccountIds).toEqual([]);
    expect(report.erased).toMatchObject({ invitations: 1, productNews: 1, consents: 1 });
    expect((await env.db.select().from(accounts).where(eq(accounts.id, account.id)))[0].status).toBe('active');
    const data = await buildPersonalDataExport(env.db, email, now());
    expect(data.invitations).toEqual([]);
    expect(data.productNewsSubscription).toEqual([]);
    expect(data.consents).toEqual([]);
    expect(data.refusedDealAttempts).toEqual([]);
  });

  test('GDPR-7 Stop account erases through the same code: the same categories go and the erasure is audited', async () => {
    const { account, owner } = await payingOwner();
    const email = owner.email!;
    await env.db.insert(newsletterSubscribers).values({ email, createdAt: now(), confirmExpiresAt: now(), confirmedAt: now(), tokenHash: `n-${uid()}` });
    await stopAccount(env.db, { accountId: account.id, actorUserId: owner.id, confirmation: accountAddress(account.slug) }, { ip: '203.0.113.1' });
    // One act, one entry: the erasure's counts are in the 'account.stopped' entry.
    const stopped = await env.db.select().from(auditLog).where(and(eq(auditLog.action, 'account.stopped'), eq(auditLog.accountId, account.id)));
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toMatchObject({ actorType: 'owner', actorId: owner.id });
    expect(stopped[0].details).toMatchObject({ reason: 'owner', erased: { accountsStopped: 1, users: 1, billingProfiles: 1, productNews: 1 }, kept: { invoices: 1 } });
    expect(await env.db.select().from(billingProfiles).where(eq(billingProfiles.accountId, account.id))).toHaveLength(0);
    expect(await env.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email))).toHaveLength(0);
    // Only the confirmation remains addressed to the owner.
    expect((await env.db.select().from(outbox).where(eq(outbox.to, email))).map((m) => m.subject)).toEqual([expect.stringMatching(/stopped/i)]);
  });
});

describe('GDPR-7 completing a request', () => {
  test('GDPR-7 completing an erasure request erases the requester and gives the reply in their language', async () => {
    const { owner } = await payingOwner();
    const request = await gdprRequest(owner.email!, 'erasure');
    const done = await env.db.transaction((tx) => eraseForRequest(tx, { request: { id: request.id, email: request.email, locale: 'nl' }, actor: SYSTEM, at: now() }));
    expect(done!.report.erased.users).toBe(1);
    expect(done!.reply).toContain('Wat we bewaren');
    expect(done!.reply).toContain('10 jaar');
    expect((await env.db.select().from(users).where(eq(users.id, owner.id)))[0].email).toBeNull();
  });
});

describe('GDPR-7 OPS-2 audit log', () => {
  test('GDPR-7 OPS-2 outside an erasure the audit log refuses every change; inside one only the IP and details may change', async () => {
    await recordAudit(env.db, { type: 'system', ip: '192.0.2.1' }, { action: 'test.strip', details: { a: 1 } });
    const [row] = await env.db.select().from(auditLog).where(eq(auditLog.action, 'test.strip'));
    await expect(env.db.update(auditLog).set({ ip: null }).where(eq(auditLog.id, row.id))).rejects.toThrow();
    await expect(
      env.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('accountdesk.erasure', 'on', true)`);
        await tx.update(auditLog).set({ action: 'test.rewritten' }).where(eq(auditLog.id, row.id));
      }),
    ).rejects.toThrow();
    await expect(
      env.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('accountdesk.erasure', 'on', true)`);
        await tx.delete(auditLog).where(eq(auditLog.id, row.id));
      }),
    ).rejects.toThrow();
    await env.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('accountdesk.erasure', 'on', true)`);
      await tx.update(auditLog).set({ ip: null, details: { a: '[erased]' } }).where(eq(auditLog.id, row.id));
    });
    const [after] = await env.db.select().from(auditLog).where(eq(auditLog.id, row.id));
    expect(after).toMatchObject({ action: 'test.strip', ip: null, details: { a: '[erased]' } });
    // The setting is local to that transaction: the next change is refused again.
    await expect(env.db.update(auditLog).set({ details: {} }).where(eq(auditLog.id, row.id))).rejects.toThrow();
  });
});

describe('GDPR-9 retention', () => {
  test('GDPR-9 the cutoff is 5 calendar years back; a relationship lasts while the subscription is live', () => {
    expect(retentionCutoff(new Date('2031-03-01T00:00:00Z')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    // On 29 February all of 28 February five years back has passed its anniversary.
    expect(retentionCutoff(new Date('2032-02-29T12:00:00Z')).toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(retentionCutoff(new Date('2032-03-01T12:00:00Z')).toISOString()).toBe('2027-03-01T12:00:00.000Z');
    const base = { status: 'active', stoppedAt: null, createdAt: new Date('2020-01-01'), subscriptionUpdatedAt: new Date('2021-01-01'), lastActiveAt: new Date('2022-05-01'), lastInvoiceAt: new Date('2021-06-01') };
    expect(relationshipEndedAt({ ...base, subscriptionStatus: 'active' })).toBeNull();
    expect(relationshipEndedAt({ ...base, subscriptionStatus: 'lifetime' })).toBeNull();
    expect(relationshipEndedAt({ ...base, subscriptionStatus: 'canceled' })?.toISOString()).toBe('2022-05-01T00:00:00.000Z');
    expect(relationshipEndedAt({ ...base, status: 'stopped', stoppedAt: new Date('2023-01-01'), subscriptionStatus: 'canceled' })?.toISOString()).toBe('2023-01-01T00:00:00.000Z');
  });

  test('GDPR-9 data that ended on 28 February is erased on 29 February five years later (fast-check found it kept one day more)', () => {
    const ended = new Date('2031-02-28T18:00:00.000Z');
    expect(accountExpired(ended, new Date('2036-02-28T17:59:59.999Z'))).toBe(false);
    expect(accountExpired(ended, new Date('2036-02-29T00:00:00.000Z'))).toBe(true);
    expect(accountExpired(new Date('2031-02-28T23:59:59.999Z'), new Date('2036-02-29T00:00:00.000Z'))).toBe(true);
    expect(accountExpired(new Date('2031-03-01T00:00:00.000Z'), new Date('2036-02-29T23:59:59.999Z'))).toBe(false);
  });

  test('GDPR-9 property: data whose relationship ended at t is kept until 5 calendar years later and erased after', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }), (ended) => {
        const anniversary = addYears(ended, 5);
        expect(accountExpired(ended, new Date(anniversary.getTime() - 1))).toBe(false);
        expect(accountExpired(ended, addDays(anniversary, 1))).toBe(true);
        expect(accountExpired(null, addYears(ended, 50))).toBe(false);
      }),
    );
  });

  test('GDPR-9 the sweep erases accounts 5 years after the relationship ended and non-customers 5 years after consent or request, and a second run does nothing', async () => {
    const db = env.db;
    // A customer whose subscription was suspended in March 2026 and never came back.
    const { account: gone, owner: goneOwner } = await payingOwner();
    await db.update(subscriptions).set({ status: 'suspended', updatedAt: new Date('2026-03-10T00:00:00Z') }).where(eq(subscriptions.accountId, gone.id));
    await db.update(users).set({ lastActiveAt: new Date('2026-03-05T00:00:00Z') }).where(eq(users.id, goneOwner.id));
    // A customer still paying.
    const { account: live, owner: liveOwner } = await payingOwner();
    // Non-customers from March 2026.
    const subscriberEmail = `news-${uid()}@example.test`;
    await db.insert(newsletterSubscribers).values({ email: subscriberEmail, createdAt: new Date('2026-03-04T00:00:00Z'), confirmExpiresAt: new Date('2026-03-11T00:00:00Z'), confirmedAt: new Date('2026-03-04T01:00:00Z'), tokenHash: `n-${uid()}` });
    await db.insert(consentRecords).values({ email: subscriberEmail, purpose: 'marketing', granted: true, wordingVersion: 'v1', source: 'newsletter', at: new Date('2026-03-04T01:00:00Z') });
    const withdrawnEmail = `withdrawn-${uid()}@example.test`;
    await db.insert(newsletterSubscribers).values({ email: withdrawnEmail, createdAt: now(), confirmExpiresAt: now(), confirmedAt: now(), unsubscribedAt: now(), tokenHash: `n-${uid()}` });
    await db.insert(privacyFlags).values({ email: withdrawnEmail, unsubscribedAt: now(), updatedAt: now() });
    const requesterEmail = `req-${uid()}@example.test`;
    const request = await gdprRequest(requesterEmail, 'access');
    await db.update(gdprRequests).set({ createdAt: new Date('2026-03-04T00:00:00Z'), receivedAt: new Date('2026-03-04T00:00:00Z'), completedAt: new Date('2026-03-20T00:00:00Z') }).where(eq(gdprRequests.id, request.id));

    // Just before five years: only the withdrawn consent's subscription goes.
    setClock(new Date('2031-03-03T12:00:00Z'));
    await eraseExpiredPersonalData(db);
    expect(await db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, withdrawnEmail))).toHaveLength(0);
    expect(await db.select().from(privacyFlags).where(eq(privacyFlags.email, withdrawnEmail))).toHaveLength(1); // the suppression stays
    expect(await db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, subscriberEmail))).toHaveLength(1);
    expect((await db.select().from(users).where(eq(users.id, goneOwner.id)))[0].email).toBe(goneOwner.email);

    // After five years (and a little): the ended account, the subscriber and the request are erased.
    setClock(new Date('2031-03-25T00:00:00Z'));
    const first = await eraseExpiredPersonalData(db);
    expect(first).toBeGreaterThanOrEqual(3);
    expect((await db.select().from(accounts).where(eq(accounts.id, gone.id)))[0]).toMatchObject({ status: 'stopped', stopReason: 'retention' });
    expect((await db.select().from(users).where(eq(users.id, goneOwner.id)))[0]).toMatchObject({ email: null, fullName: 'Deleted user' });
    expect(await db.select().from(billingProfiles).where(eq(billingProfiles.accountId, gone.id))).toHaveLength(0);
    expect(await db.select().from(invoices).where(eq(invoices.accountId, gone.id))).not.toHaveLength(0);
    expect(await db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, subscriberEmail))).toHaveLength(0);
    expect(await db.select().from(consentRecords).where(eq(consentRecords.email, subscriberEmail))).toHaveLength(0);
    expect((await db.select().from(gdprRequests).where(eq(gdprRequests.id, request.id)))[0]).toMatchObject({ email: null, fullName: null, details: null, ip: null, status: 'received' });
    // The paying customer is untouched.
    expect((await db.select().from(accounts).where(eq(accounts.id, live.id)))[0].status).toBe('active');
    expect((await db.select().from(users).where(eq(users.id, liveOwner.id)))[0].email).toBe(liveOwner.email);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'personal_data.retention_erased'));
    expect(audits.map((a) => a.target)).toEqual(expect.arrayContaining([`account:${gone.id}`, `gdpr_request:${request.id}`]));
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain(subscriberEmail);

    // Twice-safe: the second run finds nothing and writes nothing.
    const auditCount = (await db.select().from(auditLog)).length;
    expect(await eraseExpiredPersonalData(db)).toBe(0);
    expect((await db.select().from(auditLog)).length).toBe(auditCount);
  });
});
