// GDPR-1: the staff form for one sub-processor. The purpose is written in both languages of the
// privacy page; the country is an ISO code from the same list as the billing form.
import { z } from 'zod';
import { COUNTRY_CODES } from '@/lib/billing/countries';
import { msg } from '@/lib/i18n/message-ref';

const text = (min: number, max: number, key: string) =>
  z
    .string(msg(key))
    .trim()
    .min(min, msg(key))
    .max(max, msg('privacy.subProcessors.validation.tooLong', { max }));

/** An optional https address; an empty field means "no website". */
const website = z
  .string()
  .trim()
  .max(300, msg('privacy.subProcessors.validation.tooLong', { max: 300 }))
  .refine((v) => v === '' || isHttpsUrl(v), msg('privacy.subProcessors.validation.website'))
  .transform((v) => (v === '' ? null : v));

function isHttpsUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}

export const subProcessorSchema = z.object({
  name: text(2, 120, 'privacy.subProcessors.validation.name'),
  purposeEn: text(3, 300, 'privacy.subProcessors.validation.purposeEn'),
  purposeNl: text(3, 300, 'privacy.subProcessors.validation.purposeNl'),
  country: z
    .string(msg('privacy.subProcessors.validation.country'))
    .trim()
    .toUpperCase()
    .refine((v) => COUNTRY_CODES.has(v), msg('privacy.subProcessors.validation.country')),
  website: website.optional().transform((v) => v ?? null),
  sortOrder: z.coerce
    .number(msg('privacy.subProcessors.validation.sortOrder'))
    .int(msg('privacy.subProcessors.validation.sortOrder'))
    .min(0, msg('privacy.subProcessors.validation.sortOrder'))
    .max(999, msg('privacy.subProcessors.validation.sortOrder')),
});
export type SubProcessorInput = z.output<typeof subProcessorSchema>;

export const editSubProcessorSchema = subProcessorSchema.extend({ subProcessorId: z.uuid() });
export const removeSubProcessorSchema = z.object({ subProcessorId: z.uuid() });
