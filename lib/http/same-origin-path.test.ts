import { describe, expect, test } from 'vitest';
import { sameOriginPath } from './same-origin-path';

describe('sameOriginPath (the rule the login form applies in the browser)', () => {
  const origin = 'http://127.0.0.1:3100';

  test.each(['/\t/evil.example', '/\n/evil.example', '//evil.example', 'https://evil.example', 'javascript:alert(1)', '\\\\evil.example'])(
    'a redirect to %j falls back to the given path',
    (value) => {
      expect(sameOriginPath(value, origin, '/account')).toBe('/account');
    },
  );

  test('paths on the origin keep their query and fragment; an absolute URL on the same origin becomes its path', () => {
    expect(sameOriginPath('/account/billing?tab=card#top', origin, '/account')).toBe('/account/billing?tab=card#top');
    expect(sameOriginPath(`${origin}/staff/accounts`, origin, null)).toBe('/staff/accounts');
    expect(sameOriginPath('http://127.0.0.1:3101/staff', origin, null)).toBeNull();
    expect(sameOriginPath(42, origin, null)).toBeNull();
    // Still encoded, the tab is part of a path on this site, not a way off it.
    expect(sameOriginPath('/%09/evil.example', origin, null)).toBe('/%09/evil.example');
  });
});
