// One accessibility check for every page and state the browser tests reach: axe-core (WCAG 2.x A and
// AA rules plus best practices) run in the page; any violation of impact "serious" or "critical"
// fails the test with its rule, the elements it found and the page.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './support';

export interface A11yProblem {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical axe violations on the page as it is now (does not fail). */
export async function a11yProblems(page: Page, label: string): Promise<A11yProblem[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    // In the page itself (twice as fast as the default, which opens a page per run); frames are
    // left out: the only one is the staff outbox's sandboxed preview of an email's HTML.
    .setLegacyMode(true)
    .options({ iframes: false, resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: `${label} (${page.url()})`,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

export function describeProblems(problems: A11yProblem[]): string {
  return problems.map((p) => `${p.page}: [${p.impact}] ${p.rule} — ${p.help}\n    ${p.targets.join('\n    ')}`).join('\n');
}

/** Fails unless the page as it is now has no serious or critical accessibility violation. */
export async function checkA11y(page: Page, label: string): Promise<void> {
  const problems = await a11yProblems(page, label);
  expect(problems.length, `Accessibility violations:\n${describeProblems(problems)}`).toBe(0);
}
