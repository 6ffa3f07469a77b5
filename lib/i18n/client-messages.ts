// Which parts of the catalogue reach the browser. next-intl's client provider serialises every
// message it is given into the page and brings the message formatter (use-intl) into the page's
// JavaScript. So the root layout provides none (the shells' client parts get their words as props
// from the server), and each layout of pages with forms hands its client components only the subtrees
// they read (`useTranslations('x.y')`, and the keys of the `msg()` references their zod schemas
// carry, translated in the browser by the form kit). A nested provider replaces its parent's
// messages, it does not add to them: each list below covers everything rendered under its layout.
// client-messages.test.ts walks the imports of every page and layout and fails when a client
// component reads a key its nearest provider does not carry.
import type { Messages } from './catalogue';

/** Dotted paths into the catalogue: a namespace (`common`) or a subtree (`privacy.cookieBanner`). */
export type MessagePaths = readonly string[];

/** The signed-in shell's client parts (navigation, "Sign out"). */
const shell = ['common'] as const;
/**
 * Every form built with the kit (components/ui/form.tsx): its buttons, its messages, and the
 * validation messages of the schemas every public form shares (e-mail, the bot check).
 */
const formKit = ['common', 'validation', 'auth.validation'] as const;

export const CLIENT_MESSAGES = {
  signup: [...formKit, 'public.signup', 'public.verifyEmail.resend', 'consents.signup'],
  login: [...formKit, 'public.login', 'public.verifyEmail.resend', 'auth.errors.login'],
  forgotPassword: [...formKit, 'public.forgotPassword'],
  resetPassword: [...formKit, 'public.resetPassword'],
  verifyEmail: [...formKit, 'public.verifyEmail.resend'],
  invitation: [...formKit, 'team.invitation', 'team.validation'],
  appsumo: [...formKit, 'deals.redeem', 'deals.validation', 'deals.import.fileTooLarge', 'public.signup', 'public.verifyEmail.resend', 'consents.signup'],
  privacyRequest: [...formKit, 'gdpr.public', 'gdpr.types', 'gdpr.validation'],
  /** "Subscribe to product news" and "Unsubscribe". */
  addresses: [...formKit, 'consents.news', 'consents.unsubscribe', 'consents.validation'],
  /**
   * The signed-in portal's layout: its shell, the kit for the banners' buttons (ACC-6 "Continue",
   * ACC-10 "End access") and the pages without forms of their own. A page with forms renders its
   * own provider (below) with the kit and its forms' words, so no page carries every form's words.
   */
  portal: [...formKit, 'standing.validation'],
  accountBilling: [...formKit, 'billing.detailsForm', 'billing.paymentForm', 'billing.vatForm', 'billing.validation'],
  accountCustomServices: [...formKit, 'customServices.errors', 'customServices.portal.detail', 'customServices.portal.form', 'customServices.validation'],
  accountInvoices: [...formKit, 'account.invoices', 'account.validation'],
  accountPlan: [...formKit, 'plans'],
  accountSecurity: [...formKit, 'account.security', 'usage.token'],
  accountStop: [...formKit, 'account.stop', 'account.validation', 'billing.validation', 'cancellations.validation'],
  accountUsers: [...formKit, 'team.page', 'team.roles', 'team.validation'],
  /** The back office: its shell and every form of its pages. */
  staff: [
    ...shell,
    ...formKit,
    'account.validation',
    'billing.validation',
    'cancellations.form',
    'cancellations.validation',
    'consents.announcements',
    'consents.validation',
    'credit.errors',
    'credit.staff',
    'customServices.errors',
    'customServices.staff.actions',
    'customServices.staff.logCard',
    'customServices.validation',
    'deals.staff',
    'deals.import.fileTooLarge',
    'deals.validation',
    'gdpr.staff.detail',
    'maintenance.staff.form',
    'maintenance.validation',
    'prices.staff.form',
    'prices.validation',
    'privacy.subProcessors',
    'staff.billing.extendTrial',
    'staff.billing.openDebt',
    'staff.endSessions',
    'staff.outboxEmail',
    'staff.validation',
    'standing',
    'terms.staff.form',
    'terms.validation',
    'usage.section',
    'usage.staff.thresholds',
    'usage.validation',
  ],
} satisfies Record<string, MessagePaths>;

export type ClientMessagesName = keyof typeof CLIENT_MESSAGES;

/** The subtrees of `messages` named by `paths` (missing paths are left out). */
export function pickMessages(messages: Messages | Record<string, unknown>, paths: MessagePaths): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const parts = path.split('.');
    let src: unknown = messages;
    for (const p of parts) src = src && typeof src === 'object' ? (src as Record<string, unknown>)[p] : undefined;
    if (src === undefined) continue;
    let dst = out;
    for (const p of parts.slice(0, -1)) {
      const next = dst[p];
      dst = (dst[p] = next && typeof next === 'object' ? next : {}) as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    const existing = dst[last];
    dst[last] = existing && typeof existing === 'object' && typeof src === 'object' ? deepMerge(existing as Record<string, unknown>, src as Record<string, unknown>) : src;
  }
  return out;
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] = cur && typeof cur === 'object' && v && typeof v === 'object' ? deepMerge(cur as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

/** Whether a key (or a key prefix ending in '.') lies inside one of the paths. */
export function covers(paths: MessagePaths, key: string): boolean {
  return paths.some((p) => key === p || key.startsWith(p + '.'));
}
