// Zod schemas shared by the billing forms (in the browser) and their server actions. Messages are
// catalogue references (billing.validation.*), translated where they are shown.
import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';
import { euIsoCode } from '@/lib/vat/rates';
import { COMPANY_ID_RULES, COUNTRY_CODES, normalizeCompanyId } from './countries';

const tooLong = (max: number) => msg('billing.validation.tooLong', { max });
const text = (required: string, max = 200) =>
  z
    .string({ error: msg(required) })
    .trim()
    .min(1, msg(required))
    .max(max, tooLong(max));
const optional = (max = 200) => z.string().trim().max(max, tooLong(max)).default('');

export const billingDetailsSchema = z
  .object({
    name: text('billing.validation.nameRequired'),
    company: optional(),
    street: text('billing.validation.streetRequired'),
    city: text('billing.validation.cityRequired', 100),
    postalCode: z
      .string()
      .trim()
      .min(2, msg('billing.validation.postalCodeRequired'))
      .max(12, tooLong(12))
      .regex(/^[A-Za-z0-9 -]+$/, msg('billing.validation.postalCodeChars')),
    region: optional(100),
    // Greece may arrive by its VAT prefix EL; it is stored by its ISO code GR like every country.
    country: z
      .string({ error: msg('billing.validation.countryRequired') })
      .transform((c) => euIsoCode(c) ?? c)
      .refine((c) => COUNTRY_CODES.has(c), msg('billing.validation.countryRequired')),
    invoiceEmail: z.email(msg('billing.validation.invoiceEmailInvalid')).max(200, tooLong(200)),
    companyId: optional(40),
  })
  .superRefine((v, ctx) => {
    const rule = COMPANY_ID_RULES[v.country];
    if (!rule || !v.company) return;
    const id = normalizeCompanyId(v.companyId);
    const values = { name: rule.name, digits: rule.digits };
    if (!id) ctx.addIssue({ code: 'custom', path: ['companyId'], message: msg('billing.validation.companyIdRequired', values) });
    else if (!rule.pattern.test(id))
      ctx.addIssue({ code: 'custom', path: ['companyId'], message: msg('billing.validation.companyIdInvalid', { ...values, example: rule.example }) });
  });

export type BillingDetailsInput = z.infer<typeof billingDetailsSchema>;

export const vatNumberSchema = z.object({
  vatNumber: z.string().trim().max(20, msg('billing.validation.vatTooLong')).default(''),
});

export const paymentSetupSchema = z.object({
  method: z.enum(['card', 'paypal'], { error: msg('billing.validation.methodRequired') }),
  plan: z.string().trim().max(40).optional(),
  interval: z.enum(['monthly', 'yearly'], { error: msg('billing.validation.intervalRequired') }).optional(),
});
