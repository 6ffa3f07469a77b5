// One accessibility check for every page and state the browser tests reach: axe-core (WCAG 2.x A and
// AA rules plus best practices) run in the page; any violation of impact "serious" or "critical"
// fails the test with its rule, the elements it found and the page.
//
// axe-core is run directly: its source is put into the page once per document and `axe.run` returns
// only what the check reads. @axe-core/playwright's analyze() did the same work in about twice the
// time (0.6–0.9 s a page against 0.3 s), which the accessibility spec paid some 500 times a run.
import axe from 'axe-core';
import type { Page } from '@playwright/test';
import { expect } from './support';

export interface A11yProblem {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The serious and critical axe violations on the page as it is now (does not fail). */
export async function a11yProblems(page: Page, label: string): Promise<A11yProblem[]> {
  // Evaluated through the DevTools protocol, like @axe-core/playwright: the page's CSP allows it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const found = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
      // Frames are left out: the only one is the staff outbox's sandboxed preview of an email's HTML.
      iframes: false,
    });
    return found.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, TAGS);
  return violations.map((v) => ({ page: `${label} (${page.url()})`, ...v }));
}

export function describeProblems(problems: A11yProblem[]): string {
  return problems.map((p) => `${p.page}: [${p.impact}] ${p.rule} — ${p.help}\n    ${p.targets.join('\n    ')}`).join('\n');
}

/** Fails unless the page as it is now has no serious or critical accessibility violation. */
export async function checkA11y(page: Page, label: string): Promise<void> {
  const problems = await a11yProblems(page, label);
  expect(problems.length, `Accessibility violations:\n${describeProblems(problems)}`).toBe(0);
}
