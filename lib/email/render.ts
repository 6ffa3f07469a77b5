// Every email is built from the same small layout so plain-text and HTML bodies always match.
// The layout's own words (signature, the line under the button) are in the email's language.
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/translator';

export interface EmailContent {
  /** The recipient's language; the caller wrote the rest of the content in it. Default English. */
  locale?: Locale;
  subject: string;
  /** First line, e.g. "Hello Jana," */
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the body. */
  footer?: string;
}

/** Everything but the subject: what the outbox keeps to lay the HTML out later. */
export type EmailBody = Omit<EmailContent, 'subject'>;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The plain-text body: what the outbox stores and every mail client can show. */
export function renderEmailText(c: EmailBody): string {
  const t = translatorFor(c.locale ?? DEFAULT_LOCALE);
  return [
    ...(c.greeting ? [c.greeting] : []),
    ...c.paragraphs,
    ...(c.action ? [`${c.action.label}: ${c.action.url}`] : []),
    t('email.layout.signature'),
    ...(c.footer ? [`--\n${c.footer}`] : []),
  ].join('\n\n');
}

/** The HTML body, laid out from the same content as the text (at delivery, not when queued). */
export function renderEmailHtml(c: EmailBody): string {
  const t = translatorFor(c.locale ?? DEFAULT_LOCALE);
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
  return [
    `<!doctype html><html lang="${c.locale ?? DEFAULT_LOCALE}"><body style="font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5">`,
    '<div style="max-width:560px;margin:0 auto;padding:24px">',
    '<p style="font-weight:600;color:#4338ca;margin:0 0 24px">Accountdesk</p>',
    ...(c.greeting ? [p(c.greeting)] : []),
    ...c.paragraphs.map(p),
    ...(c.action
      ? [
          `<p style="margin:24px 0"><a href="${escapeHtml(c.action.url)}" style="background:#4338ca;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(c.action.label)}</a></p>`,
          `<p style="font-size:12px;color:#6b7280">${escapeHtml(t('email.layout.buttonFallback', { url: c.action.url }))}</p>`,
        ]
      : []),
    p(t('email.layout.signature')),
    // Links in the small print (a marketing email's unsubscribe link) are clickable.
    ...(c.footer ? [`<p style="font-size:12px;color:#6b7280">${escapeHtml(c.footer).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)}</p>`] : []),
    '</div></body></html>',
  ].join('');
}

export function renderEmail(c: EmailContent): RenderedEmail {
  return { subject: c.subject, text: renderEmailText(c), html: renderEmailHtml(c) };
}
