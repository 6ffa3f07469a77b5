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
