// INV-6: reissuing the latest invoice with the current billing details. A credit note cancels
// it and a new invoice repeats its lines with the same VAT treatment — the tax outcome never
// changes, even if a VAT number was added since (INV-4: no retroactive VAT refunds).
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { invoices, subscriptions, type PartySnapshot } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { currentBuyer, currentBuyerAndLocale } from '@/lib/billing/buyer';
import { getBillingProfile } from '@/lib/billing/profile';
import { now } from '@/lib/clock';
import { emailKit, localeForAddress } from '@/lib/email/locale';
import { queueEmail } from '@/lib/email/outbox';
import { formatDate, formatMoney } from '@/lib/format';
import { formattersFor, type Formatters } from '@/lib/i18n/format';
import { msg } from '@/lib/i18n/message-ref';
import { localeOfRequestOrDefault } from '@/lib/i18n/request-locale';
import { appUrl } from '@/lib/http/request';
import type { VatTreatment } from '@/lib/vat/treatment';
import { correctionAllowed, correctionDeadline } from './correction';
import { invoiceLinesOf, issueDocuments, type Invoice } from './issue';
import { correctionNotes, relocalizeLineDescription } from './line-text';
import { isInvoicePaid } from './queries';

/** The account's latest invoice (not credit note), or null. */
export async function latestInvoice(db: Executor, accountId: string): Promise<Invoice | null> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), eq(invoices.kind, 'invoice')))
    .orderBy(desc(invoices.issuedAt), desc(invoices.number))
    .limit(1);
  return row ?? null;
}

/**
 * When the correction window of an invoice opened: a replacement invoice keeps the date of the
 * invoice it replaced, so correcting again never extends the 15 days.
 */
export async function correctionWindowStart(db: Executor, invoice: Invoice): Promise<Date> {
  let current = invoice;
  while (current.reason === 'correction' && current.relatedInvoiceId) {
    const [prev] = await db.select().from(invoices).where(eq(invoices.id, current.relatedInvoiceId)).limit(1);
    if (!prev) break;
    current = prev;
  }
  return current.issuedAt;
}

export interface CorrectionStatus {
  invoice: Invoice | null;
  allowed: boolean;
  deadline: Date | null;
  nextInvoiceAt: Date | null;
}

export async function correctionStatus(db: Executor, accountId: string, at: Date): Promise<CorrectionStatus> {
  const invoice = await latestInvoice(db, accountId);
  const [sub] = await db.select({ end: subscriptions.currentPeriodEnd }).from(subscriptions).where(eq(subscriptions.accountId, accountId));
  if (!invoice) return { invoice: null, allowed: false, deadline: null, nextInvoiceAt: sub?.end ?? null };
  const start = await correctionWindowStart(db, invoice);
  return { invoice, allowed: correctionAllowed(start, at), deadline: correctionDeadline(start), nextInvoiceAt: sub?.end ?? null };
}

/**
 * Why a correction cannot be requested now, as a message reference the owner reads in their
 * language (its dates formatted with `fmt`); null when it can.
 */
export function correctionRefusal(status: CorrectionStatus, fmt: Formatters = formattersFor('en')): string | null {
  if (!status.invoice) return msg('account.errors.noInvoiceToCorrect');
  if (status.allowed) return null;
  const values = { number: status.invoice.number, deadline: fmt.date(status.deadline) };
  return status.nextInvoiceAt
    ? msg('account.errors.correctionTooLateNext', { ...values, next: fmt.date(status.nextInvoiceAt) })
    : msg('account.errors.correctionTooLate', values);
}

