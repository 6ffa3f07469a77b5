import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { auditLog, outbox } from '@/db/schema';
import { saveBillingDetails, saveVatNumber } from '@/lib/billing/profile';
import { billingDetailsSchema } from '@/lib/billing/schemas';
import { createPaidAccount, useBillingTestDb } from '@/lib/billing/test-helpers';
import { setClock } from '@/lib/clock';
import { localeKit } from '@/lib/i18n/translator';
import { requestInvoiceCorrection } from './corrections';
import { invoiceLinesOf } from './issue';
import { listAccountDocuments, relatedDocuments } from './queries';

const t = useBillingTestDb();

/** Messages as an English reader sees them: services answer with catalogue references. */
const english = (text: string) => localeKit('en').text(text);
const inEnglish = <T,>(p: Promise<T>) =>
  p.catch((e: Error) => {
    throw new Error(english(e.message));
  });

const details = (over: Record<string, string> = {}) =>
  billingDetailsSchema.parse({
    name: 'Klaus Berger', company: 'Berger GmbH', street: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115',
    region: 'Berlin', country: 'DE', invoiceEmail: 'Rechnung@Berger.test', companyId: 'HRB 12345', ...over,
  });

/** An account that signed up and paid its first month at `at`. */
const paidAccount = (at: string) => createPaidAccount(t, { signedUpAt: new Date(at), paidAt: new Date(at) });

describe('billing details', () => {
  test('INV-3 billing details need name, street, city, postal code, country and invoice email; companies in SK give their IČO', () => {
    const bad = billingDetailsSchema.safeParse({ name: '', street: '', city: '', postalCode: '', country: 'XX', invoiceEmail: 'nope' });
    expect(bad.success).toBe(false);
    const fields = Object.keys(bad.error!.flatten().fieldErrors);
    expect(fields).toEqual(expect.arrayContaining(['name', 'street', 'city', 'postalCode', 'country', 'invoiceEmail']));
    const sk = billingDetailsSchema.safeParse({ ...details(), country: 'SK', companyId: '' });
    expect(sk.error?.flatten().fieldErrors.companyId?.[0]).toMatch(/IČO/);
    expect(billingDetailsSchema.safeParse({ ...details(), country: 'SK', companyId: '35 757 442' }).success).toBe(true);
    // A private person in Slovakia (no company) needs no company ID.
    expect(billingDetailsSchema.safeParse({ ...details(), country: 'SK', company: '', companyId: '' }).success).toBe(true);
  });

  test('INV-4 a VAT number is checked against the billing country and applies to later invoices only', async () => {
    const { account, actor } = await paidAccount('2027-03-01T10:00:00Z');
    await expect(inEnglish(saveVatNumber(t.db, account.id, 'DE136695976', actor))).rejects.toThrow(/billing details first/);
    await saveBillingDetails(t.db, account.id, details(), actor);
    await expect(inEnglish(saveVatNumber(t.db, account.id, 'DE136695977', actor))).rejects.toThrow(/check digit/);
    const r = await saveVatNumber(t.db, account.id, 'DE 136 695 976', actor);
    expect(english(r.message!)).toMatch(/from now on/);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.accountId, account.id));
    expect(audit.map((a) => a.action)).toContain('billing.vat_number_saved');
    // The invoice issued before keeps Slovak VAT (no retroactive change).
    const [first] = await listAccountDocuments(t.db, account.id);
    expect(first.vatKind).toBe('domestic');
  });

  test('INV-4 changing the country drops a VAT number that no longer fits it', async () => {
    const { account, actor } = await paidAccount('2027-03-02T10:00:00Z');
    await saveBillingDetails(t.db, account.id, details(), actor);
    await saveVatNumber(t.db, account.id, 'DE136695976', actor);
    const r = await saveBillingDetails(t.db, account.id, details({ country: 'BE', city: 'Brussels', postalCode: '1000' }), actor);
    expect(english(r.message!)).toMatch(/VAT number was removed/);
  });
});

