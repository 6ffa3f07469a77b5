// Every email is written in its recipient's language (users.locale): subject, greeting, body,
// button, the line under the button and the signature. English stays word for word as before.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { accounts, billingProfiles, invoiceLines, invoices, outbox, users } from '@/db/schema';
import { emailHtml } from '@/lib/email/outbox';
import { queueConfirmationEmail, resendVerification } from '@/lib/accounts/verification';
import { saveBillingDetails } from '@/lib/billing/profile';
import { billingDetailsSchema } from '@/lib/billing/schemas';
import { addPaymentMethod } from '@/lib/billing/subscriptions';
import { createTrialAccount, sandboxToken, useBillingTestDb } from '@/lib/billing/test-helpers';
import { sendTrialReminders } from '@/lib/billing/trials';
import { now, setClock } from '@/lib/clock';
import type { Locale } from '@/lib/i18n/config';
import { requestInvoiceCorrection } from '@/lib/invoices/corrections';
import { invoiceLinesOf } from '@/lib/invoices/issue';

const t = useBillingTestDb();
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
const mailsTo = async (to: string) => (await t.db.select().from(outbox).where(eq(outbox.to, to))).map((m) => ({ ...m, text: nbsp(m.text), subject: nbsp(m.subject) }));

/** An unconfirmed signup whose owner reads `locale`. */
async function pendingSignup(locale: Locale) {
  const id = randomBytes(4).toString('hex');
  const at = now();
  const [account] = await t.db.insert(accounts).values({ slug: `lang-${id}`, companyName: `Lang ${id}`, status: 'pending_verification', createdAt: at }).returning();
  const [owner] = await t.db
    .insert(users)
    .values({ accountId: account.id, role: 'owner', fullName: 'Sanne de Vries', email: `signup-${id}@example.test`, locale, adultConfirmedAt: at, createdAt: at })
    .returning();
  return { account, owner };
}

async function payingOwner(locale: Locale) {
  const { account, owner } = await createTrialAccount(t.db, new Date('2026-11-25T09:00:00Z'));
  await t.db.update(users).set({ locale }).where(eq(users.id, owner.id));
  return { account, owner };
}

async function firstCharge(accountId: string, ownerId: string) {
  const token = await sandboxToken(t.processor, '4242 4242 4242 4242');
  const r = await addPaymentMethod(t.db, t.processor, { accountId, token, reference: 'ref', actor: { type: 'owner', id: ownerId } });
  if (r.outcome !== 'charged') throw new Error('expected a charge');
  return r.invoice;
}

