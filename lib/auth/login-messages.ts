// What the sign-in form shows. next-auth passes the message thrown by `authenticate` through as
// `error`; this module has no server imports so the login form can compare against it.
export const LOGIN_ERRORS = {
  invalid: 'That email and password do not match an account.',
  throttled: 'Too many sign-in attempts. Wait a few minutes and try again.',
  unverified: 'Confirm your email address first: open the link we emailed you, or ask for a new one below.',
  stopped: 'This account has been stopped and can no longer be used.',
  checkRequired:
    'After several failed sign-ins we need to check that you are human. Wait a moment while the check below runs; your sign-in is then sent again.',
} as const;
