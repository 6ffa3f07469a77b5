import { describe, expect, test } from 'vitest';
import { documentRelation, summariseDetails } from './display';
import { actorLabel, actorLabelIn } from './queries';

describe('audit details summary', () => {
  test('OPS-2 shows what changed as short key: value pairs', () => {
    expect(summariseDetails({ slug: 'acme', termsVersion: '2026-11', empty: '', none: null })).toBe('slug: acme, termsVersion: 2026-11');
    expect(summariseDetails({ list: [1, 2] })).toBe('list: [1,2]');
    expect(summariseDetails({})).toBe('');
    expect(summariseDetails(null)).toBe('');
    expect(summariseDetails({ long: 'x'.repeat(300) }, 20)).toHaveLength(20);
  });
});

describe('staff labels per language', () => {
  test('a correction names the invoice it corrects, in English and Dutch', () => {
    const doc = { reason: 'correction', relatedNumber: 'INV-2026-000001' };
    expect(documentRelation(doc)).toBe('Correction of INV-2026-000001');
    expect(documentRelation(doc, 'nl')).toBe('Correctie van INV-2026-000001');
    expect(documentRelation({ reason: 'other', relatedNumber: null }, 'nl')).toBeNull();
  });
  test('OPS-2 actors: names stay as they are, the words around them are translated', () => {
    const staff = { actorType: 'staff', actorName: 'Petra Support', actorDeletedAt: null, actorId: 'u1' } as const;
    expect(actorLabel(staff)).toBe('Petra Support (staff)');
    expect(actorLabelIn(staff, 'nl')).toBe('Petra Support (medewerker)');
    expect(actorLabelIn({ actorType: 'system', actorName: null, actorDeletedAt: null, actorId: null }, 'nl')).toBe('Systeem');
    expect(actorLabelIn({ actorType: 'owner', actorName: null, actorDeletedAt: null, actorId: 'u2' }, 'nl')).toBe('Verwijderde gebruiker');
  });
});
