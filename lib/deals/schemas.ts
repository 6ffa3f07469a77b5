// Staff forms for deals (APS-1). The deadline is typed as a Bratislava date and time.
import { z } from 'zod';
import { signupSchema } from '@/lib/accounts/schemas';
import { msg } from '@/lib/i18n/message-ref';

const money = z
  .string()
  .trim()
  .regex(/^\d{1,6}([.,]\d{1,2})?$/, msg('deals.validation.price'))
  .transform((v) => Math.round(Number(v.replace(',', '.')) * 100));

export const dealSchema = z.object({
  name: z.string().trim().min(2, msg('deals.validation.name')).max(80, msg('deals.validation.tooLong', { max: 80 })),
  partner: z.string().trim().min(2, msg('deals.validation.partner')).max(80, msg('deals.validation.tooLong', { max: 80 })),
  pricePaid: money,
  planCode: z.string().trim().min(1, msg('deals.validation.plan')),
  lifetimeSeats: z.coerce.number(msg('deals.validation.seats')).int(msg('deals.validation.seats')).min(1, msg('deals.validation.seats')).max(100, msg('deals.validation.seats')),
  /** `YYYY-MM-DDTHH:mm` from a datetime-local input, read on the Bratislava clock. */
  closesAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, msg('deals.validation.closesAt')),
});
export type DealInput = z.output<typeof dealSchema>;

export const editDealSchema = dealSchema.extend({ dealId: z.uuid() });

/** A codes file bigger than this is refused by its size, before a byte of it is read (≈ 600 000 codes; the server action accepts 10 MB bodies). */
export const MAX_CSV_BYTES = 8 * 1024 * 1024;

/** A chosen file: a File on the server, the input's FileList in the browser. */
const csvFile = z.preprocess(
  (v) => (v && typeof v === 'object' && 'item' in v && typeof (v as FileList).item === 'function' ? (v as FileList).item(0) : v),
  z
    .custom<File>((v) => typeof v === 'object' && v !== null && 'size' in v && 'text' in v && (v as File).size > 0, msg('deals.validation.file'))
    .refine((f) => !(typeof f?.size === 'number' && f.size > MAX_CSV_BYTES), msg('deals.import.fileTooLarge', { mb: MAX_CSV_BYTES / 1024 / 1024 })),
);

export const importCodesSchema = z.object({ dealId: z.uuid(), file: csvFile });
export const revokeCodeSchema = z.object({ dealId: z.uuid(), codeId: z.uuid() });
export const suspendHolderSchema = z.object({
  dealId: z.uuid(),
  accountId: z.uuid(),
  reason: z.string().trim().min(5, msg('deals.validation.reason')).max(500, msg('deals.validation.tooLong', { max: 500 })),
});

/** APS-2: the signup fields plus the code (compose, never copy, the signup schema). */
export const redeemSchema = signupSchema.extend({
  code: z.string().trim().min(1, msg('deals.validation.codeRequired')).max(64, msg('deals.validation.codeTooLong', { max: 64 })),
});
