import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { paymentMethods } from '@/db/schema';
import { now } from '@/lib/clock';
import type { PaymentMethod } from './charges';
import type { PaymentMethodDetails } from './processor';

/** PAY-5: the new method becomes the current one; the old one is kept, marked replaced. */
export async function replacePaymentMethod(tx: Tx, accountId: string, d: PaymentMethodDetails): Promise<PaymentMethod> {
  const at = now();
  await tx.update(paymentMethods).set({ replacedAt: at }).where(and(eq(paymentMethods.accountId, accountId), isNull(paymentMethods.replacedAt)));
  const [pm] = await tx
    .insert(paymentMethods)
    .values({
      accountId,
      kind: d.kind,
      processorToken: d.token,
      brand: d.brand,
      last4: d.last4,
      expMonth: d.expMonth,
      expYear: d.expYear,
      paypalEmail: d.paypalEmail,
      createdAt: at,
    })
    .returning();
  return pm;
}
