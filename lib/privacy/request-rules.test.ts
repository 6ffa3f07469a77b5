import { describe, expect, test } from 'vitest';
import { canTransition, completionPath, extensionProblem, REQUEST_STATUSES, staffTransitions, type RequestStatus } from './request-rules';

const ALLOWED = new Set([
  'unconfirmed>received',
  'unconfirmed>expired',
  'received>verified',
  'received>refused',
  'verified>in_progress',
  'verified>refused',
  'in_progress>completed',
  'in_progress>refused',
]);

describe('GDPR-5 request status machine', () => {
  for (const from of REQUEST_STATUSES) {
    for (const to of REQUEST_STATUSES) {
      const allowed = ALLOWED.has(`${from}>${to}`);
      test(`GDPR-5 ${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(allowed);
      });
    }
  }

  test('GDPR-5 staff cannot confirm or expire a request: only the requester and the sweep do', () => {
    expect(staffTransitions('unconfirmed')).toEqual([]);
    expect(staffTransitions('expired')).toEqual([]);
    expect(staffTransitions('received')).toEqual(['verified', 'refused']);
    expect(staffTransitions('in_progress')).toEqual(['completed', 'refused']);
    for (const s of ['completed', 'refused'] as RequestStatus[]) expect(staffTransitions(s)).toEqual([]);
  });
});

describe('GDPR-5 extension limits', () => {
  test('GDPR-5 an open request may be extended by one or two months, never beyond two in total', () => {
    expect(extensionProblem('received', 0, 1)).toBeNull();
    expect(extensionProblem('verified', 0, 2)).toBeNull();
    expect(extensionProblem('in_progress', 1, 1)).toBeNull();
    expect(extensionProblem('in_progress', 1, 2)).toBe('tooLong');
    expect(extensionProblem('in_progress', 2, 1)).toBe('tooLong');
    expect(extensionProblem('received', 0, 3)).toBe('months');
    expect(extensionProblem('received', 0, 0)).toBe('months');
  });

  test('GDPR-5 a closed or unconfirmed request is not extended', () => {
    for (const s of ['completed', 'refused', 'expired', 'unconfirmed'] as RequestStatus[]) expect(extensionProblem(s, 0, 1)).toBe('closed');
  });
});

test('GDPR-5 every open request can be completed, through the steps it has not taken yet; closed or unconfirmed ones cannot', () => {
  expect(completionPath('received')).toEqual(['verified', 'in_progress', 'completed']);
  expect(completionPath('verified')).toEqual(['in_progress', 'completed']);
  expect(completionPath('in_progress')).toEqual(['completed']);
  for (const s of ['unconfirmed', 'expired', 'completed', 'refused'] as const) expect(completionPath(s)).toBeNull();
});