describe('invoice corrections', () => {
  test('INV-6 a correction within 15 days issues a credit note and a new invoice with the new details, same amounts and VAT', async () => {
    const { account, actor } = await paidAccount('2027-04-01T08:00:00Z');
    setClock(new Date('2027-04-10T08:00:00Z'));
    await saveBillingDetails(t.db, account.id, details(), actor);
    await saveVatNumber(t.db, account.id, 'DE136695976', actor); // added after the invoice: must not change its VAT
    const { creditNote, replacement } = await requestInvoiceCorrection(t.db, account.id, actor);
    const docs = await listAccountDocuments(t.db, account.id);
    const original = docs.find((d) => d.reason === 'first_period')!;
    expect(creditNote.number).toMatch(/^CN-2027-/);
    expect(creditNote.grossCents).toBe(-original.grossCents);
    expect(replacement).toMatchObject({ grossCents: original.grossCents, netCents: original.netCents, vatCents: original.vatCents, vatKind: 'domestic', vatRate: '23' });
    expect(replacement.buyer).toMatchObject({ name: 'Klaus Berger', company: 'Berger GmbH', country: 'DE', email: 'rechnung@berger.test' });
    expect(replacement.buyer.vatNumber).toBeNull();
    expect((await invoiceLinesOf(t.db, replacement.id)).map((l) => l.description)).toEqual((await invoiceLinesOf(t.db, original.id)).map((l) => l.description));
    expect(docs.find((d) => d.id === original.id)!.status).toBe('cancelled');
    expect(docs.find((d) => d.id === replacement.id)!.status).toBe('paid');
    // The three documents link to each other.
    expect(await relatedDocuments(t.db, original)).toMatchObject({ refersTo: null, creditNotes: [{ id: creditNote.id }], replacements: [{ id: replacement.id }] });
    expect((await relatedDocuments(t.db, creditNote)).refersTo?.id).toBe(original.id);
    expect((await relatedDocuments(t.db, replacement)).refersTo?.id).toBe(original.id);
    // Both documents are emailed, each in its own email, to the invoice email.
    const mails = await t.db.select().from(outbox).where(eq(outbox.to, 'rechnung@berger.test'));
    expect(mails.map((m) => m.subject).sort()).toEqual([
      `Corrected invoice ${replacement.number} (replaces ${original.number})`,
      `Credit note ${creditNote.number} cancels invoice ${original.number}`,
    ]);
    for (const mail of mails) {
      expect(mail.text).toContain(creditNote.number);
      expect(mail.text).toContain(replacement.number);
    }
  });

  test('INV-6 a request after 15 days is refused with the date of the next invoice', async () => {
    const { account, actor } = await paidAccount('2027-05-01T08:00:00Z');
    await saveBillingDetails(t.db, account.id, details(), actor);
    setClock(new Date('2027-05-16T21:00:00Z')); // 16 May 23:00 Bratislava: day 15, still allowed
    await requestInvoiceCorrection(t.db, account.id, actor);
    await saveBillingDetails(t.db, account.id, details({ name: 'Klaus B. Berger' }), actor);
    setClock(new Date('2027-05-16T22:30:00Z')); // 17 May in Bratislava: too late, also for the replacement
    await expect(inEnglish(requestInvoiceCorrection(t.db, account.id, actor))).rejects.toThrow(/until 16 May 2027.*next invoice, on 1 Jun 2027/);
  });

  test('INV-6 a request for an invoice that is no longer the latest corrects nothing', async () => {
    const { account, actor } = await paidAccount('2027-07-01T08:00:00Z');
    await saveBillingDetails(t.db, account.id, details(), actor);
    const [seen] = await listAccountDocuments(t.db, account.id);
    const { replacement } = await requestInvoiceCorrection(t.db, account.id, actor, { invoiceId: seen.id });
    await saveBillingDetails(t.db, account.id, details({ name: 'Klaus B. Berger' }), actor);
    // A second tab still shows the original invoice as the latest.
    await expect(inEnglish(requestInvoiceCorrection(t.db, account.id, actor, { invoiceId: seen.id }))).rejects.toThrow(`Your latest invoice is now ${replacement.number}`);
    expect(await listAccountDocuments(t.db, account.id)).toHaveLength(3);
  });

  test('INV-6 without changed billing details there is nothing to correct', async () => {
    const { account, actor } = await paidAccount('2027-06-01T08:00:00Z');
    await expect(inEnglish(requestInvoiceCorrection(t.db, account.id, actor))).rejects.toThrow(/billing details first/);
    await saveBillingDetails(t.db, account.id, details(), actor);
    await requestInvoiceCorrection(t.db, account.id, actor);
    await expect(inEnglish(requestInvoiceCorrection(t.db, account.id, actor))).rejects.toThrow(/already shows/);
  });
});
