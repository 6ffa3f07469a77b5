// ACC-6: the staff form that publishes a terms version in English and Dutch (Markdown).
import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';

export const TERMS_BODY_MAX = 100_000;

const body = (key: string) =>
  z
    .string()
    .trim()
    .min(20, msg(key))
    .max(TERMS_BODY_MAX, msg('terms.validation.tooLong', { max: TERMS_BODY_MAX }));

export const publishTermsSchema = z.object({
  version: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, msg('terms.validation.version')),
  bodyEn: body('terms.validation.bodyEn'),
  bodyNl: body('terms.validation.bodyNl'),
});
export type PublishTermsInput = z.output<typeof publishTermsSchema>;

export const previewTermsSchema = z.object({
  bodyEn: z.string().max(TERMS_BODY_MAX, msg('terms.validation.tooLong', { max: TERMS_BODY_MAX })),
  bodyNl: z.string().max(TERMS_BODY_MAX, msg('terms.validation.tooLong', { max: TERMS_BODY_MAX })),
});

/** The notice's "Continue": nothing to fill in; the version is the current one at the moment of the click. */
export const acceptTermsSchema = z.object({});
