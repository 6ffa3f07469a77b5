// GDPR-11: the visitor's cookie choice. It is itself a strictly necessary cookie (it only
// remembers the answer to the banner), first-party, kept for a year. Its value is
// `<necessary|all>.<YYYY-MM-DD>`: the choice and the day it was made.
// Pure and free of browser or server APIs, so both the banner and the server read it the same way.

export const COOKIE_CHOICE_COOKIE = 'cookie_choice';
export const COOKIE_CHOICE_MAX_AGE_S = 365 * 24 * 60 * 60;
export const COOKIE_CHOICES = ['necessary', 'all'] as const;
export type CookieChoiceKind = (typeof COOKIE_CHOICES)[number];

export interface CookieChoice {
  choice: CookieChoiceKind;
  /** The calendar day (UTC) of the choice, `YYYY-MM-DD`. */
  day: string;
}

const VALUE = /^(necessary|all)\.(\d{4})-(\d{2})-(\d{2})$/;

/** The stored choice, or null when there is none or it is not one we wrote (ask again). */
export function parseCookieChoice(value: string | null | undefined): CookieChoice | null {
  if (!value) return null;
  const m = VALUE.exec(value.trim());
  if (!m) return null;
  const [, choice, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // Reject impossible days such as 2026-02-30 (Date would roll them over).
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  return { choice: choice as CookieChoiceKind, day: `${y}-${mo}-${d}` };
}

export function cookieChoiceValue(choice: CookieChoiceKind, at: Date): string {
  return `${choice}.${at.toISOString().slice(0, 10)}`;
}

/** The `document.cookie` assignment that stores a choice for a year on the whole site. */
export function cookieChoiceHeader(choice: CookieChoiceKind, at: Date, secure: boolean): string {
  return [
    `${COOKIE_CHOICE_COOKIE}=${cookieChoiceValue(choice, at)}`,
    'Path=/',
    `Max-Age=${COOKIE_CHOICE_MAX_AGE_S}`,
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * Every cookie this app sets, all strictly necessary. The privacy page lists them and the tests
 * check that no other cookie exists before (or after) a choice. next-auth adds a `__Secure-` or
 * `__Host-` prefix to its cookies when the site runs on https.
 */
export const NECESSARY_COOKIES = [
  { name: 'next-auth.session-token', purpose: 'session', lifetime: 'session30Days' },
  { name: 'next-auth.csrf-token', purpose: 'csrf', lifetime: 'browserSession' },
  { name: 'next-auth.callback-url', purpose: 'callback', lifetime: 'browserSession' },
  { name: 'NEXT_LOCALE', purpose: 'language', lifetime: 'oneYear' },
  { name: COOKIE_CHOICE_COOKIE, purpose: 'cookieChoice', lifetime: 'oneYear' },
] as const;

/** Whether a cookie name is one of ours (with or without next-auth's secure prefix). */
export function isNecessaryCookie(name: string): boolean {
  const bare = name.replace(/^__(Secure|Host)-/, '');
  return NECESSARY_COOKIES.some((c) => c.name === bare);
}
