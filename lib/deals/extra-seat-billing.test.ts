import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { accounts, billingProfiles, deals, invoiceLines, invoices, loginSharingFlags, outbox, paymentMethods, subscriptions } from '@/db/schema';
import { signupSchema } from '@/lib/accounts/schemas';
import { collectOpenInvoices } from '@/lib/billing/renewals';
import { addPaymentMethod } from '@/lib/billing/subscriptions';
import { sandboxToken, useBillingTestDb, WORKING_CARD } from '@/lib/billing/test-helpers';
import { setClock } from '@/lib/clock';
import { addSharingSurcharge, endSharingSurcharge } from '@/lib/login-sharing/service';
import { acceptInvitation, inviteUser, removeUser, type TeamActor } from '@/lib/team/service';
import { billExtraSeats } from './extra-seat-billing';
import { importDealCodes } from './import';
import { extraUserAccounts } from './queries';
import { redeemDealCode } from './redeem';

const env = useBillingTestDb();
let n = 0;
const PASSWORD = 'correct horse battery staple';

/** A verified deal account redeemed at `at`, with full billing details and (optionally) a card. */
async function dealAccount(at: Date, withCard: boolean) {
  n++;
  process.env.TEST_HOOKS = '1';
  setClock(at);
  const [deal] = await env.db.select().from(deals).where(eq(deals.name, 'AppSumo'));
  // The seeded deal closed in 2019: this file's accounts come from a deal still open.
  await env.db.update(deals).set({ closesAt: new Date('2030-01-01T00:00:00Z') }).where(eq(deals.id, deal.id));
  const code = `BILL-${n}-${Date.now().toString(36)}`.toUpperCase();
  await importDealCodes(env.db, { dealId: deal.id, csv: code, at }, { type: 'staff' });
  const input = signupSchema.parse({ fullName: 'Oskar Owner', email: `deal-owner-${n}@example.test`, password: PASSWORD, companyName: `Deal ${n}`, slug: `deal-${n}-${Date.now().toString(36)}`, dateOfBirth: '1980-01-01', acceptTerms: 'on', botCheck: 'test-pass' });
  const r = await redeemDealCode(env.db, { ...input, code }, { ip: '192.0.2.50', userAgent: 'vitest' }, at, 'en');
  if (r.existing) throw new Error('expected a new account');
  await env.db.update(accounts).set({ status: 'active', verifiedAt: at }).where(eq(accounts.id, r.accountId));
  await env.db.insert(billingProfiles).values({ accountId: r.accountId, name: 'Oskar Owner', company: 'Deal s.r.o.', street: 'Hlavná 1', city: 'Košice', postalCode: '040 01', region: 'Košický kraj', country: 'SK', invoiceEmail: `deal-owner-${n}@example.test`, companyId: '35757442', updatedAt: at });
  const actor = { type: 'owner' as const, id: r.userId };
  if (withCard) {
    const result = await addPaymentMethod(env.db, env.processor, { accountId: r.accountId, token: await sandboxToken(env.processor, WORKING_CARD), reference: 'ref', actor });
    expect(result.outcome).toBe('saved'); // a lifetime deal is never charged for its plan
  }
  const team: TeamActor = { accountId: r.accountId, userId: r.userId, role: 'owner', ip: '192.0.2.50' };
  return { accountId: r.accountId, ownerId: r.userId, email: input.email, team, actor };
}

async function addUser(team: TeamActor, email: string, at: Date) {
  setClock(at);
  await inviteUser(env.db, team, { email, role: 'agent' }, at, 'en');
  const mails = await env.db.select().from(outbox).where(eq(outbox.to, email));
  const token = decodeURIComponent(mails[mails.length - 1].text.match(/token=([A-Za-z0-9_%-]+)/)![1]);
  return acceptInvitation(env.db, token, { fullName: `User ${email}`, password: PASSWORD }, { ip: '192.0.2.51' }, at);
}

