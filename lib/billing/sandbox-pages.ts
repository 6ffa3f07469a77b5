// The sandbox processor's hosted pages (card form and PayPal approval), rendered as plain HTML by
// its own routes under /api/processor/*. They belong to the processor, not to Accountdesk: the
// card number is posted here, turned into a token, and never sent on to the app. They speak the
// visitor's language (cookie NEXT_LOCALE → Accept-Language → English), as the app's pages do.
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import { localeKit } from '@/lib/i18n/translator';
import { readFormLimited } from '@/lib/http/limited-body';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import type { CardErrors } from './sandbox-processor';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page to go back to with `params` added to its query (the path is already a same-site one). */
export function returnUrl(returnPath: string, params: Record<string, string>): string {
  const url = new URL(returnPath, 'http://return.invalid');
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return safeRedirectPath(`${url.pathname}${url.search}${url.hash}`, '/account/billing');
}

export function htmlResponse(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

/** Back to the merchant with the token the page produced. */
export function returnWithToken(returnPath: string, token: string, reference: string): Response {
  return new Response(null, { status: 303, headers: { location: returnUrl(returnPath, { token, reference }), 'cache-control': 'no-store' } });
}

export interface HostedRequest {
  returnPath: string;
  reference: string;
  /** A posted field as text ('' when absent). */
  field: (name: string) => string;
}

/** A hosted page's form has a handful of short fields; a bigger body is refused unread. */
export const MAX_HOSTED_FORM_BYTES = 16 * 1024;

/**
 * The return path and reference every hosted page carries, from the query (GET) or the form
 * (POST); 'too_large' for a posted body over MAX_HOSTED_FORM_BYTES.
 */
export async function readHostedRequest(req: Request): Promise<HostedRequest | 'too_large' | null> {
  const posted = req.method === 'POST' ? await readFormLimited(req, MAX_HOSTED_FORM_BYTES) : undefined;
  if (posted === null) return 'too_large';
  const form = posted === 'invalid' ? null : (posted ?? null);
  const query = new URL(req.url).searchParams;
  const field = (name: string) => {
    const v = form ? form.get(name) : query.get(name);
    return typeof v === 'string' ? v : '';
  };
  // `return` comes from the request: only a path on this site is kept (never //host, /\t/host, …).
  const returnPath = safeRedirectPath(field('return'));
  const reference = field('reference');
  return returnPath && reference ? { returnPath, reference, field } : null;
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f1f5f9;color:#0f172a}
main{max-width:26rem;margin:2rem auto;padding:0 1rem}.box{background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:1.5rem;box-shadow:0 1px 2px #0000000d}
.brand{display:flex;align-items:center;gap:.5rem;font-weight:700;color:#4338ca;margin-bottom:.25rem}.sandbox{font-size:.75rem;font-weight:600;background:#fef3c7;color:#92400e;border-radius:999px;padding:.1rem .5rem}
h1{font-size:1.25rem;margin:.25rem 0 .25rem}p{margin:.25rem 0 1rem;color:#475569;font-size:.9rem}
label{display:block;font-weight:600;font-size:.875rem;margin:.9rem 0 .25rem}input{width:100%;font:inherit;padding:.55rem .7rem;border:1px solid #cbd5e1;border-radius:.5rem}
input:focus{outline:2px solid #6366f1;outline-offset:1px}input[aria-invalid=true]{border-color:#dc2626}.row{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}
.err{color:#b91c1c;font-size:.85rem;margin:.25rem 0 0}.alert{background:#fef2f2;border:1px solid #fecaca;color:#991b1b;border-radius:.5rem;padding:.6rem .8rem;font-size:.9rem}
button{width:100%;margin-top:1.25rem;font:inherit;font-weight:600;padding:.65rem;border:0;border-radius:.5rem;background:#4338ca;color:#fff;cursor:pointer}button:hover{background:#3730a3}
.paypal button{background:#ffc439;color:#111}.paypal button:hover{background:#f2b600}.cancel{display:block;text-align:center;margin-top:.9rem;font-size:.9rem;color:#475569}
.hint{font-size:.8rem;color:#64748b;margin-top:1rem;border-top:1px solid #e2e8f0;padding-top:.75rem}code{font-size:.8rem}`;

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function field(id: string, label: string, opts: { value?: string; error?: string; autocomplete: string; inputmode?: string; placeholder?: string; maxlength?: number }): string {
  const err = opts.error ? `<p class="err" id="${id}-error">${esc(opts.error)}</p>` : '';
  return `<label for="${id}">${esc(label)}</label><input id="${id}" name="${id}" autocomplete="${opts.autocomplete}"${opts.inputmode ? ` inputmode="${opts.inputmode}"` : ''}${opts.placeholder ? ` placeholder="${esc(opts.placeholder)}"` : ''}${opts.maxlength ? ` maxlength="${opts.maxlength}"` : ''} value="${esc(opts.value ?? '')}" required${opts.error ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''}>${err}`;
}

type Kit = ReturnType<typeof localeKit>;

function header(k: Kit, title: string, lead: string): string {
  return `<div class="brand">SandboxPay <span class="sandbox">${esc(k.t('processor.testMode'))}</span></div><h1>${esc(title)}</h1><p>${esc(lead)}</p>`;
}

/** A translated sentence (escaped) with some of its values as trusted HTML, e.g. `<code>` test cards. */
function withHtml(k: Kit, key: string, html: Record<string, string>): string {
  const marks = Object.fromEntries(Object.keys(html).map((name, i) => [name, `\u0000${i}\u0000`]));
  let out = esc(k.t(key, marks));
  Object.values(html).forEach((h, i) => (out = out.split(`\u0000${i}\u0000`).join(h)));
  return out;
}

const backToBilling = (k: Kit) => `<a class="cancel" href="/account/billing">${esc(k.t('processor.backToBilling'))}</a>`;

export function cardFormPage(opts: { returnPath: string; reference: string; holderName?: string; expiry?: string; errors?: CardErrors; locale?: Locale }): string {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const k = localeKit(locale);
  // The errors are message references (validateCard): read in the visitor's language.
  const e = Object.fromEntries(Object.entries(opts.errors ?? {}).map(([name, m]) => [name, m ? k.text(m) : m])) as CardErrors;
  const count = Object.keys(e).length;
  const alert = count ? `<div class="alert" role="alert">${esc(k.t('processor.card.alert', { count }))}</div>` : '';
  const cancel = returnUrl(opts.returnPath, { cancelled: '1' });
  const code = (s: string) => `<code>${s}</code>`;
  return page(
    locale,
    k.t('processor.card.pageTitle'),
    `<div class="box">${header(k, k.t('processor.card.heading'), k.t('processor.card.lead'))}${alert}
<form method="post" action="/api/processor/card" novalidate>
<input type="hidden" name="return" value="${esc(opts.returnPath)}"><input type="hidden" name="reference" value="${esc(opts.reference)}">
${field('holderName', k.t('processor.card.holderName'), { value: opts.holderName, error: e.holderName, autocomplete: 'cc-name', maxlength: 200 })}
${field('number', k.t('processor.card.number'), { error: e.number, autocomplete: 'cc-number', inputmode: 'numeric', placeholder: '1234 1234 1234 1234', maxlength: 23 })}
<div class="row"><div>${field('expiry', k.t('processor.card.expiry'), { value: opts.expiry, error: e.expiry, autocomplete: 'cc-exp', inputmode: 'numeric', placeholder: k.t('processor.card.expiryPlaceholder'), maxlength: 7 })}</div>
<div>${field('cvc', k.t('processor.card.cvc'), { error: e.cvc, autocomplete: 'cc-csc', inputmode: 'numeric', placeholder: '123', maxlength: 4 })}</div></div>
<button type="submit">${esc(k.t('processor.card.submit'))}</button></form>
<a class="cancel" href="${esc(cancel)}">${esc(k.t('processor.cancel'))}</a>
<p class="hint">${withHtml(k, 'processor.card.hint', { succeeds: code('4242 4242 4242 4242'), declined: code('4000 0000 0000 0002'), insufficient: code('4000 0000 0000 9995') })}</p></div>`,
  );
}

export function paypalApprovalPage(opts: { returnPath: string; reference: string; email?: string; error?: string; locale?: Locale }): string {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const k = localeKit(locale);
  const cancel = returnUrl(opts.returnPath, { cancelled: '1' });
  return page(
    locale,
    k.t('processor.paypal.pageTitle'),
    `<div class="box paypal">${header(k, k.t('processor.paypal.heading'), k.t('processor.paypal.lead'))}
<form method="post" action="/api/processor/paypal" novalidate>
<input type="hidden" name="return" value="${esc(opts.returnPath)}"><input type="hidden" name="reference" value="${esc(opts.reference)}">
${field('email', k.t('processor.paypal.email'), { value: opts.email ?? 'sandbox-buyer@paypal.test', error: opts.error ? k.text(opts.error) : undefined, autocomplete: 'email', maxlength: 200 })}
<button type="submit">${esc(k.t('processor.paypal.submit'))}</button></form>
<a class="cancel" href="${esc(cancel)}">${esc(k.t('processor.cancel'))}</a></div>`,
  );
}

export function badRequestPage(locale: Locale = DEFAULT_LOCALE): string {
  const k = localeKit(locale);
  return page(
    locale,
    k.t('processor.unavailable.pageTitle'),
    `<div class="box">${header(k, k.t('processor.unavailable.expiredHeading'), k.t('processor.unavailable.startAgain'))}${backToBilling(k)}</div>`,
  );
}

/** The reference was not signed for this signed-in owner and browser, or its hour is over. */
export function referenceRefusedPage(check: 'invalid' | 'expired', locale: Locale = DEFAULT_LOCALE): string {
  const k = localeKit(locale);
  const expired = check === 'expired';
  return page(
    locale,
    k.t('processor.unavailable.pageTitle'),
    `<div class="box">${header(
      k,
      k.t(expired ? 'processor.unavailable.expiredHeading' : 'processor.unavailable.invalidHeading'),
      k.t(expired ? 'processor.unavailable.expiredLead' : 'processor.unavailable.invalidLead'),
    )}${backToBilling(k)}</div>`,
  );
}

/** Too many hosted pages opened or sent from one address. */
export function tooManyRequestsPage(retryAfterSeconds: number, locale: Locale = DEFAULT_LOCALE): string {
  const k = localeKit(locale);
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return page(
    locale,
    k.t('processor.tooMany.pageTitle'),
    `<div class="box">${header(k, k.t('processor.tooMany.heading'), k.t('processor.tooMany.lead', { minutes }))}${backToBilling(k)}</div>`,
  );
}
