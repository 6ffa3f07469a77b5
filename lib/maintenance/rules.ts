// OPS-1: planned downtime is announced on /status and, from 7 days before it starts until it ends,
// as a banner in the portal. Pure: `at` is passed in.
import { addDays } from 'date-fns';

export const BANNER_LEAD_DAYS = 7;

export interface MaintenanceWindow {
  id: string;
  startsAt: Date;
  endsAt: Date;
  cancelledAt: Date | null;
}

export type WindowState = 'upcoming' | 'in_progress' | 'past' | 'cancelled';

export function windowState(w: MaintenanceWindow, at: Date): WindowState {
  if (w.cancelledAt) return 'cancelled';
  if (at < w.startsAt) return 'upcoming';
  if (at < w.endsAt) return 'in_progress';
  return 'past';
}

/** The portal banner: windows not cancelled that start within 7 days or are under way. */
export function bannerWindows<T extends MaintenanceWindow>(windows: T[], at: Date): T[] {
  return windows
    .filter((w) => !w.cancelledAt && at < w.endsAt && at >= addDays(w.startsAt, -BANNER_LEAD_DAYS))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Why a window cannot be scheduled, or null: it must end after it starts and not lie in the past. */
export function scheduleRefusal(startsAt: Date, endsAt: Date, at: Date): 'ends_before_start' | 'in_the_past' | 'too_long' | null {
  if (endsAt <= startsAt) return 'ends_before_start';
  if (endsAt <= at) return 'in_the_past';
  // A "planned downtime" of more than a week is a mistake in the form, not a plan.
  if (endsAt.getTime() - startsAt.getTime() > 7 * 24 * 3600_000) return 'too_long';
  return null;
}
