// GDPR-5: a request must be answered within one calendar month of its receipt, extendable by up
// to two further months. Counted in Bratislava dates: the due date is the same day of the month
// one (plus the extension) month later, or that month's last day when it has no such day
// (31 January → 28/29 February), and the request is on time until the end of that day.
import { TZDate } from '@date-fns/tz';
import { addMonths, endOfDay } from 'date-fns';
import { TIME_ZONE } from '@/lib/clock';

/** GDPR-5: at most two months of extension in total. */
export const MAX_EXTENSION_MONTHS = 2;

/** The last moment a request received at `receivedAt` may be answered, with `extensionMonths` of extension. Pure. */
export function gdprDueDate(receivedAt: Date, extensionMonths: number): Date {
  if (!Number.isInteger(extensionMonths) || extensionMonths < 0 || extensionMonths > MAX_EXTENSION_MONTHS) {
    throw new RangeError(`extension must be 0..${MAX_EXTENSION_MONTHS} whole months, got ${extensionMonths}`);
  }
  const local = new TZDate(receivedAt.getTime(), TIME_ZONE);
  return new Date(endOfDay(addMonths(local, 1 + extensionMonths)).getTime());
}

/** Whether a request still open at `at` has passed its due date. Pure. */
export function isOverdue(request: { dueAt: Date | null; status: string }, at: Date): boolean {
  return !!request.dueAt && OPEN_STATUSES.includes(request.status as OpenStatus) && at.getTime() > request.dueAt.getTime();
}

/** The statuses of a confirmed request still waiting for its answer. */
export const OPEN_STATUSES = ['received', 'verified', 'in_progress'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
