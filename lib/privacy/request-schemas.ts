// GDPR-3..5: the privacy-request forms, importable by the browser (no server code here). The
// public form's consent-withdrawal fields are required only when that type is chosen.
import { z } from 'zod';
import { emailSchema } from '@/lib/accounts/schemas';
import { msg } from '@/lib/i18n/message-ref';
import { botCheckField } from '@/lib/public-forms/schema';
import { REQUEST_TYPES } from './request-rules';

const text = (max: number) => z.string().trim().max(max, msg('gdpr.validation.tooLong', { max }));
/** A ticked checkbox: `true` from react-hook-form, `'on'` from FormData. */
const isTicked = (v: unknown) => v === true || v === 'on' || v === 'true';

export const WITHDRAWAL_FIELDS = ['company', 'consentSubject', 'controller', 'writtenRequest', 'signature'] as const;

export const privacyRequestSchema = z
  .object({
    type: z.enum(REQUEST_TYPES, msg('gdpr.validation.typeRequired')),
    fullName: text(200).min(2, msg('gdpr.validation.fullNameRequired')),
    email: emailSchema,
    details: text(5000),
    company: text(200).optional().default(''),
    consentSubject: text(1000).optional().default(''),
    controller: text(200).optional().default(''),
    writtenRequest: text(5000).optional().default(''),
    signature: text(200).optional().default(''),
    signatureConfirmed: z.unknown().optional(),
    botCheck: botCheckField,
  })
  .superRefine((v, ctx) => {
    if (v.type !== 'consent_withdrawal') return;
    for (const field of WITHDRAWAL_FIELDS) {
      if (!v[field]) ctx.addIssue({ code: 'custom', path: [field], message: msg(`gdpr.validation.${field}Required`) });
    }
    if (v.signature && v.signature.length < 2) ctx.addIssue({ code: 'custom', path: ['signature'], message: msg('gdpr.validation.signatureRequired') });
    if (!isTicked(v.signatureConfirmed)) ctx.addIssue({ code: 'custom', path: ['signatureConfirmed'], message: msg('gdpr.validation.signatureConfirmedRequired') });
  });
export type PrivacyRequestInput = z.output<typeof privacyRequestSchema>;

const requestId = z.uuid(msg('gdpr.validation.requestMissing'));
const reason = text(2000).min(3, msg('gdpr.validation.reasonRequired'));

export const assignSchema = z.object({
  requestId,
  /** Empty: nobody. */
  assigneeId: z.union([z.literal(''), z.uuid(msg('gdpr.validation.assigneeInvalid'))]),
});

export const noteSchema = z.object({ requestId, note: text(5000).min(1, msg('gdpr.validation.noteRequired')) });

/** "Mark verified" and "Start work" (refusing and completing have forms of their own). */
export const advanceSchema = z.object({ requestId, to: z.enum(['verified', 'in_progress']) });

export const refuseSchema = z.object({ requestId, reason });

export const extendSchema = z.object({
  requestId,
  months: z.enum(['1', '2'], msg('gdpr.validation.monthsRequired')).transform(Number),
  reason,
});

/**
 * The request page's one "Reason" form: both answers it gives are told to the requester with the
 * reason, so they share the field, and the pressed button ("Extend deadline" or "Refuse") decides.
 */
export const decisionSchema = z.discriminatedUnion('intent', [
  extendSchema.extend({ intent: z.literal('extend') }),
  refuseSchema.extend({ intent: z.literal('refuse') }),
]);

export const completeSchema = z.object({ requestId, reply: text(10000).optional().default('') });
