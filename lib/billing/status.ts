// PAY-8/APS-7: what a subscription returns to once its open invoice is paid. A lifetime deal stays
// a lifetime deal (its extra-seat invoices go through the same dunning), everyone else is active.
import { sql } from 'drizzle-orm';
import { subscriptions } from '@/db/schema';

export const statusAfterPayment = sql<'active' | 'lifetime'>`case when ${subscriptions.lifetime} then 'lifetime' else 'active' end`;
