import { describe, expect, test } from 'vitest';
import { TERMS_V1 } from './content';
import { parseTermsBody } from './queries';

describe('terms', () => {
  test('the body parses into sections with paragraphs and lists', () => {
    const sections = parseTermsBody('## A\nOne.\n\n- x\n- y\n## B\nTwo.');
    expect(sections).toEqual([
      { heading: 'A', blocks: [{ kind: 'p', text: 'One.' }, { kind: 'ul', items: ['x', 'y'] }] },
      { heading: 'B', blocks: [{ kind: 'p', text: 'Two.' }] },
    ]);
  });
  test('the published terms cover trial, VAT, deals, stopping and privacy', () => {
    const text = TERMS_V1.body.toLowerCase();
    for (const topic of ['14-day trial', 'reverse-charge', 'lifetime deal', 'stop your account', '18 years', 'privacy']) {
      expect(text).toContain(topic);
    }
  });
});
