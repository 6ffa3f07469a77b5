import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, consentRecords, gdprRequestEvents, gdprRequests, outbox, privacyFlags, users } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { setClock } from '@/lib/clock';
import { LIMITS } from '@/lib/rate-limit';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { makeOwnerAccount, makeUser, uid } from '@/lib/test-utils/factories';
import { gdprDueDate } from './due-date';
import { getRequestDetail, listQueue, queueSummary } from './queries';
import type { RequestType } from './request-rules';
import { privacyRequestSchema } from './request-schemas';
import { CONFIRM_DAYS, confirmRequest, expireUnconfirmedRequests, fileRequest, REQUEST_FILED_MESSAGE } from './requests';
import { addNote, advanceRequest, assignRequest, completeRequest, extendDeadline, refuseRequest, type StaffActor } from './staff';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  setClock(null);
  await t.dispose();
});
afterEach(() => setClock(null));

const ctx = { ip: '198.51.100.77', userAgent: 'Vitest/1.0 (privacy requests)', locale: 'en' as const };
const T0 = new Date('2026-01-31T10:00:00Z');

const mailsTo = (email: string) => t.db.select().from(outbox).where(eq(outbox.to, email)).orderBy(outbox.createdAt);
function tokenFrom(text: string): string {
  const m = text.match(/\/privacy\/request\/confirm\?token=([A-Za-z0-9_%-]+)/);
  if (!m) throw new Error('no confirmation link in mail');
  return decodeURIComponent(m[1]);
}

function input(type: RequestType, email: string, extra: Record<string, unknown> = {}) {
  return privacyRequestSchema.parse({ type, fullName: 'Eva Horvathova', email, details: 'Please help.', botCheck: 'x', ...extra });
}

/** Files and confirms a request at `at`; returns its row. */
async function confirmed(type: RequestType, at = T0, opts: { email?: string; locale?: 'en' | 'nl'; extra?: Record<string, unknown> } = {}) {
  const email = opts.email ?? `eva-${uid()}@example.test`;
  setClock(at);
  await fileRequest(t.db, input(type, email, opts.extra), { ...ctx, locale: opts.locale ?? 'en' }, at);
  const [mail] = await mailsTo(email);
  const r = await confirmRequest(t.db, tokenFrom(mail.text), ctx, at);
  expect(r.status).toBe('confirmed');
  const [row] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.email, email));
  return row;
}

async function staff(): Promise<StaffActor> {
  const user = await makeUser(t.db, null, { role: 'staff', fullName: `Staff ${uid()}` });
  return actorForUser(user, '203.0.113.5') as StaffActor;
}

const events = (id: string) => t.db.select().from(gdprRequestEvents).where(eq(gdprRequestEvents.requestId, id)).orderBy(gdprRequestEvents.at);
const audits = (id: string) => t.db.select().from(auditLog).where(eq(auditLog.target, `privacy_request:${id}`));

