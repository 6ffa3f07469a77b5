// Recording charges and telling the owner about them; shared by the first payment, renewals and dunning.
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { charges, paymentMethods, users } from '@/db/schema';
import { now } from '@/lib/clock';
import { queueEmail } from '@/lib/email/outbox';
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

/**
 * PAY-6: the confirmation of a successful charge goes to the owner. When the billing details name
 * a different invoice email (an accounts department), the invoice is announced there too.
 */
export async function queueChargeConfirmation(tx: Executor, accountId: string, invoice: Invoice, pm: Pick<PaymentMethod, 'kind' | 'brand' | 'last4' | 'paypalEmail'>) {
  const owner = await ownerContact(tx, accountId);
  if (owner)
    await queueEmail(
      tx,
      owner.email,
      {
        subject: `Payment received: ${formatMoney(invoice.grossCents)} for invoice ${invoice.number}`,
        greeting: `Hello ${owner.name},`,
        paragraphs: [
          `We charged ${formatMoney(invoice.grossCents)} to your ${describePaymentMethod(pm)}.`,
          `Invoice: ${invoice.number}. You can download it as a PDF from your invoices page.`,
        ],
        action: { label: 'View invoices', url: `${appUrl()}/account/invoices` },
      },
      { accountId },
    );
  const invoiceEmail = invoice.buyer.email?.toLowerCase();
  if (invoiceEmail && invoiceEmail !== owner?.email.toLowerCase())
    await queueEmail(
      tx,
      invoiceEmail,
      {
        subject: `Invoice ${invoice.number} from Accountdesk (paid)`,
        greeting: `Hello ${invoice.buyer.name || invoice.buyer.company},`,
        paragraphs: [
          `Invoice ${invoice.number} for ${formatMoney(invoice.grossCents)} has been issued and paid by ${describePaymentMethod(pm)}.`,
          'The account owner can download it as a PDF from the invoices page of the Accountdesk account.',
        ],
        action: { label: 'View invoices', url: `${appUrl()}/account/invoices` },
      },
      { accountId },
    );
}

export async function recordCharge(
  tx: Executor,
  c: { accountId: string; invoice: Invoice; pm: PaymentMethod | null; attempt: number; result: ChargeResult; idempotencyKey?: string },
) {
  await tx
    .insert(charges)
    .values({
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
      createdAt: now(),
    })
    .onConflictDoNothing({ target: charges.idempotencyKey });
}

