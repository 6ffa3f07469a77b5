// Forms of the consent, unsubscribe, product-news and announcement features (shared by the
// browser check and the server actions).
import { z } from 'zod';
import { emailSchema } from '@/lib/accounts/schemas';
import { msg } from '@/lib/i18n/message-ref';
import { botCheckField } from '@/lib/public-forms/schema';
import { CONSENT_PURPOSES } from './purposes';

/** GDPR-2: the portal's give/withdraw button. */
export const consentChangeSchema = z.object({
  purpose: z.enum(CONSENT_PURPOSES, msg('consents.validation.purpose')),
  granted: z.enum(['true', 'false'], msg('consents.validation.purpose')).transform((v) => v === 'true'),
});

/** GDPR-10: the public unsubscribe form and the product-news subscription form. */
export const addressFormSchema = z.object({ email: emailSchema, botCheck: botCheckField });
export type AddressFormInput = z.output<typeof addressFormSchema>;

const subject = (key: string) =>
  z.string().trim().min(3, msg(`consents.validation.${key}`)).max(150, msg('consents.validation.tooLong', { max: 150 }));
const body = (key: string) =>
  z.string().trim().min(10, msg(`consents.validation.${key}`)).max(20_000, msg('consents.validation.tooLong', { max: 20_000 }));

/** GDPR-10: an announcement is written in both languages. */
export const announcementSchema = z.object({
  subjectEn: subject('subjectEn'),
  bodyEn: body('bodyEn'),
  subjectNl: subject('subjectNl'),
  bodyNl: body('bodyNl'),
});
export type AnnouncementInput = z.output<typeof announcementSchema>;

export const announcementIdSchema = z.object({ announcementId: z.uuid() });