describe('GDPR-3 filing a request', () => {
  test('GDPR-3 anyone files a request: stored unconfirmed with a reference, only the token hash, 7 days to confirm; the answer says nothing more', async () => {
    const email = `eva-${uid()}@example.test`;
    const answer = await fileRequest(t.db, input('access', email.toUpperCase()), ctx, T0);
    expect(answer.message).toBe(REQUEST_FILED_MESSAGE);
    const [row] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.email, email));
    expect(row.status).toBe('unconfirmed');
    expect(row.reference).toMatch(/^PR-2026-\d{6}$/);
    expect(row.confirmExpiresAt.getTime() - T0.getTime()).toBe(CONFIRM_DAYS * 86_400_000);
    expect(row.ip).toBe(ctx.ip);
    expect(row.receivedAt).toBeNull();
    const [mail] = await mailsTo(email);
    expect(mail.subject).toBe('Confirm your privacy request');
    expect(row.confirmTokenHash).not.toBe(tokenFrom(mail.text));
    expect((await audits(row.id)).map((a) => a.action)).toEqual(['privacy_request.filed']);
  });

  test('GDPR-3 a consent withdrawal needs the company, subject, controller, written request and a signature (name and tick); other types do not', () => {
    const base = { type: 'consent_withdrawal', fullName: 'Eva H', email: 'eva@example.test', details: '', botCheck: 'x' };
    const r = privacyRequestSchema.safeParse(base);
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => i.path.join('.')));
    for (const f of ['company', 'consentSubject', 'controller', 'writtenRequest', 'signature', 'signatureConfirmed']) expect(fields).toContain(f);
    expect(privacyRequestSchema.safeParse({ ...base, type: 'access' }).success).toBe(true);
    const ok = privacyRequestSchema.safeParse({
      ...base,
      company: 'Acme',
      consentSubject: 'Product news by email',
      controller: 'Accountdesk vendor s.r.o.',
      writtenRequest: 'I withdraw my consent.',
      signature: 'Eva H',
      signatureConfirmed: 'on',
    });
    expect(ok.success).toBe(true);
  });

  test('GDPR-3 the withdrawal is stored with its signature and the time it was signed', async () => {
    const email = `eva-${uid()}@example.test`;
    await fileRequest(
      t.db,
      input('consent_withdrawal', email, { company: 'Acme', consentSubject: 'News', controller: 'Accountdesk vendor s.r.o.', writtenRequest: 'Stop.', signature: 'Eva Horvathova', signatureConfirmed: 'on' }),
      ctx,
      T0,
    );
    const [row] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.email, email));
    expect(row.withdrawal).toEqual({ company: 'Acme', subject: 'News', controller: 'Accountdesk vendor s.r.o.', request: 'Stop.', signature: 'Eva Horvathova', signedAt: T0.toISOString() });
  });

  test('GDPR-3 beyond the per-email limit a stranger’s address gets no more mails, with the same answer; its owner signed in is not limited', async () => {
    const account = await makeOwnerAccount(t.db);
    const email = account.owner.email!;
    for (let k = 0; k < LIMITS.privacyRequestEmail.max + 2; k++) {
      expect((await fileRequest(t.db, input('information', email), ctx, T0)).message).toBe(REQUEST_FILED_MESSAGE);
    }
    expect(await mailsTo(email)).toHaveLength(LIMITS.privacyRequestEmail.max);
    await fileRequest(t.db, input('information', email), { ...ctx, user: account.owner }, T0);
    expect(await mailsTo(email)).toHaveLength(LIMITS.privacyRequestEmail.max + 1);
  });
});

