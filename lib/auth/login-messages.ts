// What the sign-in form shows. next-auth passes the message thrown by `authenticate` through as
// `error`; this module has no server imports so the login form can compare against it. The
// server's answer is the English text (a stable answer for every client, whatever its language);
// the form maps it back to its catalogue key and shows it in the page's language.
import enAuth from '@/messages/en/auth.json';
import { msg } from '@/lib/i18n/message-ref';

const KEYS = ['invalid', 'throttled', 'unverified', 'stopped', 'checkRequired'] as const;
type LoginError = (typeof KEYS)[number];

export const LOGIN_ERRORS: Readonly<Record<LoginError, string>> = Object.fromEntries(
  KEYS.map((k) => [k, enAuth.errors.login[k]]),
) as Record<LoginError, string>;

/** A server answer as a message reference (`auth.errors.login.<key>`); other text as it came. */
export function loginErrorMessage(error: string): string {
  const key = KEYS.find((k) => LOGIN_ERRORS[k] === error);
  return key ? msg(`auth.errors.login.${key}`) : error;
}
