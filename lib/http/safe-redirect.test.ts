import { describe, expect, test } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

describe('safeRedirectPath', () => {
  test.each([
    '//x',
    '/\t/x',
    '/\n/x',
    '/\r\n/x',
    '\\\\x',
    '/\\x',
    '\\/x',
    'https://x',
    'http://evil.example/account',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,hi',
    '///x',
    '/\t\t/x',
  ])('a redirect to %j never leaves the site', (value) => {
    expect(safeRedirectPath(value)).toBeNull();
    expect(safeRedirectPath(value, '/account')).toBe('/account');
  });

  test('%2F%2Fx stays a path on this site (the encoded slashes are not a host)', () => {
    const path = safeRedirectPath('%2F%2Fx');
    expect(path).toBe('/%2F%2Fx');
    expect(path!.startsWith('//')).toBe(false);
  });

  test('same-site paths keep their path, query and fragment', () => {
    expect(safeRedirectPath('/account/billing?paid=1#top')).toBe('/account/billing?paid=1#top');
    expect(safeRedirectPath('/staff')).toBe('/staff');
    expect(safeRedirectPath('account')).toBe('/account');
  });

  test("an absolute URL on the app's own origin becomes its path", () => {
    const origin = new URL(process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000').origin;
    expect(safeRedirectPath(`${origin}/account?x=1`)).toBe('/account?x=1');
  });

  test('missing or odd values give the fallback', () => {
    expect(safeRedirectPath(undefined, '/account')).toBe('/account');
    expect(safeRedirectPath(['/a', '/b'], '/account')).toBe('/account');
    expect(safeRedirectPath('', '/account')).toBe('/account');
    expect(safeRedirectPath('/' + 'a'.repeat(3000), '/account')).toBe('/account');
  });
});
