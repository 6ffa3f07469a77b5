import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, test } from 'vitest';
import { TermsMarkdown } from '@/components/terms/terms-markdown';
import { TERMS_V1, TERMS_V1_NL, termsBodyIn } from './content';

const html = (body: string) => renderToStaticMarkup(createElement(TermsMarkdown, { body }));
/** The outline of a rendered body: per section, how many paragraphs and list items follow. */
const outline = (body: string) =>
  html(body)
    .split('<h2')
    .slice(1)
    .map((section) => [(section.match(/<p[ >]/g) ?? []).length, (section.match(/<li[ >]/g) ?? []).length]);

describe('terms', () => {
  test('ACC-6 the Markdown body renders into sections with paragraphs and lists, and raw HTML is not rendered', () => {
    const out = html('## A\nOne.\n\n- x\n- y\n\n## B\nTwo <script>alert(1)</script> <b>bold</b>\n\n[bad](javascript:alert(1)) [good](https://example.com)');
    expect(out).toContain('<h2 class="mt-8 text-xl font-semibold text-slate-900">A</h2>');
    expect(out.match(/<li>/g)).toHaveLength(2);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('javascript:');
    expect(out).toContain('href="https://example.com"');
  });
  test('the published terms cover trial, VAT, deals, stopping and privacy', () => {
    const text = TERMS_V1.body.toLowerCase();
    for (const topic of ['14-day trial', 'reverse-charge', 'lifetime deal', 'stop your account', '18 years', 'privacy']) {
      expect(text).toContain(topic);
    }
  });
  test('ACC-6 the first version also exists in Dutch, with the same sections, and is shown to Dutch readers', () => {
    expect(outline(TERMS_V1_NL.body)).toEqual(outline(TERMS_V1.body));
    expect(outline(TERMS_V1.body).length).toBeGreaterThan(8);
    const text = TERMS_V1_NL.body.toLowerCase();
    for (const topic of ['14 dagen', 'reverse-charge', 'lifetime deal', 'zeg dan uw account op', '18 jaar', 'privacy']) {
      expect(text).toContain(topic);
    }
    const published = { body: TERMS_V1.body, bodyNl: TERMS_V1_NL.body };
    expect(termsBodyIn(published, 'nl')).toEqual({ locale: 'nl', body: TERMS_V1_NL.body });
    expect(termsBodyIn(published, 'en')).toEqual({ locale: 'en', body: TERMS_V1.body });
  });
  test('ACC-6 a version without a Dutch body is shown in English to Dutch readers', () => {
    expect(termsBodyIn({ body: '## New\nText.', bodyNl: null }, 'nl')).toEqual({ locale: 'en', body: '## New\nText.' });
  });
});