function sameParty(a: PartySnapshot, b: PartySnapshot): boolean {
  const keys: (keyof PartySnapshot)[] = ['name', 'company', 'street', 'city', 'postalCode', 'region', 'country', 'email', 'companyId'];
  return keys.every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

function treatmentOf(invoice: Invoice): VatTreatment {
  return { kind: invoice.vatKind, rate: Number(invoice.vatRate), country: invoice.buyer.country } as VatTreatment;
}

/**
 * `invoiceId`, when given, is the invoice the owner saw as the latest: if another one has been
 * issued since (a renewal, a correction from another tab), nothing is corrected.
 */
export async function requestInvoiceCorrection(
  db: Db,
  accountId: string,
  actor: Actor,
  opts: { invoiceId?: string } = {},
): Promise<{ creditNote: Invoice; replacement: Invoice }> {
  const profile = await getBillingProfile(db, accountId);
  if (!profile) throw new DomainError(msg('account.errors.correctionNeedsDetails'));
  return db.transaction(async (tx) => {
    // Serialise corrections per account on the subscription row.
    await tx.select().from(subscriptions).where(eq(subscriptions.accountId, accountId)).for('update');
    const at = now();
    const status = await correctionStatus(tx, accountId, at);
    const refusal = correctionRefusal(status, formattersFor(await localeOfRequestOrDefault()));
    if (refusal) throw new DomainError(refusal);
    const original = status.invoice!;
    if (opts.invoiceId && opts.invoiceId !== original.id) {
      throw new DomainError(msg('account.errors.latestInvoiceChanged', { number: original.number }));
    }
    const buyer = await currentBuyer(tx, accountId);
    if (sameParty(buyer, original.buyer)) throw new DomainError(msg('account.errors.alreadyCurrent', { number: original.number }));

    const wasPaid = await isInvoicePaid(tx, original);
    // Both documents are written in the owner's language of today; the lines repeat the original's
    // (a period line in the new language when the owner has changed language since).
    const { locale } = await currentBuyerAndLocale(tx, accountId);
    const notes = correctionNotes(original.number, locale);
    const lines = (await invoiceLinesOf(tx, original.id)).map((l) => ({
      description: relocalizeLineDescription(l.description, original.locale, locale),
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
    }));
    const treatment = treatmentOf(original);
    const [creditNote, replacement] = await issueDocuments(tx, [
      {
        accountId,
        kind: 'credit_note',
        reason: 'correction',
        buyer: original.buyer,
        lines: lines.map((l) => ({ ...l, unitPriceCents: -l.unitPriceCents })),
        issuedAt: at,
        treatment,
        periodStart: original.periodStart,
        periodEnd: original.periodEnd,
        relatedInvoiceId: original.id,
        note: notes.creditNote,
        locale,
      },
      {
        accountId,
        kind: 'invoice',
        reason: 'correction',
        buyer: { ...buyer, vatNumber: original.buyer.vatNumber },
        lines,
        issuedAt: at,
        treatment,
        periodStart: original.periodStart,
        periodEnd: original.periodEnd,
        relatedInvoiceId: original.id,
        note: notes.replacement,
        locale,
      },
    ]);
    // An unpaid invoice that is being collected is now collected through its replacement.
    await tx.update(subscriptions).set({ dunningInvoiceId: replacement.id }).where(and(eq(subscriptions.accountId, accountId), eq(subscriptions.dunningInvoiceId, original.id)));
    await recordAudit(tx, actor, {
      action: 'invoice.corrected',
      accountId,
      target: `invoice:${original.number}`,
      details: { creditNote: creditNote.number, replacement: replacement.number },
    });
    // INV-6: both documents are emailed, each on its own, to the invoice email.
    const documentsUrl = `${appUrl()}/account/invoices`;
    const mailLocale = await localeForAddress(tx, profile.invoiceEmail);
    const mail = emailKit(mailLocale);
    const numbers = { creditNote: creditNote.number, original: original.number, replacement: replacement.number };
    await queueEmail(
      tx,
      profile.invoiceEmail,
      {
        locale: mailLocale,
        subject: mail.t('email.creditNote.subject', numbers),
        greeting: mail.greeting(profile.name),
        paragraphs: [
          mail.t('email.creditNote.reissuing', numbers),
          mail.t('email.creditNote.cancels', { ...numbers, amount: mail.money(creditNote.grossCents) }),
          mail.t('email.creditNote.available'),
        ],
        action: { label: mail.t('email.creditNote.action'), url: documentsUrl },
      },
      { accountId },
    );
    await queueEmail(
      tx,
      profile.invoiceEmail,
      {
        locale: mailLocale,
        subject: mail.t('email.correctedInvoice.subject', numbers),
        greeting: mail.greeting(profile.name),
        paragraphs: [
          mail.t('email.correctedInvoice.reissued', numbers),
          mail.t('email.correctedInvoice.replaces', { ...numbers, amount: mail.money(replacement.grossCents) }),
          wasPaid ? mail.t('email.correctedInvoice.paid') : mail.t('email.correctedInvoice.open', numbers),
        ],
        action: { label: mail.t('email.correctedInvoice.action'), url: documentsUrl },
      },
      { accountId },
    );
    return { creditNote, replacement };
  });
}
