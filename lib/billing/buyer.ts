// Who an invoice is addressed to: the billing details as they are at issue time.
import { and, eq } from 'drizzle-orm';
import { inList } from '@/db/bulk';
import type { Executor } from '@/db/client';
import { accounts, billingProfiles, users, type PartySnapshot } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';

/**
 * The buyer snapshots for the next documents of several accounts (the renewal sweep asks for
 * hundreds at once). Without billing details yet, the invoice goes to the owner and company name,
 * treated as a Slovak customer (the seller's own country, so full Slovak VAT applies); the owner
 * can have it corrected within 15 days (INV-6).
 */
export async function currentBuyers(db: Executor, accountIds: string[]): Promise<Map<string, PartySnapshot>> {
  return (await currentBuyersAndLocales(db, accountIds)).buyers;
}

/**
 * The buyer snapshots (as currentBuyers) and the owners' languages, which the documents are
 * written in, from the same queries.
 */
export async function currentBuyersAndLocales(db: Executor, accountIds: string[]): Promise<{ buyers: Map<string, PartySnapshot>; locales: Map<string, Locale> }> {
  const out = new Map<string, PartySnapshot>();
  const locales = new Map<string, Locale>();
  if (!accountIds.length) return { buyers: out, locales };
  const owners = await db
    .select({ accountId: accounts.id, name: users.fullName, email: users.email, company: accounts.companyName, locale: users.locale })
    .from(accounts)
    .leftJoin(users, and(eq(users.accountId, accounts.id), eq(users.role, 'owner')))
    .where(inList(accounts.id, accountIds));
  for (const o of owners) {
    if (o.locale) locales.set(o.accountId, o.locale);
    out.set(o.accountId, { name: o.name ?? '', company: o.company, street: '', city: '', postalCode: '', region: '', country: 'SK', email: o.email ?? '', companyId: '', vatNumber: null });
  }
  const profiles = await db.select().from(billingProfiles).where(inList(billingProfiles.accountId, accountIds));
  for (const p of profiles) {
    out.set(p.accountId, { name: p.name, company: p.company, street: p.street, city: p.city, postalCode: p.postalCode, region: p.region, country: p.country, email: p.invoiceEmail, companyId: p.companyId, vatNumber: p.vatNumber });
  }
  return { buyers: out, locales };
}

export async function currentBuyer(db: Executor, accountId: string): Promise<PartySnapshot> {
  return (await currentBuyers(db, [accountId])).get(accountId)!;
}

/** One account's buyer snapshot and its owner's language (English when there is no owner). */
export async function currentBuyerAndLocale(db: Executor, accountId: string): Promise<{ buyer: PartySnapshot; locale: Locale }> {
  const { buyers, locales } = await currentBuyersAndLocales(db, [accountId]);
  return { buyer: buyers.get(accountId)!, locale: locales.get(accountId) ?? 'en' };
}
