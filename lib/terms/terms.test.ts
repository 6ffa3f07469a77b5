import { describe, expect, test } from 'vitest';
import { TERMS_V1, TERMS_V1_NL, termsBodyIn } from './content';
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
  test('the first version also exists in Dutch, with the same sections, and is shown to Dutch readers', () => {
    const en = parseTermsBody(TERMS_V1.body);
    const nl = parseTermsBody(TERMS_V1_NL.body);
    expect(nl.map((s) => s.blocks.map((b) => (b.kind === 'ul' ? b.items.length : 'p')))).toEqual(
      en.map((s) => s.blocks.map((b) => (b.kind === 'ul' ? b.items.length : 'p'))),
    );
    const text = TERMS_V1_NL.body.toLowerCase();
    for (const topic of ['14 dagen', 'reverse-charge', 'lifetime deal', 'zeg dan uw account op', '18 jaar', 'privacy']) {
      expect(text).toContain(topic);
    }
    const published = { version: TERMS_V1.version, body: TERMS_V1.body };
    expect(termsBodyIn(published, 'nl')).toEqual({ locale: 'nl', body: TERMS_V1_NL.body });
    expect(termsBodyIn(published, 'en')).toEqual({ locale: 'en', body: TERMS_V1.body });
  });
  test('a version published in English only is shown in English to Dutch readers', () => {
    expect(termsBodyIn({ version: '2027-01', body: '## New\nText.' }, 'nl')).toEqual({ locale: 'en', body: '## New\nText.' });
    expect(termsBodyIn({ version: TERMS_V1.version, body: 'changed' }, 'nl')).toEqual({ locale: 'en', body: 'changed' });
  });
});