describe('GDPR-4 confirmation', () => {
  test('GDPR-4 confirming puts the request in the queue, starts the month, records the event and audit, and acknowledges with the reference and due date', async () => {
    const row = await confirmed('access');
    expect(row.status).toBe('received');
    expect(row.receivedAt).toEqual(T0);
    expect(row.dueAt).toEqual(gdprDueDate(T0, 0));
    expect((await events(row.id)).map((e) => [e.fromStatus, e.toStatus])).toEqual([['unconfirmed', 'received']]);
    expect((await audits(row.id)).map((a) => a.action)).toContain('privacy_request.confirmed');
    const mails = await mailsTo(row.email!);
    const ack = mails.find((m) => m.subject.includes(row.reference))!;
    expect(ack.text).toContain(row.reference);
    expect(ack.text).toContain('28 Feb 2026');
  });

  test('GDPR-4 the link works once; a second opening says it was used and changes nothing', async () => {
    const email = `eva-${uid()}@example.test`;
    await fileRequest(t.db, input('objection', email), ctx, T0);
    const token = tokenFrom((await mailsTo(email))[0].text);
    expect((await confirmRequest(t.db, token, ctx, T0)).status).toBe('confirmed');
    const again = await confirmRequest(t.db, token, ctx, new Date(T0.getTime() + 60_000));
    expect(again.status).toBe('used');
    expect(await confirmRequest(t.db, 'not-a-token', ctx, T0)).toEqual({ status: 'invalid' });
    const [row] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.email, email));
    expect(row.receivedAt).toEqual(T0);
  });

  test('GDPR-4 the acknowledgement is in the language the request was filed in', async () => {
    const row = await confirmed('information', T0, { locale: 'nl' });
    const ack = (await mailsTo(row.email!)).find((m) => m.subject.includes(row.reference))!;
    expect(ack.subject).toContain('ontvangen');
    expect(ack.text).toContain('28 feb 2026');
  });

  test('GDPR-4 an unconfirmed request never reaches the queue and expires after 7 days', async () => {
    const email = `eva-${uid()}@example.test`;
    setClock(T0);
    await fileRequest(t.db, input('erasure', email, { details: 'My old address is Hlavná 1' }), ctx, T0);
    const token = tokenFrom((await mailsTo(email))[0].text);
    const [before] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.email, email));
    expect((await listQueue(t.db, { page: 1 }, T0)).rows.map((r) => r.id)).not.toContain(before.id);
    expect(await getRequestDetail(t.db, before.id)).toBeNull();

    setClock(new Date(T0.getTime() + (CONFIRM_DAYS - 1) * 86_400_000));
    await expireUnconfirmedRequests(t.db);
    expect((await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, before.id)))[0].status).toBe('unconfirmed');

    setClock(new Date(T0.getTime() + CONFIRM_DAYS * 86_400_000 + 1000));
    expect(await expireUnconfirmedRequests(t.db)).toBeGreaterThanOrEqual(1);
    expect(await expireUnconfirmedRequests(t.db)).toBe(0); // idempotent
    const [after] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, before.id));
    expect(after).toMatchObject({ status: 'expired', fullName: null, email: null, details: null, withdrawal: null, ip: null });
    expect((await audits(before.id)).map((a) => a.action)).toContain('privacy_request.expired');
    expect((await confirmRequest(t.db, token, ctx, new Date())).status).toBe('expired');
    expect((await listQueue(t.db, { page: 1 }, new Date())).rows.map((r) => r.id)).not.toContain(before.id);
  });
});

