import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, consentRecords, deals, newsletterSubscribers, outbox, privacyFlags, users } from '@/db/schema';
import { importDealCodes } from '@/lib/deals/import';
import { redeemDealCode } from '@/lib/deals/redeem';
import { signupSchema } from '@/lib/accounts/schemas';
import { signUp } from '@/lib/accounts/signup';
import { deliverOutbox, MARKETING_REFUSED, MARKETING_WITHDRAWN, queueEmail, requeueEmail } from '@/lib/email/outbox';
import { createTestDb, type TestDb } from '@/lib/test-utils/db';
import { createAnnouncement, sendAnnouncement } from './announcements';
import { CONSENT_WORDING, consentStates, NEWSLETTER_WORDING, setUserConsent } from './consents';
import { marketingAllowed } from './flags';
import { marketingRecipients, unsubscribeAddress } from './marketing';
import { confirmNews, subscribeToNews } from './newsletter';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

let t: TestDb;
let n = 0;
const STAFF = { type: 'staff' as const, id: null, ip: '203.0.113.9' };
beforeAll(async () => {
  process.env.TEST_HOOKS = '1';
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

/** A confirmed owner who signed up with the given consents. */
async function owner(opts: { marketing?: boolean; service?: boolean; locale?: 'en' | 'nl'; source?: 'signup' | 'appsumo' } = {}) {
  n++;
  const input = signupSchema.parse({
    fullName: 'Jana Novakova',
    email: `consent${n}-${Date.now()}@example.test`,
    password: 'correct horse battery staple',
    companyName: `Consent Co ${n}`,
    slug: `consent-co-${n}-${Date.now() % 100000}`,
    dateOfBirth: '1990-04-12',
    acceptTerms: 'on',
    ...(opts.marketing ? { consentMarketing: 'on' } : {}),
    ...(opts.service ? { consentCustomerService: 'on' } : {}),
    botCheck: 'test-pass',
  });
  const r = await signUp(t.db, input, { ip: '198.51.100.20', userAgent: 'Vitest', locale: opts.locale ?? 'en' }, new Date(), { consentSource: opts.source });
  if (r.existing) throw new Error('expected a new account');
  await t.db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, r.userId));
  return { ...r, email: input.email };
}

const announcementInput = (tag: string) => ({
  subjectEn: `News ${tag}`,
  bodyEn: `First paragraph ${tag}.\n\nSecond paragraph.`,
  subjectNl: `Nieuws ${tag}`,
  bodyNl: `Eerste alinea ${tag}.\n\nTweede alinea.`,
});

async function mailsTo(email: string) {
  return t.db.select().from(outbox).where(eq(outbox.to, email));
}

