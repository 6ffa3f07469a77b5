// GDPR-3..5: the life of a privacy request as a pure state machine.
//   unconfirmed → received (the requester confirmed the email, GDPR-4) | expired (7 days passed)
//   received → verified → in_progress → completed
//   received | verified | in_progress → refused
// completed, refused and expired are final. Staff move requests from received onwards; the
// confirmation and the expiry are the requester's and the sweep's.
import { MAX_EXTENSION_MONTHS, OPEN_STATUSES } from './due-date';
import { REQUEST_TYPES, type RequestType } from './request-types';

export { REQUEST_TYPES, type RequestType };

export const REQUEST_STATUSES = ['unconfirmed', 'expired', 'received', 'verified', 'in_progress', 'completed', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The statuses of the staff queue (confirmed requests). */
export const QUEUE_STATUSES = ['received', 'verified', 'in_progress', 'completed', 'refused'] as const satisfies readonly RequestStatus[];
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  unconfirmed: ['received', 'expired'],
  expired: [],
  received: ['verified', 'refused'],
  verified: ['in_progress', 'refused'],
  in_progress: ['completed', 'refused'],
  completed: [],
  refused: [],
};

/** Whether a request may go from `from` to `to`. Pure. */
export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses staff may move a request to from `from` (the buttons on the request page). */
export function staffTransitions(from: RequestStatus): RequestStatus[] {
  if (from === 'unconfirmed' || from === 'expired') return [];
  return [...TRANSITIONS[from]];
}

/**
 * The steps from `from` to completed, or null when it cannot be completed. "Mark completed" is
 * offered on every open request: staff who answer a request at once have verified it and worked
 * on it, and the history records those steps at the time of completion.
 */
export function completionPath(from: RequestStatus): RequestStatus[] | null {
  const path: RequestStatus[] = [];
  let at = from;
  while (at !== 'completed') {
    const next = (['verified', 'in_progress', 'completed'] as const).find((s) => canTransition(at, s));
    if (!next) return null;
    path.push(next);
    at = next;
  }
  return path.length ? path : null;
}

export function isOpen(status: RequestStatus): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export type ExtensionProblem = 'closed' | 'months' | 'tooLong';

/**
 * GDPR-5: whether `months` more may be added to a request with `current` months of extension in
 * `status`; null when allowed. Only open requests are extended, by 1 or 2 whole months, and never
 * beyond two months in total.
 */
export function extensionProblem(status: RequestStatus, current: number, months: number): ExtensionProblem | null {
  if (!isOpen(status)) return 'closed';
  if (!Number.isInteger(months) || months < 1 || months > MAX_EXTENSION_MONTHS) return 'months';
  if (current + months > MAX_EXTENSION_MONTHS) return 'tooLong';
  return null;
}

/** Types whose completion needs a written reply from staff (the answer itself is the reply). */
export const REPLY_REQUIRED: readonly RequestType[] = ['information', 'rectification'];

/** Types answered with the JSON export (GDPR-6). */
export const EXPORT_TYPES: readonly RequestType[] = ['access', 'portability'];