describe('GDPR-5 staff queue', () => {
  test('GDPR-5 assignment and notes are audited and listed in the history; only staff can be assigned', async () => {
    const row = await confirmed('information');
    const actor = await staff();
    const other = await staff();
    await assignRequest(t.db, { requestId: row.id, assigneeId: other.id }, actor, T0);
    await addNote(t.db, { requestId: row.id, note: 'Called the requester.' }, actor, T0);
    const account = await makeOwnerAccount(t.db);
    await expect(assignRequest(t.db, { requestId: row.id, assigneeId: account.owner.id }, actor, T0)).rejects.toThrow(DomainError);
    const kinds = (await events(row.id)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['assigned', 'note']));
    const actions = (await audits(row.id)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['privacy_request.assigned', 'privacy_request.note_added']));
    const detail = await getRequestDetail(t.db, row.id);
    expect(detail!.assigneeId).toBe(other.id);
    expect(detail!.events.find((e) => e.kind === 'note')!.note).toBe('Called the requester.');
    // Assigned-to filter.
    expect((await listQueue(t.db, { assignee: other.id, page: 1 }, T0)).rows.map((r) => r.id)).toEqual([row.id]);
  });

  test('GDPR-5 status changes follow the machine; Mark completed on a received request records verified and in progress on the way', async () => {
    const quick = await confirmed('information');
    const actor = await staff();
    await completeRequest(t.db, { requestId: quick.id, reply: 'Here is what we hold.' }, actor, T0);
    expect((await events(quick.id)).filter((e) => e.kind === 'status').map((e) => [e.fromStatus, e.toStatus])).toEqual([
      ['unconfirmed', 'received'],
      ['received', 'verified'],
      ['verified', 'in_progress'],
      ['in_progress', 'completed'],
    ]);
    await expect(completeRequest(t.db, { requestId: quick.id, reply: 'Again.' }, actor, T0)).rejects.toThrow(DomainError);
    const row = await confirmed('information');
    await expect(advanceRequest(t.db, { requestId: row.id, to: 'in_progress' }, actor, T0)).rejects.toThrow(DomainError);
    await advanceRequest(t.db, { requestId: row.id, to: 'verified' }, actor, T0);
    await advanceRequest(t.db, { requestId: row.id, to: 'in_progress' }, actor, T0);
    await expect(completeRequest(t.db, { requestId: row.id, reply: '' }, actor, T0)).rejects.toThrow(DomainError); // reply required
    await completeRequest(t.db, { requestId: row.id, reply: 'We use your email for invoices only.' }, actor, T0);
    const statuses = (await events(row.id)).filter((e) => e.kind === 'status').map((e) => e.toStatus);
    expect(statuses).toEqual(['received', 'verified', 'in_progress', 'completed']);
    const reply = (await mailsTo(row.email!)).find((m) => m.subject.includes('is complete'))!;
    expect(reply.text).toContain('We use your email for invoices only.');
  });

  test('GDPR-5 refusal mails the reason to the requester in their language', async () => {
    const row = await confirmed('rectification', T0, { locale: 'nl' });
    const actor = await staff();
    await refuseRequest(t.db, { requestId: row.id, reason: 'Wij konden uw identiteit niet vaststellen.' }, actor, T0);
    const [after] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, row.id));
    expect(after.status).toBe('refused');
    const mail = (await mailsTo(row.email!)).find((m) => m.subject.includes('geweigerd'))!;
    expect(mail.text).toContain('Wij konden uw identiteit niet vaststellen.');
    expect((await audits(row.id)).map((a) => a.action)).toContain('privacy_request.refused');
  });

  test('GDPR-5 the deadline is extended by up to two months in total; the requester gets the new due date and the reason', async () => {
    const row = await confirmed('access');
    const actor = await staff();
    await extendDeadline(t.db, { requestId: row.id, months: 1, reason: 'Many systems to search.' }, actor, T0);
    let [after] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, row.id));
    expect(after.extensionMonths).toBe(1);
    expect(after.dueAt).toEqual(gdprDueDate(T0, 1));
    const mail = (await mailsTo(row.email!)).find((m) => m.subject.startsWith('More time'))!;
    expect(mail.text).toContain('31 Mar 2026');
    expect(mail.text).toContain('Many systems to search.');
    await expect(extendDeadline(t.db, { requestId: row.id, months: 2, reason: 'More.' }, actor, T0)).rejects.toThrow(DomainError);
    await extendDeadline(t.db, { requestId: row.id, months: 1, reason: 'Still searching.' }, actor, T0);
    [after] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, row.id));
    expect(after.extensionMonths).toBe(2);
    expect(after.dueAt).toEqual(gdprDueDate(T0, 2));
    await expect(extendDeadline(t.db, { requestId: row.id, months: 1, reason: 'Again.' }, actor, T0)).rejects.toThrow(DomainError);
    expect((await audits(row.id)).filter((a) => a.action === 'privacy_request.extended')).toHaveLength(2);
  });

  test('GDPR-5 the queue lists confirmed requests due first, filters overdue ones, and the dashboard names the one due first', async () => {
    const early = await confirmed('access', new Date('2020-03-01T10:00:00Z'));
    const later = await confirmed('access', new Date('2020-03-05T10:00:00Z'));
    const at = new Date('2020-04-03T10:00:00Z'); // past 1 April, before 5 April
    const list = (await listQueue(t.db, { page: 1, type: 'access' }, at)).rows.map((r) => r.id);
    expect(list.indexOf(early.id)).toBeLessThan(list.indexOf(later.id));
    const overdue = (await listQueue(t.db, { page: 1, overdue: 'yes' }, at)).rows.map((r) => r.id);
    expect(overdue).toContain(early.id);
    expect(overdue).not.toContain(later.id);
    const summary = await queueSummary(t.db, at);
    expect(summary.oldest?.id).toBe(early.id);
    expect(summary.open).toBeGreaterThanOrEqual(2);
  });
});