describe('consents', () => {
  test('GDPR-2 consents ticked at signup are stored with purpose, wording version, time, source and address; unticked ones store nothing', async () => {
    const before = new Date();
    const a = await owner({ marketing: true });
    const rows = await t.db.select().from(consentRecords).where(eq(consentRecords.userId, a.userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: 'marketing', granted: true, wordingVersion: CONSENT_WORDING.marketing, source: 'signup', email: a.email, ip: '198.51.100.20' });
    expect(rows[0].at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const states = await consentStates(t.db, a.userId);
    expect(states.find((s) => s.purpose === 'customer_service')).toMatchObject({ granted: false, at: null });

    const b = await owner({ service: true, source: 'appsumo' });
    const bRows = await t.db.select().from(consentRecords).where(eq(consentRecords.userId, b.userId));
    expect(bRows.map((r) => [r.purpose, r.source])).toEqual([['customer_service', 'appsumo']]);

    const c = await owner();
    expect(await t.db.select().from(consentRecords).where(eq(consentRecords.userId, c.userId))).toHaveLength(0);
  });

  test('GDPR-2 the signup form has both consents unticked by default: omitted boxes parse as not given', () => {
    const parsed = signupSchema.shape.consentMarketing.parse(undefined);
    expect(parsed).toBe(false);
    expect(signupSchema.shape.consentCustomerService.parse('on')).toBe(true);
  });

  test('GDPR-2 a consent is withdrawn and given again at once, each change appended and audited', async () => {
    const a = await owner({ marketing: true });
    const at = new Date();
    expect(await setUserConsent(t.db, { id: a.userId, accountId: a.accountId }, 'marketing', false, { type: 'owner', id: a.userId, ip: '192.0.2.1' }, at)).toBe(true);
    expect((await consentStates(t.db, a.userId)).find((s) => s.purpose === 'marketing')).toMatchObject({ granted: false, source: 'portal' });
    expect((await marketingRecipients(t.db)).map((r) => r.email)).not.toContain(a.email);
    // Same instant (a frozen clock): the newer record still wins.
    await setUserConsent(t.db, { id: a.userId, accountId: a.accountId }, 'marketing', true, { type: 'owner', id: a.userId, ip: '192.0.2.1' }, at);
    expect((await consentStates(t.db, a.userId)).find((s) => s.purpose === 'marketing')!.granted).toBe(true);
    expect(await setUserConsent(t.db, { id: a.userId, accountId: a.accountId }, 'marketing', true, { type: 'owner', id: a.userId, ip: '192.0.2.1' }, at)).toBe(false);
    const records = await t.db.select().from(consentRecords).where(and(eq(consentRecords.userId, a.userId), eq(consentRecords.purpose, 'marketing')));
    expect(records).toHaveLength(3);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.target, `user:${a.userId}`));
    expect(audits.map((x) => x.action)).toEqual(expect.arrayContaining(['privacy.consent_withdrawn', 'privacy.consent_given']));
  });
});

describe('consents at redemption and after unsubscribing', () => {
  test('GDPR-2 consents ticked on the deal redemption form are stored with source appsumo', async () => {
    const [{ id: dealId }] = await t.db.select({ id: deals.id }).from(deals).where(eq(deals.name, 'AppSumo'));
    const at = new Date('2019-08-01T10:00:00Z');
    await importDealCodes(t.db, { dealId, csv: 'CONSENT-0001', at: new Date('2019-06-02T10:00:00Z') }, { type: 'staff' });
    const signup = signupSchema.parse({
      fullName: 'Peter Sumo',
      email: `sumo-consent-${Date.now()}@example.test`,
      password: 'correct horse battery staple',
      companyName: 'Sumo Consent',
      slug: `sumo-consent-${Date.now() % 100000}`,
      dateOfBirth: '1985-01-01',
      acceptTerms: 'on',
      consentMarketing: 'on',
      consentCustomerService: 'on',
      botCheck: 'test-pass',
    });
    const r = await redeemDealCode(t.db, { ...signup, code: 'CONSENT-0001' }, { ip: '203.0.113.10', userAgent: 'Vitest' }, at, 'en');
    if (r.existing) throw new Error('expected a new account');
    const rows = await t.db.select().from(consentRecords).where(eq(consentRecords.userId, r.userId));
    expect(rows.map((x) => [x.purpose, x.granted, x.source, x.at.toISOString()]).sort()).toEqual([
      ['customer_service', true, 'appsumo', at.toISOString()],
      ['marketing', true, 'appsumo', at.toISOString()],
    ]);
  });

  test('GDPR-2 withdrawing the marketing consent stops marketing mail already queued for the address', async () => {
    const a = await owner({ marketing: true });
    await t.db.transaction((tx) => queueEmail(tx, a.email, { subject: 'Offer', paragraphs: ['Hi'] }, { kind: 'marketing' }));
    await setUserConsent(t.db, { id: a.userId, accountId: a.accountId }, 'marketing', false, { type: 'owner', id: a.userId, ip: null }, new Date());
    const [row] = (await mailsTo(a.email)).filter((m) => m.kind === 'marketing');
    expect(row).toMatchObject({ status: 'failed', lastError: MARKETING_WITHDRAWN });
  });

  test('GDPR-2 GDPR-10 a marketing consent ticked at signup lifts an earlier unsubscribe of the address', async () => {
    const email = `came-back-${Date.now()}@example.test`;
    await unsubscribeAddress(t.db, email, { channel: 'form', ip: null }, new Date());
    expect((await marketingAllowed(t.db, [email])).size).toBe(0);
    n++;
    const r = await signUp(
      t.db,
      signupSchema.parse({ fullName: 'Back Again', email, password: 'correct horse battery staple', companyName: 'Back Co', slug: `back-co-${Date.now() % 100000}`, dateOfBirth: '1990-04-12', acceptTerms: 'on', consentMarketing: 'on', botCheck: 'test-pass' }),
      { ip: '198.51.100.21', userAgent: 'Vitest', locale: 'en' },
      new Date(),
    );
    expect(r.existing).toBe(false);
    expect((await marketingAllowed(t.db, [email])).has(email)).toBe(true);
  });
});

