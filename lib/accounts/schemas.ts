// Shared by the signup form (in the browser, through react-hook-form) and its server action.
// The server action checks the date of birth again against the app clock.
import { z } from 'zod';
import { passwordSchema } from '@/lib/auth/password-schema';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { botCheckField } from '@/lib/public-forms/schema';
import { dateOfBirthProblem, isAdult } from './age';
import { normaliseSlug, validateSlug } from './slug';

// Messages are catalogue references (messages/<locale>/auth.json), translated where they are shown.
export const UNDER_18_MESSAGE = msg('auth.validation.under18');
export const ACCEPT_TERMS_MESSAGE = msg('auth.validation.acceptTerms');

export const emailSchema = z
  .string()
  .trim()
  .min(1, msg('auth.validation.emailRequired'))
  .max(254, msg('auth.validation.tooLong', { max: 254 }))
  .pipe(z.email(msg('auth.validation.emailInvalid')))
  .transform((s) => s.toLowerCase());

/** A ticked checkbox: `true` from react-hook-form, `'on'` from FormData. */
const ticked = (message: string) =>
  z
    .unknown()
    .refine((v) => v === true || v === 'on' || v === 'true', { message });

/** An optional checkbox (GDPR-2 consents): ticked → true, anything else → false. */
const optionalTick = z
  .unknown()
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

export const signupSchema = z.object({
  fullName: z.string().trim().min(2, msg('auth.validation.fullNameRequired')).max(200, msg('auth.validation.tooLong', { max: 200 })),
  email: emailSchema,
  password: passwordSchema,
  companyName: z.string().trim().min(2, msg('auth.validation.companyNameRequired')).max(200, msg('auth.validation.tooLong', { max: 200 })),
  slug: z
    .string()
    .transform(normaliseSlug)
    .superRefine((s, ctx) => {
      const problem = validateSlug(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  dateOfBirth: z
    .string()
    .trim()
    .superRefine((d, ctx) => {
      const at = now();
      const problem = dateOfBirthProblem(d, at);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      else if (!isAdult(d, at)) ctx.addIssue({ code: 'custom', message: UNDER_18_MESSAGE });
    }),
  acceptTerms: ticked(ACCEPT_TERMS_MESSAGE),
  // GDPR-2: two separate consents, unticked by default, neither needed to sign up.
  consentMarketing: optionalTick,
  consentCustomerService: optionalTick,
  botCheck: botCheckField,
});
export type SignupInput = z.output<typeof signupSchema>;

export const resendSchema = z.object({
  email: emailSchema,
  botCheck: botCheckField,
});
export type ResendInput = z.output<typeof resendSchema>;
