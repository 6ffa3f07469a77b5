import { describe, expect, test } from 'vitest';
import { authOptions } from './options';

describe('next-auth redirects', () => {
  const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: 'http://127.0.0.1:3100' });

  test.each(['/\t/evil.example', '//evil.example', 'https://evil.example/account', 'javascript:alert(1)', '\\\\evil.example'])(
    'a callbackUrl of %j stays on this site',
    async (url) => {
      expect(await redirect(url)).toBe('http://127.0.0.1:3100/');
    },
  );

  test('a path or an address on this site is kept', async () => {
    expect(await redirect('/account-stopped')).toBe('http://127.0.0.1:3100/account-stopped');
    expect(await redirect('http://127.0.0.1:3100/staff?tab=1')).toBe('http://127.0.0.1:3100/staff?tab=1');
  });
});
