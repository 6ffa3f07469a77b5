// Shared by the signup form (in the browser, through react-hook-form) and its server action.
// The server action checks the date of birth again against the app clock.
import { z } from 'zod';
import { passwordSchema } from '@/lib/auth/password-schema';
import { now } from '@/lib/clock';
import { botCheckField } from '@/lib/public-forms/schema';
import { dateOfBirthProblem, isAdult } from './age';
import { normaliseSlug, validateSlug } from './slug';

export const UNDER_18_MESSAGE = 'You must be 18 or older to create an account.';
export const ACCEPT_TERMS_MESSAGE = 'Accept the terms of service to continue.';

export const emailSchema = z
  .string()
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'))
  .transform((s) => s.toLowerCase());

/** A ticked checkbox: `true` from react-hook-form, `'on'` from FormData. */
const ticked = (message: string) =>
  z
    .unknown()
    .refine((v) => v === true || v === 'on' || v === 'true', { message });

export const signupSchema = z.object({
  fullName: z.string().trim().min(2, 'Enter your full legal name.').max(200, 'Use at most 200 characters.'),
  email: emailSchema,
  password: passwordSchema,
  companyName: z.string().trim().min(2, 'Enter the name of your company or organisation.').max(200, 'Use at most 200 characters.'),
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
  botCheck: botCheckField,
});
export type SignupInput = z.output<typeof signupSchema>;

export const resendSchema = z.object({
  email: emailSchema,
  botCheck: botCheckField,
});
export type ResendInput = z.output<typeof resendSchema>;
