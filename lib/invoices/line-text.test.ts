import { describe, expect, test } from 'vitest';
import { periodLines } from '@/lib/billing/pricing';
import { translatorFor } from '@/lib/i18n/translator';
import { REVERSE_CHARGE_NOTE } from '@/lib/vat/treatment';
import { correctionNotes, periodLineDescription, relocalizeLineDescription } from './line-text';

const plan = { name: 'All-inclusive', seatPriceMonthlyCents: 3900, seatPriceYearlyCents: 39000 };

describe('words written on a document at issue time', () => {
  test('period lines are written in the document language (English unchanged)', () => {
    expect(periodLines(plan, 2, 'monthly')[0].description).toBe('All-inclusive plan, monthly subscription, per seat');
    expect(periodLines(plan, 2, 'yearly', 'en')[0].description).toBe('All-inclusive plan, yearly subscription, per seat');
    expect(periodLines(plan, 2, 'monthly', 'nl')[0].description).toBe('All-inclusive-pakket, maandabonnement, per gebruiker');
  });

  test('a corrected period line follows the new language; other text stays as written', () => {
    const en = periodLineDescription('Team', 'yearly', 'en');
    expect(relocalizeLineDescription(en, 'en', 'nl')).toBe('Team-pakket, jaarabonnement, per gebruiker');
    expect(relocalizeLineDescription(periodLineDescription('Team', 'monthly', 'nl'), 'nl', 'en')).toBe('Team plan, monthly subscription, per seat');
    expect(relocalizeLineDescription('Setup service', 'en', 'nl')).toBe('Setup service');
    expect(relocalizeLineDescription(en, 'en', 'en')).toBe(en);
  });

  test('correction notes and the reverse-charge note keep their English wording', () => {
    expect(correctionNotes('INV-2026-000001', 'en')).toEqual({
      creditNote: 'Cancels invoice INV-2026-000001, reissued with updated billing details.',
      replacement: 'Replaces invoice INV-2026-000001. Amounts and VAT treatment are unchanged.',
    });
    expect(correctionNotes('INV-2026-000001', 'nl').replacement).toBe('Vervangt factuur INV-2026-000001. Bedragen en btw-behandeling zijn ongewijzigd.');
    expect(translatorFor('en')('pdf.notes.reverseCharge')).toBe(REVERSE_CHARGE_NOTE);
  });
});