describe('unsubscribe token', () => {
  test('GDPR-10 the unsubscribe token names the address and verifies; a tampered one fails', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const token = signUnsubscribeToken(email);
        expect(verifyUnsubscribeToken(token)).toEqual({ email: email.toLowerCase(), purpose: 'marketing' });
        const [payload, sig] = token.split('.');
        const other = Buffer.from(JSON.stringify({ e: `x${email.toLowerCase()}`, p: 'marketing' })).toString('base64url');
        expect(verifyUnsubscribeToken(`${other}.${sig}`)).toBeNull();
        // A character in the middle (the last one carries padding bits that decoding ignores).
        const flipped = sig.slice(0, 10) + (sig[10] === 'A' ? 'B' : 'A') + sig.slice(11);
        expect(verifyUnsubscribeToken(`${payload}.${flipped}`)).toBeNull();
      }),
      { numRuns: 50 },
    );
    expect(verifyUnsubscribeToken('garbage')).toBeNull();
    expect(verifyUnsubscribeToken('')).toBeNull();
  });
});

describe('announcements', () => {
  test('GDPR-10 recipients are consenting users and confirmed subscribers minus flagged addresses, each in their language with unsubscribe headers', async () => {
    const en = await owner({ marketing: true, locale: 'en' });
    const nl = await owner({ marketing: true, locale: 'nl' });
    const none = await owner({ service: true });
    const restricted = await owner({ marketing: true });
    const objecting = await owner({ marketing: true });
    const unsubscribed = await owner({ marketing: true });
    const now = new Date();
    await t.db.insert(privacyFlags).values([
      { email: restricted.email, restrictedAt: now, updatedAt: now },
      { email: objecting.email, objectedAt: now, updatedAt: now },
    ]);
    await unsubscribeAddress(t.db, unsubscribed.email, { channel: 'form', ip: null }, now);
    await t.db.insert(newsletterSubscribers).values([
      { email: `sub-ok-${n}@example.test`, locale: 'nl', createdAt: now, confirmExpiresAt: now, confirmedAt: now },
      { email: `sub-pending-${n}@example.test`, locale: 'en', createdAt: now, confirmExpiresAt: now },
    ]);

    const a = await createAnnouncement(t.db, announcementInput('one'), STAFF, now);
    const { recipients } = await sendAnnouncement(t.db, a.id, STAFF, now);
    const all = await t.db.select().from(outbox).where(eq(outbox.kind, 'marketing'));
    const to = all.filter((m) => m.subject.endsWith('one')).map((m) => m.to);
    expect(to).toEqual(expect.arrayContaining([en.email, nl.email, `sub-ok-${n}@example.test`]));
    for (const no of [none.email, restricted.email, objecting.email, unsubscribed.email, `sub-pending-${n}@example.test`]) expect(to).not.toContain(no);
    expect(recipients).toBe(to.length);

    const [nlMail] = (await mailsTo(nl.email)).filter((m) => m.kind === 'marketing');
    expect(nlMail.subject).toBe('Nieuws one');
    expect(nlMail.text).toContain('Eerste alinea one.');
    const [enMail] = (await mailsTo(en.email)).filter((m) => m.kind === 'marketing');
    expect(enMail.subject).toBe('News one');
    expect(enMail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const link = enMail.headers?.['List-Unsubscribe'].match(/^<(https?:\/\/[^>]+\/api\/unsubscribe\?token=([^>]+))>$/);
    expect(link).not.toBeNull();
    expect(verifyUnsubscribeToken(decodeURIComponent(link![2]))).toEqual({ email: en.email, purpose: 'marketing' });
    expect(enMail.text).toContain('/unsubscribe?token=');

    await expect(sendAnnouncement(t.db, a.id, STAFF, now)).rejects.toThrow();
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'announcement.sent'), eq(auditLog.target, `announcement:${a.id}`)));
    expect(audit.details).toMatchObject({ recipients });
  });

  test('GDPR-10 unsubscribing withdraws the consent, ends the subscription, is audited and idempotent', async () => {
    const a = await owner({ marketing: true });
    const now = new Date();
    await unsubscribeAddress(t.db, a.email.toUpperCase(), { channel: 'one_click', ip: '192.0.2.5' }, now);
    await unsubscribeAddress(t.db, a.email, { channel: 'link', ip: '192.0.2.5' }, now);
    const marketing = (await consentStates(t.db, a.userId)).find((s) => s.purpose === 'marketing')!;
    expect(marketing).toMatchObject({ granted: false, source: 'unsubscribe' });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'privacy.unsubscribed'), eq(auditLog.target, `user:${a.userId}`)));
    expect(audits).toHaveLength(1);
    // Giving the consent again in the portal lifts the unsubscribe.
    await setUserConsent(t.db, { id: a.userId, accountId: a.accountId }, 'marketing', true, { type: 'owner', id: a.userId, ip: null }, new Date());
    expect((await marketingAllowed(t.db, [a.email])).has(a.email)).toBe(true);
  });

  test('GDPR-10 product news: double opt-in records the consent once the link is followed, and never says whether the address was known', async () => {
    const email = `news-${Date.now()}@example.test`;
    const at = new Date();
    await subscribeToNews(t.db, email, { ip: '192.0.2.7', locale: 'nl' }, at);
    const [mail] = await mailsTo(email);
    expect(mail.subject).toContain('productnieuws');
    expect((await marketingRecipients(t.db)).map((r) => r.email)).not.toContain(email);
    const token = decodeURIComponent(mail.text.match(/news\/confirm\?token=([A-Za-z0-9_-]+)/)![1]);
    const [stored] = await t.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email));
    expect(stored.tokenHash).not.toBe(token);
    expect(await confirmNews(t.db, token, { ip: '192.0.2.7' }, at)).toBe(true);
    expect(await confirmNews(t.db, token, { ip: '192.0.2.7' }, at)).toBe(false);
    const [consent] = await t.db.select().from(consentRecords).where(eq(consentRecords.email, email));
    expect(consent).toMatchObject({ purpose: 'marketing', granted: true, source: 'newsletter', wordingVersion: NEWSLETTER_WORDING, userId: null });
    expect(await marketingRecipients(t.db)).toContainEqual({ email, locale: 'nl' });
    // Asking again for a confirmed address sends nothing new.
    await subscribeToNews(t.db, email, { ip: '192.0.2.7', locale: 'nl' }, at);
    expect(await mailsTo(email)).toHaveLength(1);
  });

  test('GDPR-10 an expired confirmation link does not subscribe', async () => {
    const email = `late-${Date.now()}@example.test`;
    const at = new Date();
    await subscribeToNews(t.db, email, { ip: '192.0.2.8', locale: 'en' }, at);
    const [mail] = await mailsTo(email);
    const token = mail.text.match(/news\/confirm\?token=([A-Za-z0-9_-]+)/)![1];
    expect(await confirmNews(t.db, token, { ip: '192.0.2.8' }, new Date(at.getTime() + 8 * 86_400_000))).toBe(false);
  });
});

