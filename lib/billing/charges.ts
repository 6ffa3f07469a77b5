// Recording charges and telling the owner about them; shared by the first payment, renewals and dunning.
import { and, eq, isNull } from 'drizzle-orm';
import { inList, insertRows } from '@/db/bulk';
import type { Executor } from '@/db/client';
import { charges, paymentMethods, users } from '@/db/schema';
import { now } from '@/lib/clock';
import { queueEmail } from '@/lib/email/outbox';
import type { EmailContent } from '@/lib/email/render';
import { formatMoney } from '@/lib/format';
import { appUrl } from '@/lib/http/request';
import type { Invoice } from '@/lib/invoices/issue';
import { chargeKey, type ChargeResult } from './processor';

export type PaymentMethod = typeof paymentMethods.$inferSelect;

export function describePaymentMethod(pm: Pick<PaymentMethod, 'kind' | 'brand' | 'last4' | 'paypalEmail'>): string {
  return pm.kind === 'paypal' ? `PayPal (${pm.paypalEmail ?? 'account'})` : `${pm.brand ?? 'Card'} ending in ${pm.last4}`;
}

export async function ownerContact(db: Executor, accountId: string): Promise<{ email: string; name: string } | null> {
  const [o] = await db
    .select({ email: users.email, name: users.fullName })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.role, 'owner'), isNull(users.deletedAt)))
    .limit(1);
  return o?.email ? { email: o.email, name: o.name } : null;
}

/** The owners of many accounts at once (a renewal batch), by account. */
export async function ownerContacts(db: Executor, accountIds: string[]): Promise<Map<string, { email: string; name: string }>> {
  const out = new Map<string, { email: string; name: string }>();
  if (!accountIds.length) return out;
  const rows = await db
    .select({ accountId: users.accountId, email: users.email, name: users.fullName })
    .from(users)
    .where(and(inList(users.accountId, accountIds), eq(users.role, 'owner'), isNull(users.deletedAt)));
  for (const o of rows) if (o.accountId && o.email && !out.has(o.accountId)) out.set(o.accountId, { email: o.email, name: o.name });
  return out;
}

/**
 * PAY-6: the emails a successful charge sends. The confirmation goes to the owner. When the
 * billing details name a different invoice email (an accounts department), the invoice is
 * announced there too.
 */
export function chargeConfirmationEmails(
  owner: { email: string; name: string } | null,
  invoice: Pick<Invoice, 'number' | 'grossCents' | 'buyer'>,
  pm: Pick<PaymentMethod, 'kind' | 'brand' | 'last4' | 'paypalEmail'>,
): { to: string; content: EmailContent }[] {
  const mails: { to: string; content: EmailContent }[] = [];
  if (owner)
    mails.push({
      to: owner.email,
      content: {
        subject: `Payment received: ${formatMoney(invoice.grossCents)} for invoice ${invoice.number}`,
        greeting: `Hello ${owner.name},`,
        paragraphs: [
          `We charged ${formatMoney(invoice.grossCents)} to your ${describePaymentMethod(pm)}.`,
          `Invoice: ${invoice.number}. You can download it as a PDF from your invoices page.`,
        ],
        action: { label: 'View invoices', url: `${appUrl()}/account/invoices` },
      },
    });
  const invoiceEmail = invoice.buyer.email?.toLowerCase();
  if (invoiceEmail && invoiceEmail !== owner?.email.toLowerCase())
    mails.push({
      to: invoiceEmail,
      content: {
        subject: `Invoice ${invoice.number} from Accountdesk (paid)`,
        greeting: `Hello ${invoice.buyer.name || invoice.buyer.company},`,
        paragraphs: [
          `Invoice ${invoice.number} for ${formatMoney(invoice.grossCents)} has been issued and paid by ${describePaymentMethod(pm)}.`,
          'The account owner can download it as a PDF from the invoices page of the Accountdesk account.',
        ],
        action: { label: 'View invoices', url: `${appUrl()}/account/invoices` },
      },
    });
  return mails;
}

/** PAY-6: queues the emails of a successful charge (chargeConfirmationEmails). */
export async function queueChargeConfirmation(tx: Executor, accountId: string, invoice: Invoice, pm: Pick<PaymentMethod, 'kind' | 'brand' | 'last4' | 'paypalEmail'>) {
  const owner = await ownerContact(tx, accountId);
  for (const mail of chargeConfirmationEmails(owner, invoice, pm)) await queueEmail(tx, mail.to, mail.content, { accountId });
}

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

