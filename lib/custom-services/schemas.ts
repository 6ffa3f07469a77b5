// CUS-1..CUS-4 forms, shared by the client forms and the server actions. Money is typed in euros
// and becomes cents; date-times are typed on the Bratislava clock.
import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';
import { parseEuroCents } from './rules';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, msg('customServices.validation.date'));
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, msg('customServices.validation.dateTime'));
const text = (min: number, max: number, key: string) =>
  z.string().trim().min(min, msg(`customServices.validation.${key}`, { min })).max(max, msg('customServices.validation.tooLong', { max }));

const euros = (key: string) =>
  z
    .string()
    .trim()
    .refine((v) => parseEuroCents(v) !== null, msg(`customServices.validation.${key}`))
    .transform((v) => parseEuroCents(v)!);

export const requestSchema = z.object({
  need: text(10, 5000, 'need'),
  wantedBy: z.union([z.literal(''), day]).optional().transform((v) => v || null),
  budget: z.union([z.literal(''), euros('budget')]).optional().transform((v) => (v === '' || v === undefined ? null : v)),
});

export const logEmailedRequestSchema = z.object({
  accountId: z.uuid(),
  emailText: text(10, 20000, 'emailText'),
  receivedAt: localDateTime,
});

export const requestIdSchema = z.object({ requestId: z.uuid() });

export const refuseSchema = z.object({ requestId: z.uuid(), reason: text(5, 2000, 'reason') });

export const proposalSchema = z.object({
  requestId: z.uuid(),
  requirements: text(10, 10000, 'requirements'),
  specification: text(10, 20000, 'specification'),
  price: euros('price'),
  expectedDelivery: day,
});

export const approveSchema = z.object({
  requestId: z.uuid(),
  fullName: text(2, 200, 'fullName'),
  shownDigest: z.string().regex(/^[0-9a-f]{64}$/),
});

export const recordApprovalSchema = z.object({
  requestId: z.uuid(),
  approverName: text(2, 200, 'approverName'),
  approvalEmail: text(5, 20000, 'approvalEmail'),
  receivedAt: localDateTime,
});
