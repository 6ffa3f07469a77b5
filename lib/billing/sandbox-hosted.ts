// The sandbox processor's hosted pages as request handlers, with who is asking passed in (see
// sandbox-hosted-context.ts for the live context). Every view and submission is first counted
// against a per-address limit, then the signed setup reference must be valid for this signed-in
// owner's account and browser session and unexpired (PAY-5/PAY-7): only then is a card or PayPal
// account turned into a token, so a forged or stale link stores nothing.
import { z } from 'zod';
import type { Executor } from '@/db/client';
import type { Locale } from '@/lib/i18n/config';
import { msg } from '@/lib/i18n/message-ref';
import { hitRateLimit, LIMITS } from '@/lib/rate-limit';
import { checkSetupReference, type SetupBinding } from './payment-setup';
import {
  badRequestPage,
  cardFormPage,
  htmlResponse,
  paypalApprovalPage,
  readHostedRequest,
  referenceRefusedPage,
  returnWithToken,
  tooManyRequestsPage,
  type HostedRequest,
} from './sandbox-pages';
import { validateCard, type SandboxProcessor } from './sandbox-processor';

export interface HostedPageContext {
  db: Executor;
  processor: Pick<SandboxProcessor, 'tokenizeCard' | 'approvePaypal'>;
  /** The signed-in owner's account and browser session; null when nobody is signed in. */
  binding: SetupBinding | null;
  /** The client's address, for the rate limit. */
  ip: string;
  /** The app clock. */
  at: Date;
  /** The visitor's language (cookie → Accept-Language → English); English when not given. */
  locale?: Locale;
}

/** The hosted request when it may go on, else the page that answers it. */
async function admit(req: Request, ctx: HostedPageContext): Promise<HostedRequest | Response> {
  const limit = await hitRateLimit(ctx.db, LIMITS.processorPage, ctx.ip);
  if (!limit.allowed) return htmlResponse(tooManyRequestsPage(limit.retryAfterSeconds, ctx.locale), 429, { 'retry-after': String(limit.retryAfterSeconds) });
  const hosted = await readHostedRequest(req);
  if (hosted === 'too_large') return htmlResponse(badRequestPage(ctx.locale), 413);
  if (!hosted) return htmlResponse(badRequestPage(ctx.locale), 400);
  const check = ctx.binding ? checkSetupReference(hosted.reference, ctx.binding, ctx.at) : 'invalid';
  if (check !== 'ok') return htmlResponse(referenceRefusedPage(check, ctx.locale), check === 'expired' ? 410 : 400);
  return hosted;
}

/** Admits the request, then shows the page `render` builds for it. */
async function show(req: Request, ctx: HostedPageContext, render: (hosted: HostedRequest) => string): Promise<Response> {
  const hosted = await admit(req, ctx);
  return hosted instanceof Response ? hosted : htmlResponse(render(hosted));
}

/**
 * Admits the request, then `tokenize` answers with a token, which goes back to the merchant's
 * return page, or with the page again (a field to correct).
 */
async function submit(req: Request, ctx: HostedPageContext, tokenize: (hosted: HostedRequest) => Promise<string | Response>): Promise<Response> {
  const hosted = await admit(req, ctx);
  if (hosted instanceof Response) return hosted;
  const result = await tokenize(hosted);
  return result instanceof Response ? result : returnWithToken(hosted.returnPath, result, hosted.reference);
}

export const showCardForm = (req: Request, ctx: HostedPageContext) => show(req, ctx, (hosted) => cardFormPage({ ...hosted, locale: ctx.locale }));
export const showPaypalPage = (req: Request, ctx: HostedPageContext) => show(req, ctx, (hosted) => paypalApprovalPage({ ...hosted, locale: ctx.locale }));

/** PAY-5: the card number is validated, turned into a token and dropped; only the token goes back. */
export const submitCardForm = (req: Request, ctx: HostedPageContext) =>
  submit(req, ctx, async ({ returnPath, reference, field }) => {
    const input = { holderName: field('holderName'), number: field('number'), expiry: field('expiry'), cvc: field('cvc') };
    const checked = validateCard(input, ctx.at);
    if (!checked.ok) return htmlResponse(cardFormPage({ returnPath, reference, holderName: input.holderName, expiry: input.expiry, errors: checked.errors, locale: ctx.locale }), 422);
    return ctx.processor.tokenizeCard({ digits: checked.digits, expMonth: checked.expMonth, expYear: checked.expYear, holderName: input.holderName }, reference);
  });

/** PAY-7: approving returns a billing-agreement token. */
export const approvePaypalPage = (req: Request, ctx: HostedPageContext) =>
  submit(req, ctx, async ({ returnPath, reference, field }) => {
    const email = field('email').trim();
    if (!z.email().safeParse(email).success)
      return htmlResponse(paypalApprovalPage({ returnPath, reference, email, error: msg('processor.paypal.emailError'), locale: ctx.locale }), 422);
    return ctx.processor.approvePaypal(email.toLowerCase(), reference);
  });
