import { TZDate } from '@date-fns/tz';
// The app clock. Domain code asks `now()` and never reads Date.now() itself, so tests (through
// POST /api/test/clock, only with TEST_HOOKS=1) can move time forward.
const state = globalThis as unknown as { __accountdeskClockOffsetMs?: number | null };

export function now(): Date {
  const offset = state.__accountdeskClockOffsetMs;
  return new Date(Date.now() + (offset ?? 0));
}

/** Sets the clock so that now() reads `at` at this moment and then runs on; null resets it. */
export function setClock(at: Date | null): void {
  state.__accountdeskClockOffsetMs = at ? at.getTime() - Date.now() : null;
}

export const TIME_ZONE = 'Europe/Bratislava';

/** `2019-11-30T23:59` (a datetime-local value) on the Bratislava clock → the instant. */
export function bratislavaDateTime(local: string): Date {
  const [date, time] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(new TZDate(y, m - 1, d, hh, mm, TIME_ZONE).getTime());
}

/** The instant as a datetime-local value on the Bratislava clock (to fill a form). */
export function bratislavaLocalValue(at: Date): string {
  const d = new TZDate(at.getTime(), TIME_ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
