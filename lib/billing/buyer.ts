// Who an invoice is addressed to: the billing details as they are at issue time.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, billingProfiles, users, type PartySnapshot } from '@/db/schema';

/**
 * The buyer snapshot for an account's next document. Without billing details yet, the invoice
 * goes to the owner and company name, treated as a Slovak customer (the seller's own country,
 * so full Slovak VAT applies); the owner can have it corrected within 15 days (INV-6).
 */
export async function currentBuyer(db: Executor, accountId: string): Promise<PartySnapshot> {
  const [profile] = await db.select().from(billingProfiles).where(eq(billingProfiles.accountId, accountId)).limit(1);
  if (profile) {
    return {
      name: profile.name,
      company: profile.company,
      street: profile.street,
      city: profile.city,
      postalCode: profile.postalCode,
      region: profile.region,
      country: profile.country,
      email: profile.invoiceEmail,
      companyId: profile.companyId,
      vatNumber: profile.vatNumber,
    };
  }
  const [row] = await db
    .select({ company: accounts.companyName, name: users.fullName, email: users.email })
    .from(accounts)
    .leftJoin(users, and(eq(users.accountId, accounts.id), eq(users.role, 'owner')))
    .where(eq(accounts.id, accountId))
    .limit(1);
  return {
    name: row?.name ?? '',
    company: row?.company ?? '',
    street: '',
    city: '',
    postalCode: '',
    region: '',
    country: 'SK',
    email: row?.email ?? '',
    companyId: '',
    vatNumber: null,
  };
}
