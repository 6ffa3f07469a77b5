// CUS-5: the life of a custom-service request, as a pure state machine.
//
//   requested → in_review → proposed → approved → in_progress → delivered
//        └──────────┴→ refused
//
// Decision: staff may withdraw a proposal (proposed → in_review) to correct it, but only while the
// customer has not approved it; once approved the terms are frozen (CUS-4) and there is no way
// back. Refused and delivered are final.
import { msg } from '@/lib/i18n/message-ref';

export const CUSTOM_SERVICE_STATUSES = ['requested', 'in_review', 'refused', 'proposed', 'approved', 'in_progress', 'delivered'] as const;
export type CustomServiceStatus = (typeof CUSTOM_SERVICE_STATUSES)[number];

/** Every allowed move, and only those. */
export const TRANSITIONS: Readonly<Record<CustomServiceStatus, readonly CustomServiceStatus[]>> = {
  requested: ['in_review', 'refused'],
  in_review: ['proposed', 'refused'],
  proposed: ['approved', 'in_review'],
  approved: ['in_progress'],
  in_progress: ['delivered'],
  refused: [],
  delivered: [],
};

export function canTransition(from: CustomServiceStatus, to: CustomServiceStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export type TransitionCheck = { ok: true } | { ok: false; message: string };

/** Whether `from → to` is allowed; when not, a catalogue message that says what the target needs. */
export function checkTransition(from: CustomServiceStatus, to: CustomServiceStatus): TransitionCheck {
  if (canTransition(from, to)) return { ok: true };
  return { ok: false, message: msg(`customServices.errors.transition.${to}`, { from, to }) };
}

/** Statuses whose proposal terms may still be written (CUS-4: frozen from approval on). */
export function proposalEditable(status: CustomServiceStatus): boolean {
  return status === 'in_review';
}

/** Whether the customer can approve now (only a sent proposal). */
export function approvable(status: CustomServiceStatus): boolean {
  return status === 'proposed';
}

/** CUS-4: the typed name matches the owner's full name, ignoring case and spacing. */
export function namesMatch(typed: string, fullName: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(typed) !== '' && norm(typed) === norm(fullName);
}

/** Public reference of the n-th request of a year: CS-2026-000012. */
export function requestReference(year: number, n: number): string {
  return `CS-${year}-${String(n).padStart(6, '0')}`;
}

/** "12.50" / "12,50" / "1 200" → cents; null when it is not a positive amount with at most two decimals. */
export function parseEuroCents(input: string): number | null {
  const s = input.trim().replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return cents > 0 ? cents : null;
}