describe('emails in the recipient language', () => {
  test('a Dutch owner gets the confirmation email in Dutch, an English owner in English', async () => {
    const nl = await pendingSignup('nl');
    const en = await pendingSignup('en');
    for (const s of [nl, en])
      await t.db.transaction((tx) =>
        queueConfirmationEmail(tx, { email: s.owner.email!, fullName: s.owner.fullName, accountId: s.account.id, slug: s.account.slug }, 'tok'),
      );

    const [dutch] = await mailsTo(nl.owner.email!);
    expect(dutch.subject).toBe('Bevestig uw e-mailadres voor Accountdesk');
    expect(dutch.text).toMatch(/^Beste Sanne de Vries,/);
    expect(dutch.text).toContain('De link is 7 dagen geldig');
    expect(dutch.text).toContain('E-mailadres bevestigen: ');
    expect(dutch.text).toContain('Het Accountdesk-team');
    expect(emailHtml(dutch)).toContain('<html lang="nl">');
    expect(emailHtml(dutch)).toContain('Werkt de knop niet? Kopieer dan dit adres naar uw browser:');
    expect(dutch.text).not.toMatch(/Hello|Confirm|The Accountdesk team/);

    const [english] = await mailsTo(en.owner.email!);
    expect(english.subject).toBe('Confirm your email address for Accountdesk');
    expect(english.text).toMatch(/^Hello Sanne de Vries,/);
    expect(english.text).toContain('The link is valid for 7 days; a signup that is not confirmed in that time is removed.');
    expect(english.text).toContain('Confirm email address: ');
    expect(english.text).toContain('The Accountdesk team');
    expect(emailHtml(english)).toContain('If the button does not work, copy this address into your browser:');
  });

  test('"Send the link again" writes in the stored language of the signup', async () => {
    const nl = await pendingSignup('nl');
    await resendVerification(t.db, { email: nl.owner.email! }, { ip: '203.0.113.9', userAgent: 'Vitest' }, now());
    expect((await mailsTo(nl.owner.email!)).map((m) => m.subject)).toEqual(['Bevestig uw e-mailadres voor Accountdesk']);
  });

  test('a Dutch owner gets the payment confirmation in Dutch, with Dutch money; the invoice is issued in Dutch', async () => {
    const { account, owner } = await payingOwner('nl');
    const invoice = await firstCharge(account.id, owner.id);
    const [mail] = (await mailsTo(owner.email!)).filter((m) => m.subject.startsWith('Betaling ontvangen'));
    expect(mail.subject).toBe(`Betaling ontvangen: € 18,45 voor factuur ${invoice.number}`);
    expect(mail.text).toContain('We hebben € 18,45 afgeschreven van uw Visa eindigend op 4242.');
    expect(mail.text).toContain('Facturen bekijken: ');
    expect(mail.text).not.toMatch(/Payment received|€18\.45|Hello/);

    const [stored] = await t.db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(stored.locale).toBe('nl');
    const [line] = await t.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
    expect(line.description).toBe('Team-pakket, maandabonnement, per gebruiker');
  });

  test('an English owner gets the payment confirmation exactly as before; the invoice is in English', async () => {
    const { account, owner } = await payingOwner('en');
    const invoice = await firstCharge(account.id, owner.id);
    const [mail] = (await mailsTo(owner.email!)).filter((m) => m.subject.startsWith('Payment received'));
    expect(mail.subject).toBe(`Payment received: €18.45 for invoice ${invoice.number}`);
    const parts = mail.text.split('\n\n');
    expect(parts.slice(0, 3)).toEqual([
      'Hello Eva Billing,',
      'We charged €18.45 to your Visa ending in 4242.',
      `Invoice: ${invoice.number}. You can download it as a PDF from your invoices page.`,
    ]);
    expect(parts[3]).toMatch(/^View invoices: \S+\/account\/invoices$/);
    expect(parts[4]).toBe('The Accountdesk team');
    expect(emailHtml(mail)).toContain('<html lang="en">');
    const [stored] = await t.db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(stored.locale).toBe('en');
    const [line] = await t.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
    expect(line.description).toBe('Team plan, monthly subscription, per seat');
  });

  test('an invoice email of no user, outside any request, is written in English; the owner in their own', async () => {
    const { account, owner } = await payingOwner('nl');
    await t.db.insert(billingProfiles).values({
      accountId: account.id,
      name: 'Accounts Dept',
      company: 'Lang B.V.',
      street: 'Damrak 1',
      city: 'Amsterdam',
      postalCode: '1012 LG',
      region: '',
      country: 'SK',
      invoiceEmail: `accounts-${account.id.slice(0, 8)}@example.test`,
      companyId: '12345678',
      vatNumber: null,
      updatedAt: now(),
    });
    const invoice = await firstCharge(account.id, owner.id);
    const [department] = await mailsTo(`accounts-${account.id.slice(0, 8)}@example.test`);
    expect(department.subject).toBe(`Invoice ${invoice.number} from Accountdesk (paid)`);
    expect((await mailsTo(owner.email!)).some((m) => m.subject.startsWith('Betaling ontvangen'))).toBe(true);
  });

  test('sweeps write each owner in their language: the trial reminder', async () => {
    const nl = await payingOwner('nl');
    const en = await payingOwner('en');
    setClock(new Date('2026-12-07T09:00:00Z'));
    await sendTrialReminders(t.db);
    const [dutch] = await mailsTo(nl.owner.email!);
    expect(dutch.subject).toBe('Uw gratis proefperiode eindigt op 9 dec 2026');
    expect(dutch.text).toContain('Uw proefperiode van 14 dagen eindigt op 9 dec 2026.');
    const [english] = await mailsTo(en.owner.email!);
    expect(english.subject).toBe('Your free trial ends on 9 Dec 2026');
  });

  test('a correction by an owner who now reads Dutch issues Dutch documents (period lines rewritten) and Dutch emails', async () => {
    setClock(new Date('2027-04-01T08:00:00Z'));
    const { account, owner } = await payingOwner('en');
    const original = await firstCharge(account.id, owner.id);
    await t.db.update(users).set({ locale: 'nl' }).where(eq(users.id, owner.id));
    const actor = { type: 'owner' as const, id: owner.id };
    await saveBillingDetails(
      t.db,
      account.id,
      billingDetailsSchema.parse({ name: 'Sanne de Vries', company: 'Lang B.V.', street: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL', invoiceEmail: owner.email! }),
      actor,
    );
    const { creditNote, replacement } = await requestInvoiceCorrection(t.db, account.id, actor);
    expect(creditNote.locale).toBe('nl');
    expect(replacement.locale).toBe('nl');
    expect(creditNote.note).toBe(`Annuleert factuur ${original.number}, opnieuw opgesteld met bijgewerkte factuurgegevens.`);
    expect((await invoiceLinesOf(t.db, replacement.id)).map((l) => l.description)).toEqual(['Team-pakket, maandabonnement, per gebruiker']);
    const subjects = (await mailsTo(owner.email!)).map((m) => m.subject);
    expect(subjects).toContain(`Creditnota ${creditNote.number} crediteert factuur ${original.number}`);
    expect(subjects).toContain(`Gecorrigeerde factuur ${replacement.number} (vervangt ${original.number})`);
  });
});
