// What the sign-in form shows. next-auth passes the message thrown by `authenticate` through as
// `error`; this module has no server imports so the login form can compare against it. Each is a
// catalogue reference (messages/<locale>/auth.json), translated by the form in the page's language.
import { msg } from '@/lib/i18n/message-ref';

export const LOGIN_ERRORS = {
  invalid: msg('auth.errors.login.invalid'),
  throttled: msg('auth.errors.login.throttled'),
  unverified: msg('auth.errors.login.unverified'),
  stopped: msg('auth.errors.login.stopped'),
  checkRequired: msg('auth.errors.login.checkRequired'),
} as const;
