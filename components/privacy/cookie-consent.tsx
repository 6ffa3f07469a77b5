// GDPR-11: the banner, rendered on the server already open or closed from the stored choice, so
// the page does not jump when the scripts load.
import { cookies } from 'next/headers';
import { COOKIE_CHOICE_COOKIE, parseCookieChoice } from '@/lib/privacy/cookie-choice';
import { CookieBanner } from './cookie-banner';

export async function CookieConsent() {
  const stored = parseCookieChoice((await cookies()).get(COOKIE_CHOICE_COOKIE)?.value);
  return <CookieBanner initialChoice={stored?.choice ?? null} />;
}
