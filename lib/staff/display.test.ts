import { describe, expect, test } from 'vitest';
import { summariseDetails } from './display';

describe('audit details summary', () => {
  test('OPS-2 shows what changed as short key: value pairs', () => {
    expect(summariseDetails({ slug: 'acme', termsVersion: '2026-11', empty: '', none: null })).toBe('slug: acme, termsVersion: 2026-11');
    expect(summariseDetails({ list: [1, 2] })).toBe('list: [1,2]');
    expect(summariseDetails({})).toBe('');
    expect(summariseDetails(null)).toBe('');
    expect(summariseDetails({ long: 'x'.repeat(300) }, 20)).toHaveLength(20);
  });
});
