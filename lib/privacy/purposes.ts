// GDPR-2: the consent purposes and the versions of their wording. No server imports: the browser's
// form schemas read these too.

export const CONSENT_PURPOSES = ['marketing', 'customer_service'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * The version of the wording each purpose's checkbox and button show. A record keeps the version
 * the person saw; when the wording (messages/<locale>/consents.json `purposes.*`) changes in
 * meaning, bump the version here.
 */
export const CONSENT_WORDING: Record<ConsentPurpose, string> = {
  marketing: 'marketing-2026-11',
  customer_service: 'customer-service-2026-11',
};
/** The product-news subscription form's wording (non-customers, GDPR-10). */
export const NEWSLETTER_WORDING = 'product-news-2026-11';

export type ConsentSource = 'signup' | 'appsumo' | 'portal' | 'newsletter' | 'unsubscribe';
