// GDPR-11: the banner, rendered on the server already open or closed from the stored choice, so
// the page does not jump when the scripts load. Its words are looked up here, on the server: the
// shells that show it load no message catalogue in the browser (lib/i18n/client-messages.ts).
import { getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import { COOKIE_CHOICE_COOKIE, COOKIE_CHOICES, parseCookieChoice, type CookieChoiceKind } from '@/lib/privacy/cookie-choice';
import { CookieBanner, CookieSettingsAnchor } from './cookie-banner';

export async function CookieConsent() {
  const [jar, t] = await Promise.all([cookies(), getTranslations('privacy.cookieBanner')]);
  const stored = parseCookieChoice(jar.get(COOKIE_CHOICE_COOKIE)?.value);
  const words = {
    label: t('label'),
    title: t('title'),
    text: t('text'),
    more: t('more'),
    necessary: t('necessary'),
    all: t('all'),
    current: Object.fromEntries(COOKIE_CHOICES.map((choice) => [choice, t('current', { choice })])) as Record<CookieChoiceKind, string>,
  };
  return <CookieBanner initialChoice={stored?.choice ?? null} words={words} />;
}

/** "Cookie settings" in every footer: reopens the banner (a link to the privacy page without scripts). */
export async function CookieSettingsLink({ className }: { className?: string }) {
  const t = await getTranslations('privacy.cookieBanner');
  return <CookieSettingsAnchor label={t('settings')} className={className} />;
}
