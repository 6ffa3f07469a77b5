// Recording charges and telling the owner about them; shared by the first payment, renewals and dunning.
import { and, eq, isNull } from 'drizzle-orm';
import { inList, insertRows } from '@/db/bulk';
import type { Executor } from '@/db/client';
import { charges, paymentMethods, users } from '@/db/schema';
import { now } from '@/lib/clock';
import { emailKit, localeForAddress, type EmailKit } from '@/lib/email/locale';
import { queueEmail } from '@/lib/email/outbox';
import type { EmailContent } from '@/lib/email/render';
import type { Locale } from '@/lib/i18n/config';
import { appUrl } from '@/lib/http/request';
import type { Invoice } from '@/lib/invoices/issue';
import { chargeKey, type ChargeResult } from './processor';

export type PaymentMethod = typeof paymentMethods.$inferSelect;

export function describePaymentMethod(pm: Pick<PaymentMethod, 'kind' | 'brand' | 'last4' | 'paypalEmail'>): string {
  return pm.kind === 'paypal' ? `PayPal (${pm.paypalEmail ?? 'account'})` : `${pm.brand ?? 'Card'} ending in ${pm.last4}`;
}

/** The owner as an email recipient: address, name and the language they read. */
export interface OwnerContact {
  email: string;
  name: string;
  locale: Locale;
}

export async function ownerContact(db: Executor, accountId: string): Promise<OwnerContact | null> {
  const [o] = await db
    .select({ email: users.email, name: users.fullName, locale: users.locale })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.role, 'owner'), isNull(users.deletedAt)))
    .limit(1);
  return o?.email ? { email: o.email, name: o.name, locale: o.locale } : null;
}

/**
 * An email to the account's owner, written in their language and greeted by name; `compose` writes
 * the rest with the owner's email kit. Queued in `tx`; nothing when the owner has no address.
 */
export async function queueOwnerEmail(
  tx: Executor,
  accountId: string,
  compose: (mail: EmailKit, owner: OwnerContact) => Omit<EmailContent, 'locale' | 'greeting'>,
): Promise<void> {
  const owner = await ownerContact(tx, accountId);
  if (!owner) return;
  const mail = emailKit(owner.locale);
  await queueEmail(tx, owner.email, { locale: owner.locale, greeting: mail.greeting(owner.name), ...compose(mail, owner) }, { accountId });
}

/** The owners of many accounts at once (a renewal batch), by account. */
export async function ownerContacts(db: Executor, accountIds: string[]): Promise<Map<string, OwnerContact>> {
  const out = new Map<string, OwnerContact>();
  if (!accountIds.length) return out;
  const rows = await db
    .select({ accountId: users.accountId, email: users.email, name: users.fullName, locale: users.locale })
    .from(users)
    .where(and(inList(users.accountId, accountIds), eq(users.role, 'owner'), isNull(users.deletedAt)));
  for (const o of rows) if (o.accountId && o.email && !out.has(o.accountId)) out.set(o.accountId, { email: o.email, name: o.name, locale: o.locale });
  return out;
}

/** A payment method as an email names it, in the email's language ("Visa ending in 4242"). */
export function paymentMethodIn(mail: Pick<EmailKit, 't'>, pm: Pick<PaymentMethod, 'kind' | 'brand' | 'last4' | 'paypalEmail'>): string {
  if (pm.kind === 'paypal') return pm.paypalEmail ? mail.t('email.paymentMethod.paypal', { email: pm.paypalEmail }) : mail.t('email.paymentMethod.paypalAccount');
  return pm.brand ? mail.t('email.paymentMethod.card', { brand: pm.brand, last4: pm.last4 ?? '' }) : mail.t('email.paymentMethod.cardNoBrand', { last4: pm.last4 ?? '' });
}

/** The billing details' invoice email when it is not the owner's own address (an accounts department). */
export function separateInvoiceEmail(owner: { email: string } | null, invoice: Pick<Invoice, 'buyer'>): string | null {
  const invoiceEmail = invoice.buyer.email?.toLowerCase();
  return invoiceEmail && invoiceEmail !== owner?.email.toLowerCase() ? invoiceEmail : null;
}

/**
 * PAY-6: the emails a successful charge sends. The confirmation goes to the owner, in their
 * language. When the billing details name a different invoice email (an accounts department),
 * the invoice is announced there too, in `invoiceEmailLocale` (see lib/email/locale).
 */
