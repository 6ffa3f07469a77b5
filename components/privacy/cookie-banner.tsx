'use client';
// GDPR-11: the cookie banner. A bar in the normal flow at the top of every page (no overlay, no
// modal: nothing on the page is covered or blocked). It shows until the visitor chooses; the
// choice goes into the first-party `cookie_choice` cookie for a year. "Cookie settings" in every
// footer reopens it. The app sets only necessary cookies, so nothing else waits for the answer.
// Its words come from the server (cookie-consent.tsx): the shells load no catalogue in the browser.
import { Link } from '@/components/ui/link';
import { useEffect, useRef, useState } from 'react';
import { cookieChoiceHeader, type CookieChoiceKind } from '@/lib/privacy/cookie-choice';

/** Dispatched on window by "Cookie settings" to reopen the banner. */
export const OPEN_COOKIE_SETTINGS = 'accountdesk:cookie-settings';

export function openCookieSettings() {
  window.dispatchEvent(new Event(OPEN_COOKIE_SETTINGS));
}

// Both choices look exactly alike: neither is nudged by size, colour or order of emphasis.
const choiceButton =
  'inline-flex w-full items-center justify-center rounded-md border border-brand-700 bg-white px-4 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700';

/** The banner's words in the page's language; `current` per stored choice. */
export interface CookieBannerWords {
  label: string;
  title: string;
  text: string;
  more: string;
  necessary: string;
  all: string;
  current: Record<CookieChoiceKind, string>;
}

export function CookieBanner({ initialChoice, words }: { initialChoice: CookieChoiceKind | null; words: CookieBannerWords }) {
  const [choice, setChoice] = useState<CookieChoiceKind | null>(initialChoice);
  const [open, setOpen] = useState(initialChoice === null);
  const ref = useRef<HTMLElement>(null);
  const reopened = useRef(false);

  useEffect(() => {
    const onOpen = () => {
      if (ref.current) {
        // Already showing (e.g. still unanswered): just take the visitor there.
        ref.current.scrollIntoView({ block: 'start' });
        ref.current.focus();
        return;
      }
      reopened.current = true;
      setOpen(true);
    };
    window.addEventListener(OPEN_COOKIE_SETTINGS, onOpen);
    return () => window.removeEventListener(OPEN_COOKIE_SETTINGS, onOpen);
  }, []);

  // Reopened from a footer far below: bring the banner into view and give it the focus, so
  // keyboard and screen-reader users land on it.
  useEffect(() => {
    if (open && reopened.current) {
      reopened.current = false;
      ref.current?.scrollIntoView({ block: 'start' });
      ref.current?.focus();
    }
  }, [open]);

  if (!open) return null;

  const choose = (next: CookieChoiceKind) => {
    document.cookie = cookieChoiceHeader(next, new Date(), window.location.protocol === 'https:');
    setChoice(next);
    setOpen(false);
  };

  return (
    <section ref={ref} tabIndex={-1} aria-label={words.label} className="border-b border-slate-200 bg-slate-50 focus:outline-none">
      <div className="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-3 text-sm text-slate-700 md:flex-row md:items-center md:justify-between">
        <div className="space-y-1">
          <p className="font-semibold text-slate-900">{words.title}</p>
          <p>
            {words.text} <Link href="/privacy#cookies">{words.more}</Link>
          </p>
          {choice && <p>{words.current[choice]}</p>}
        </div>
        <div className="grid shrink-0 grid-cols-2 gap-2 sm:w-96">
          <button type="button" className={choiceButton} onClick={() => choose('necessary')}>
            {words.necessary}
          </button>
          <button type="button" className={choiceButton} onClick={() => choose('all')}>
            {words.all}
          </button>
        </div>
      </div>
    </section>
  );
}

/**
 * "Cookie settings" in every footer (worded by CookieSettingsLink in cookie-consent.tsx). A real link to the privacy page's cookie section (so it works
 * before the scripts load); with scripts it reopens the banner in place.
 */
export function CookieSettingsAnchor({ label, className }: { label: string; className?: string }) {
  return (
    <a
      href="/privacy#cookies"
      // No class by default: a plain link gets the site's underline (globals.css, WCAG 1.4.1).
      className={className}
      onClick={(e) => {
        e.preventDefault();
        openCookieSettings();
      }}
    >
      {label}
    </a>
  );
}

/** The same, as a button inside the privacy page's cookie section. */
export function ChangeCookieChoiceButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={openCookieSettings} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
      {label}
    </button>
  );
}