describe('APS-7 APS-10 extra users of a deal account are billed monthly in arrears', () => {
  test('APS-7 on 1 December the November extra user is invoiced per day and charged like a renewal; a second run bills nothing', async () => {
    const a = await dealAccount(new Date('2026-10-05T09:00:00Z'), true);
    await addUser(a.team, `free-${n}@example.test`, new Date('2026-11-03T09:00:00Z'));
    const extra = await addUser(a.team, `extra-${n}@example.test`, new Date('2026-11-10T09:00:00Z'));
    setClock(new Date('2026-11-20T15:00:00Z'));
    await removeUser(env.db, a.team, extra.userId, new Date('2026-11-20T15:00:00Z'));

    setClock(new Date('2026-12-01T07:00:00Z'));
    expect(await billExtraSeats(env.db)).toBe(1);
    const [invoice] = await env.db.select().from(invoices).where(and(eq(invoices.accountId, a.accountId), eq(invoices.reason, 'extra_seats')));
    const lines = await env.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
    expect(lines).toHaveLength(1);
    expect(lines[0].description).toBe(`Extra user User extra-${n}@example.test, 10 Nov 2026 – 20 Nov 2026 (11 days)`);
    expect(lines[0].netCents).toBe(1430); // €39 × 11 / 30
    expect(invoice.vatKind).toBe('domestic');
    await collectOpenInvoices(env.db, env.processor);
    const [sub] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, a.accountId));
    expect(sub).toMatchObject({ status: 'lifetime', dunningInvoiceId: null });
    expect(await billExtraSeats(env.db)).toBe(0);
    const all = await env.db.select().from(invoices).where(eq(invoices.accountId, a.accountId));
    expect(all).toHaveLength(1);
    // Staff see the account among the deal's accounts with extra users, with what was invoiced.
    const [deal] = await env.db.select().from(deals).where(eq(deals.name, 'AppSumo'));
    const dealAccounts = await extraUserAccounts(env.db, deal.id);
    expect(dealAccounts.accounts.find((x) => x.id === a.accountId)).toMatchObject({ users: 2, invoicedCents: invoice.grossCents });
  });

  test('APS-10 with the card gone on the billing date the account is blocked; a new card pays the invoice and access returns', async () => {
    const a = await dealAccount(new Date('2026-10-05T09:00:00Z'), true);
    await addUser(a.team, `free-${n}@example.test`, new Date('2026-10-06T09:00:00Z'));
    await addUser(a.team, `extra-${n}@example.test`, new Date('2026-10-07T09:00:00Z'));
    // The card is removed before the billing date.
    await env.db.update(paymentMethods).set({ replacedAt: new Date('2026-11-15T09:00:00Z') }).where(eq(paymentMethods.accountId, a.accountId));

    setClock(new Date('2026-12-01T07:00:00Z'));
    expect(await billExtraSeats(env.db)).toBe(1);
    const [blocked] = await env.db.select().from(accounts).where(eq(accounts.id, a.accountId));
    expect(blocked.status).toBe('suspended');
    const [sub] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, a.accountId));
    expect(sub.status).toBe('suspended');
    const [mail] = (await env.db.select().from(outbox).where(eq(outbox.to, a.email))).filter((m) => /billing details for your extra users/.test(m.subject));
    expect(mail).toBeTruthy();

    const paid = await addPaymentMethod(env.db, env.processor, { accountId: a.accountId, token: await sandboxToken(env.processor, WORKING_CARD, 'ref2'), reference: 'ref2', actor: a.actor });
    expect(paid.outcome).toBe('charged');
    const [back] = await env.db.select().from(accounts).where(eq(accounts.id, a.accountId));
    expect(back.status).toBe('active');
    const [after] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, a.accountId));
    expect(after).toMatchObject({ status: 'lifetime', dunningInvoiceId: null });
  });

  test('ACC-8 on a lifetime deal a shared-login surcharge is billed per day on the monthly invoice, and stops when staff end it', async () => {
    const a = await dealAccount(new Date('2026-10-05T09:00:00Z'), true);
    const shared = await addUser(a.team, `shared-${n}@example.test`, new Date('2026-10-06T09:00:00Z')); // a free lifetime seat
    const flagAt = new Date('2026-11-21T10:00:00Z');
    const [flag] = await env.db
      .insert(loginSharingFlags)
      .values({ userId: shared.userId, accountId: a.accountId, flaggedAt: flagAt, firstSeenAt: flagAt, lastSeenAt: flagAt, days: 3, evidence: [] })
      .returning();
    setClock(flagAt);
    const staffActor = { type: 'staff' as const, id: null };
    const { surchargeId, monthlyCents } = await addSharingSurcharge(env.db, flag.id, staffActor, flagAt);
    expect(monthlyCents).toBe(3900);

    setClock(new Date('2026-12-01T07:00:00Z'));
    await billExtraSeats(env.db); // (other tests' accounts may be billed too: this one is checked by its invoices)
    const [invoice] = await env.db.select().from(invoices).where(and(eq(invoices.accountId, a.accountId), eq(invoices.reason, 'extra_seats')));
    const lines = await env.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
    expect(lines).toHaveLength(1);
    expect(lines[0].description).toBe(`Shared login surcharge: User shared-${n}@example.test, 21 Nov 2026 – 30 Nov 2026 (10 days)`);
    expect(lines[0].netCents).toBe(1300); // €39 × 10 / 30
    await collectOpenInvoices(env.db, env.processor);

    // December in full, then staff end it on 10 January: January has 10 days (1–10).
    setClock(new Date('2027-01-01T07:00:00Z'));
    await billExtraSeats(env.db);
    await collectOpenInvoices(env.db, env.processor);
    await endSharingSurcharge(env.db, surchargeId, staffActor, new Date('2027-01-10T12:00:00Z'));
    setClock(new Date('2027-02-01T07:00:00Z'));
    await billExtraSeats(env.db);
    await collectOpenInvoices(env.db, env.processor);
    setClock(new Date('2027-03-01T07:00:00Z'));
    await billExtraSeats(env.db);
    const all = await env.db.select().from(invoices).where(eq(invoices.accountId, a.accountId)).orderBy(invoices.issuedAt);
    expect(all.map((i) => i.netCents)).toEqual([1300, 3900, 1258]); // 39 × 10 / 31 = 12.58
  });

  test('APS-6 a deal account without extra users is never invoiced', async () => {
    const a = await dealAccount(new Date('2026-10-05T09:00:00Z'), false);
    await addUser(a.team, `only-${n}@example.test`, new Date('2026-10-06T09:00:00Z'));
    setClock(new Date('2027-01-01T07:00:00Z'));
    await billExtraSeats(env.db);
    expect(await env.db.select().from(invoices).where(eq(invoices.accountId, a.accountId))).toHaveLength(0);
    const [account] = await env.db.select().from(accounts).where(eq(accounts.id, a.accountId));
    expect(account.status).toBe('active');
  });

  test('APS-7 months the sweep missed are billed once, on one invoice, when it next runs', async () => {
    const a = await dealAccount(new Date('2026-09-05T09:00:00Z'), true);
    await addUser(a.team, `free-${n}@example.test`, new Date('2026-09-06T09:00:00Z'));
    await addUser(a.team, `extra-${n}@example.test`, new Date('2026-10-01T09:00:00Z'));
    // September is billed (nothing extra), then the sweep does not run on 1 November or 1 December.
    setClock(new Date('2026-10-01T05:00:00Z'));
    await billExtraSeats(env.db);
    setClock(new Date('2026-12-03T07:00:00Z'));
    await billExtraSeats(env.db);
    const [invoice] = await env.db.select().from(invoices).where(and(eq(invoices.accountId, a.accountId), eq(invoices.reason, 'extra_seats')));
    const lines = await env.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
    expect(lines.map((l) => [l.description, l.netCents])).toEqual([
      [`Extra user User extra-${n}@example.test, 1 Oct 2026 – 31 Oct 2026 (31 days)`, 3900],
      [`Extra user User extra-${n}@example.test, 1 Nov 2026 – 30 Nov 2026 (30 days)`, 3900],
    ]);
    await collectOpenInvoices(env.db, env.processor);
    expect(await billExtraSeats(env.db)).toBe(0);
    expect(await env.db.select().from(invoices).where(eq(invoices.accountId, a.accountId))).toHaveLength(1);
  });

  test('APS-7 while an extra-user invoice is still being collected the next month waits, then is billed once it is paid', async () => {
    const a = await dealAccount(new Date('2026-09-05T09:00:00Z'), true);
    await addUser(a.team, `free-${n}@example.test`, new Date('2026-09-06T09:00:00Z'));
    await addUser(a.team, `extra-${n}@example.test`, new Date('2026-10-01T09:00:00Z'));
    setClock(new Date('2026-11-01T07:00:00Z'));
    expect(await billExtraSeats(env.db)).toBe(1);
    const [open] = await env.db.select().from(invoices).where(eq(invoices.accountId, a.accountId));
    // Not collected by 1 December: December's run leaves the account alone…
    setClock(new Date('2026-12-01T07:00:00Z'));
    await billExtraSeats(env.db);
    const [sub] = await env.db.select().from(subscriptions).where(eq(subscriptions.accountId, a.accountId));
    expect(sub.dunningInvoiceId).toBe(open.id);
    expect(await env.db.select().from(invoices).where(eq(invoices.accountId, a.accountId))).toHaveLength(1);
    // …and once October is paid, November is billed.
    await collectOpenInvoices(env.db, env.processor);
    await billExtraSeats(env.db);
    const all = await env.db.select().from(invoices).where(eq(invoices.accountId, a.accountId));
    expect(all).toHaveLength(2);
    const november = all.find((i) => i.id !== open.id)!;
    const lines = await env.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, november.id));
    expect(lines.map((l) => l.description)).toEqual([`Extra user User extra-${n}@example.test, 1 Nov 2026 – 30 Nov 2026 (30 days)`]);
  });
});
