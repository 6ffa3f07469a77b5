// INV-3/INV-4: the billing details and VAT number the next invoices use. Nothing already
// issued changes: invoices keep the snapshot they were issued with.
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { billingProfiles } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { localeOfRequestOrDefault } from '@/lib/i18n/request-locale';
import { checkVatNumber } from '@/lib/vat/number';
import { countryName, normalizeCompanyId } from './countries';
import type { BillingDetailsInput } from './schemas';

export type BillingProfile = typeof billingProfiles.$inferSelect;

export async function getBillingProfile(db: Executor, accountId: string): Promise<BillingProfile | null> {
  const [row] = await db.select().from(billingProfiles).where(eq(billingProfiles.accountId, accountId)).limit(1);
  return row ?? null;
}

/** Saves the details; a VAT number that no longer fits the country is removed, and the result says so. */
export async function saveBillingDetails(db: Db, accountId: string, input: BillingDetailsInput, actor: Actor): Promise<{ message: string }> {
  return db.transaction(async (tx) => {
    const at = now();
    const [existing] = await tx.select().from(billingProfiles).where(eq(billingProfiles.accountId, accountId)).for('update');
    let vatNumber = existing?.vatNumber ?? null;
    let removedVat = false;
    if (vatNumber && !checkVatNumber(vatNumber, input.country).ok) {
      vatNumber = null;
      removedVat = true;
    }
    const values = {
      name: input.name,
      company: input.company,
      street: input.street,
      city: input.city,
      postalCode: input.postalCode.toUpperCase(),
      region: input.region,
      country: input.country,
      invoiceEmail: input.invoiceEmail.toLowerCase(),
      companyId: input.companyId ? normalizeCompanyId(input.companyId) : '',
      vatNumber,
      vatNumberSavedAt: removedVat ? at : (existing?.vatNumberSavedAt ?? null),
      updatedAt: at,
    };
    await tx
      .insert(billingProfiles)
      .values({ accountId, ...values })
      .onConflictDoUpdate({ target: billingProfiles.accountId, set: values });
    await recordAudit(tx, actor, {
      action: existing ? 'billing.details_updated' : 'billing.details_added',
      accountId,
      details: { country: input.country, ...(removedVat ? { vatNumberRemoved: true } : {}) },
    });
    return {
      message: removedVat
        ? msg('billing.messages.detailsSavedVatRemoved', { country: countryName(input.country, await localeOfRequestOrDefault()) })
        : msg('billing.messages.detailsSaved'),
    };
  });
}

/** INV-4: a validated VAT number applies to invoices issued from now on; an empty value removes it. */
export async function saveVatNumber(db: Db, accountId: string, raw: string, actor: Actor): Promise<{ message: string }> {
  return db.transaction(async (tx) => {
    const [profile] = await tx.select().from(billingProfiles).where(eq(billingProfiles.accountId, accountId)).for('update');
    if (!profile) throw new DomainError(msg('billing.errors.vatNeedsDetails'), 'vatNumber');
    let vatNumber: string | null = null;
    if (raw.trim()) {
      const check = checkVatNumber(raw, profile.country);
      if (!check.ok) throw new DomainError(check.message, 'vatNumber');
      vatNumber = check.normalized;
    }
    if (vatNumber === profile.vatNumber) return { message: msg(vatNumber ? 'billing.messages.vatAlreadySaved' : 'billing.messages.noVatSaved') };
    const at = now();
    await tx.update(billingProfiles).set({ vatNumber, vatNumberSavedAt: at, updatedAt: at }).where(eq(billingProfiles.accountId, accountId));
    await recordAudit(tx, actor, {
      action: vatNumber ? 'billing.vat_number_saved' : 'billing.vat_number_removed',
      accountId,
      details: { from: profile.vatNumber, to: vatNumber },
    });
    return {
      message: vatNumber ? msg('billing.messages.vatSaved', { number: vatNumber }) : msg('billing.messages.vatRemoved'),
    };
  });
}
