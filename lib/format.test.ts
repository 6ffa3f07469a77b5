import { describe, expect, test } from 'vitest';
import { formatDate, formatMoney } from './format';

describe('format', () => {
  test('dates show as "25 Nov 2026" on the Bratislava calendar', () => {
    expect(formatDate(new Date('2026-11-25T10:00:00Z'))).toBe('25 Nov 2026');
    // 23:30 UTC on 31 Dec is already 1 Jan in Bratislava.
    expect(formatDate(new Date('2026-12-31T23:30:00Z'))).toBe('1 Jan 2027');
  });
  test('money shows as €39.00 from integer cents', () => {
    expect(formatMoney(3900)).toBe('€39.00');
    expect(formatMoney(5)).toBe('€0.05');
    expect(formatMoney(123456789)).toBe('€1,234,567.89');
    expect(formatMoney(-1250)).toBe('−€12.50');
  });
});