describe('marketing refusals', () => {
  test('GDPR-8 marketing mail to a restricted, objecting or unsubscribed address is refused when queued', async () => {
    const now = new Date();
    const base = `gdpr8-${Date.now()}`;
    await t.db.insert(privacyFlags).values([
      { email: `${base}-r@example.test`, restrictedAt: now, updatedAt: now },
      { email: `${base}-o@example.test`, objectedAt: now, updatedAt: now },
      { email: `${base}-u@example.test`, unsubscribedAt: now, updatedAt: now },
    ]);
    const allowed = await marketingAllowed(t.db, [`${base}-r@example.test`, `${base}-o@example.test`, `${base}-u@example.test`, `${base}-ok@example.test`]);
    expect([...allowed]).toEqual([`${base}-ok@example.test`]);
    for (const who of ['r', 'o', 'u', 'ok']) {
      await t.db.transaction((tx) => queueEmail(tx, `${base}-${who}@example.test`, { subject: 'Offer', paragraphs: ['Hi'] }, { kind: 'marketing' }));
    }
    const queued = (await t.db.select().from(outbox)).filter((m) => m.to.startsWith(base));
    expect(queued.map((m) => m.to)).toEqual([`${base}-ok@example.test`]);
    // Transactional mail (a receipt, a password reset) still goes to a flagged address.
    await t.db.transaction((tx) => queueEmail(tx, `${base}-r@example.test`, { subject: 'Receipt', paragraphs: ['Hi'] }));
    expect(await mailsTo(`${base}-r@example.test`)).toHaveLength(1);
  });

  test('GDPR-8 a flag set after queuing wins: the marketing row is not delivered', async () => {
    const email = `late-flag-${Date.now()}@example.test`;
    await t.db.transaction((tx) => queueEmail(tx, email, { subject: 'Offer', paragraphs: ['Hi'] }, { kind: 'marketing', headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }));
    await t.db.insert(privacyFlags).values({ email, objectedAt: new Date(), updatedAt: new Date() });
    const sent: { to: string; headers?: Record<string, string> }[] = [];
    await deliverOutbox(t.db, async (m) => void sent.push(m), 500);
    expect(sent.find((m) => m.to === email)).toBeUndefined();
    const [row] = await mailsTo(email);
    expect(row).toMatchObject({ status: 'failed', lastError: MARKETING_REFUSED });
    // Staff cannot put it back in the queue either.
    await requeueEmail(t.db, row.id);
    expect((await mailsTo(email))[0].status).toBe('failed');
  });

  test('GDPR-10 delivery passes a marketing row\'s headers to the mailer', async () => {
    const email = `headers-${Date.now()}@example.test`;
    await t.db.transaction((tx) => queueEmail(tx, email, { subject: 'Offer', paragraphs: ['Hi'] }, { kind: 'marketing', headers: { 'List-Unsubscribe': '<https://x.test/u>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }));
    const sent: { to: string; headers?: Record<string, string> }[] = [];
    await deliverOutbox(t.db, async (m) => void sent.push(m), 500);
    expect(sent.find((m) => m.to === email)?.headers).toEqual({ 'List-Unsubscribe': '<https://x.test/u>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });

  test('GDPR-10 an announcement\'s unsubscribe link is clickable in the HTML body', async () => {
    const { renderEmail } = await import('@/lib/email/render');
    const { announcementEmail } = await import('./announcements');
    const html = renderEmail(announcementEmail(announcementInput('x'), 'en', 'https://app.test/unsubscribe?token=a.b')).html;
    expect(html).toContain('<a href="https://app.test/unsubscribe?token=a.b">');
  });
});
