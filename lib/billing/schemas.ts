// Zod schemas shared by the billing forms (in the browser) and their server actions.
import { z } from 'zod';
import { euIsoCode } from '@/lib/vat/rates';
import { COMPANY_ID_RULES, COUNTRY_CODES, normalizeCompanyId } from './countries';

const text = (label: string, max = 200) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `Use at most ${max} characters.`);
const optional = (max = 200) => z.string().trim().max(max, `Use at most ${max} characters.`).default('');

export const billingDetailsSchema = z
  .object({
    name: text('name on the invoice'),
    company: optional(),
    street: text('street and number'),
    city: text('city', 100),
    postalCode: z.string().trim().min(2, 'Enter the postal code.').max(12, 'Use at most 12 characters.').regex(/^[A-Za-z0-9 -]+$/, 'Use letters, digits, spaces and dashes only.'),
    region: optional(100),
    // Greece may arrive by its VAT prefix EL; it is stored by its ISO code GR like every country.
    country: z
      .string({ error: 'Choose your country.' })
      .transform((c) => euIsoCode(c) ?? c)
      .refine((c) => COUNTRY_CODES.has(c), 'Choose your country.'),
    invoiceEmail: z.email('Enter a valid email address, e.g. billing@example.com.').max(200),
    companyId: optional(40),
  })
  .superRefine((v, ctx) => {
    const rule = COMPANY_ID_RULES[v.country];
    if (!rule || !v.company) return;
    const id = normalizeCompanyId(v.companyId);
    if (!id) ctx.addIssue({ code: 'custom', path: ['companyId'], message: `Businesses in this country must give their ${rule.name}.` });
    else if (!rule.pattern.test(id)) ctx.addIssue({ code: 'custom', path: ['companyId'], message: `Enter a valid ${rule.name}, e.g. ${rule.example}.` });
  });

export type BillingDetailsInput = z.infer<typeof billingDetailsSchema>;

export const vatNumberSchema = z.object({
  vatNumber: z.string().trim().max(20, 'A VAT number has at most 20 characters.').default(''),
});

export const paymentSetupSchema = z.object({
  method: z.enum(['card', 'paypal'], { error: 'Choose a card or PayPal.' }),
  plan: z.string().trim().max(40).optional(),
  interval: z.enum(['monthly', 'yearly'], { error: 'Choose monthly or yearly billing.' }).optional(),
});