describe('GDPR-8 and completion by type', () => {
  async function completeAs(type: RequestType, extra?: Record<string, unknown>) {
    const row = await confirmed(type, T0, { extra });
    const actor = await staff();
    await advanceRequest(t.db, { requestId: row.id, to: 'verified' }, actor, T0);
    await advanceRequest(t.db, { requestId: row.id, to: 'in_progress' }, actor, T0);
    await completeRequest(t.db, { requestId: row.id, reply: '' }, actor, T0);
    return row;
  }

  test('GDPR-8 restriction flags the address', async () => {
    const row = await completeAs('restriction');
    const [flag] = await t.db.select().from(privacyFlags).where(eq(privacyFlags.email, row.email!));
    expect(flag.restrictedAt).toEqual(T0);
    expect((await mailsTo(row.email!)).some((m) => m.subject.includes('is complete'))).toBe(true);
  });

  test('GDPR-8 objection flags the address', async () => {
    const row = await completeAs('objection');
    const [flag] = await t.db.select().from(privacyFlags).where(eq(privacyFlags.email, row.email!));
    expect(flag.objectedAt).toEqual(T0);
  });

  test('GDPR-3 a completed consent withdrawal records both consents as withdrawn for the address and its login', async () => {
    const account = await makeOwnerAccount(t.db);
    const email = account.owner.email!;
    const row = await confirmed('consent_withdrawal', T0, {
      email,
      extra: { company: 'Acme', consentSubject: 'News', controller: 'Accountdesk vendor s.r.o.', writtenRequest: 'Stop.', signature: 'Eva', signatureConfirmed: 'on' },
    });
    const actor = await staff();
    await advanceRequest(t.db, { requestId: row.id, to: 'verified' }, actor, T0);
    await advanceRequest(t.db, { requestId: row.id, to: 'in_progress' }, actor, T0);
    await completeRequest(t.db, { requestId: row.id, reply: '' }, actor, T0);
    const rows = await t.db.select().from(consentRecords).where(and(eq(consentRecords.email, email), eq(consentRecords.source, 'privacy_request')));
    expect(rows.map((r) => r.purpose).sort()).toEqual(['customer_service', 'marketing']);
    expect(rows.every((r) => r.granted === false && r.userId === account.owner.id)).toBe(true);
  });

  test('GDPR-6 access completes with the reply that the export is sent separately', async () => {
    const row = await completeAs('access');
    const mail = (await mailsTo(row.email!)).find((m) => m.subject.includes('is complete'))!;
    expect(mail.text).toMatch(/JSON/);
  });

  test('GDPR-7 completing an erasure request erases the requester everywhere and mails them a reply that lists what was kept', async () => {
    const account = await makeOwnerAccount(t.db);
    const email = account.owner.email!;
    const row = await confirmed('erasure', T0, { email });
    const actor = await staff();
    await advanceRequest(t.db, { requestId: row.id, to: 'verified' }, actor, T0);
    await advanceRequest(t.db, { requestId: row.id, to: 'in_progress' }, actor, T0);
    await completeRequest(t.db, { requestId: row.id, reply: '' }, actor, T0);
    const [owner] = await t.db.select().from(users).where(eq(users.id, account.owner.id));
    expect(owner.email).toBeNull();
    const [after] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, row.id));
    expect(after.status).toBe('completed');
    expect(after.reply).toContain('We have erased the personal data we held about you');
    // The earlier emails to the address went with the erasure; the reply was queued after it.
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('What we keep, and why:');
  });
});
