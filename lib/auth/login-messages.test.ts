import { describe, expect, test } from 'vitest';
import { translateMessage } from '@/lib/i18n/message-ref';
import { translatorFor } from '@/lib/i18n/translator';
import { LOGIN_ERRORS, loginErrorMessage } from './login-messages';

describe('sign-in messages', () => {
  test('the server answers in English; the form shows each answer in the page’s language', () => {
    expect(LOGIN_ERRORS.invalid).toBe('That email and password do not match an account.');
    for (const answer of Object.values(LOGIN_ERRORS)) {
      const ref = loginErrorMessage(answer);
      expect(translateMessage(translatorFor('en'), ref)).toBe(answer);
      expect(translateMessage(translatorFor('nl'), ref)).not.toBe(answer);
    }
    expect(translateMessage(translatorFor('nl'), loginErrorMessage(LOGIN_ERRORS.invalid))).toBe(
      'Dit e-mailadres en wachtwoord horen niet bij een account.',
    );
  });
  test('an answer the form does not know is shown as it came', () => {
    expect(loginErrorMessage('Something else went wrong.')).toBe('Something else went wrong.');
  });
});
