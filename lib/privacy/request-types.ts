// GDPR-3: the kinds of privacy request (a module of its own so the public request form can list
// them without pulling the request rules' date libraries into the page).
export const REQUEST_TYPES = [
  'information',
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'consent_withdrawal',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
