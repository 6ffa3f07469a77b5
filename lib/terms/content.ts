// The terms of service, in Accountdesk's own words. Version 1 is seeded at first start; staff
// publish later versions from /staff/terms.
export const TERMS_V1 = {
  version: '2026-11',
  summary: 'First published version of the Accountdesk terms of service.',
  body: `TO BE WRITTEN`,
};