export function chargeConfirmationEmails(
  owner: OwnerContact | null,
  invoice: Pick<Invoice, 'number' | 'grossCents' | 'buyer'>,
  pm: Pick<PaymentMethod, 'kind' | 'brand' | 'last4' | 'paypalEmail'>,
  invoiceEmailLocale: Locale = 'en',
): { to: string; content: EmailContent }[] {
  const mails: { to: string; content: EmailContent }[] = [];
  if (owner) {
    const mail = emailKit(owner.locale);
    const amount = mail.money(invoice.grossCents);
    mails.push({
      to: owner.email,
      content: {
        locale: owner.locale,
        subject: mail.t('email.chargeReceived.subject', { amount, number: invoice.number }),
        greeting: mail.greeting(owner.name),
        paragraphs: [
          mail.t('email.chargeReceived.charged', { amount, method: paymentMethodIn(mail, pm) }),
          mail.t('email.chargeReceived.invoice', { number: invoice.number }),
        ],
        action: { label: mail.t('email.chargeReceived.action'), url: `${appUrl()}/account/invoices` },
      },
    });
  }
  const invoiceEmail = separateInvoiceEmail(owner, invoice);
  if (invoiceEmail) {
    const mail = emailKit(invoiceEmailLocale);
    const amount = mail.money(invoice.grossCents);
    mails.push({
      to: invoiceEmail,
      content: {
        locale: invoiceEmailLocale,
        subject: mail.t('email.invoicePaid.subject', { number: invoice.number }),
        greeting: mail.greeting(invoice.buyer.name || invoice.buyer.company),
        paragraphs: [
          mail.t('email.invoicePaid.issued', { number: invoice.number, amount, method: paymentMethodIn(mail, pm) }),
          mail.t('email.invoicePaid.download'),
        ],
        action: { label: mail.t('email.invoicePaid.action'), url: `${appUrl()}/account/invoices` },
      },
    });
  }
  return mails;
}

/** PAY-6: queues the emails of a successful charge (chargeConfirmationEmails). */
export async function queueChargeConfirmation(tx: Executor, accountId: string, invoice: Invoice, pm: Pick<PaymentMethod, 'kind' | 'brand' | 'last4' | 'paypalEmail'>) {
  const owner = await ownerContact(tx, accountId);
  const invoiceEmail = separateInvoiceEmail(owner, invoice);
  const invoiceEmailLocale = invoiceEmail ? await localeForAddress(tx, invoiceEmail) : undefined;
  for (const mail of chargeConfirmationEmails(owner, invoice, pm, invoiceEmailLocale)) await queueEmail(tx, mail.to, mail.content, { accountId });
}

/** INV-7: the processor charge id of a payment from prepaid credit (a payment row without a method). */
export const PREPAID_CREDIT_CHARGE_ID = 'prepaid_credit';

export interface ChargeRecord {
  accountId: string;
  invoice: Pick<Invoice, 'id' | 'grossCents'>;
  pm: Pick<PaymentMethod, 'id'> | null;
  attempt: number;
  result: ChargeResult;
  /** Defaults to the attempt's key (chargeKey). */
  idempotencyKey?: string;
}

export async function recordCharge(tx: Executor, c: ChargeRecord) {
  await recordCharges(tx, [c]);
}

/** Records many charge attempts in one statement; an attempt already recorded under its key is kept. */
export async function recordCharges(tx: Executor, list: ChargeRecord[]) {
  if (!list.length) return;
  const at = now();
  await insertRows(
    tx,
    charges,
    list.map((c) => ({
      accountId: c.accountId,
      invoiceId: c.invoice.id,
      paymentMethodId: c.pm?.id ?? null,
      attempt: c.attempt,
      idempotencyKey: c.idempotencyKey ?? chargeKey(c.invoice.id, c.attempt),
      amountCents: c.invoice.grossCents,
      status: c.result.status,
      processorChargeId: c.result.chargeId,
      failureCode: c.result.status === 'failed' ? c.result.code : null,
      failureMessage: c.result.status === 'failed' ? c.result.message : null,
      createdAt: at,
    })),
    { onConflictDoNothing: charges.idempotencyKey },
  );
}

