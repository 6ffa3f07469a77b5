// INV-6: an invoice may be corrected (new billing details) within 15 days after its issue date,
// counted in Bratislava calendar days.
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays } from 'date-fns';
import { TIME_ZONE } from '@/lib/clock';

export const CORRECTION_WINDOW_DAYS = 15;

export function correctionAllowed(issuedAt: Date, now: Date): boolean {
  const days = differenceInCalendarDays(new TZDate(now.getTime(), TIME_ZONE), new TZDate(issuedAt.getTime(), TIME_ZONE));
  return days >= 0 && days <= CORRECTION_WINDOW_DAYS;
}

/**
 * The last Bratislava calendar day on which a correction can still be requested (as an instant on
 * that day). Counted in local calendar days, so a daylight-saving change inside the window cannot
 * move an invoice issued near midnight onto the neighbouring day.
 */
export function correctionDeadline(issuedAt: Date): Date {
  return new Date(addDays(new TZDate(issuedAt.getTime(), TIME_ZONE), CORRECTION_WINDOW_DAYS).getTime());
}
