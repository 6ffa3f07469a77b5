// Which Chromium the browser tests run, in one place for `npm test` (scripts/test.mjs, plain node)
// and Playwright's config (e2e/browser.ts): Playwright's own download when it is there, else
// Debian's headless shell (package chromium-headless-shell), else Debian's full Chromium.
//
// The headless shell is the build Playwright itself runs for headless tests: the same Blink and V8
// without the full browser around them. Here it takes less than half the CPU of the full browser
// per page load (5.0 s against 12.3 s of user and system time for 50 loads of public pages), and
// the browser suite is bound by the browser's CPU on this 2-core machine.
const { existsSync } = require('node:fs');

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
/** Debian's builds, best first. */
const SYSTEM_CHROMIUMS = [HEADLESS_SHELL, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** @returns {boolean} whether Playwright's own browser download is installed. */
function hasPlaywrightChromium() {
  try {
    const own = require('@playwright/test').chromium.executablePath();
    return Boolean(own) && existsSync(own);
  } catch {
    return false;
  }
}

/**
 * The executable to launch: undefined when Playwright's own download is there (Playwright finds
 * it itself) or when there is no Chromium at all (see hasBrowser).
 * @returns {string | undefined}
 */
function browserExecutable() {
  if (hasPlaywrightChromium()) return undefined;
  return SYSTEM_CHROMIUMS.find((p) => existsSync(p));
}

/** @returns {boolean} whether any Chromium is there to run the browser tests. */
function hasBrowser() {
  return hasPlaywrightChromium() || SYSTEM_CHROMIUMS.some((p) => existsSync(p));
}

module.exports = { HEADLESS_SHELL, browserExecutable, hasBrowser };
