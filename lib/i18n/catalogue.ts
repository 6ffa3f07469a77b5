// Every word a person reads, per language. One JSON file per namespace and language under
// messages/<locale>/; both languages have the same keys (messages.test.ts checks it).
import enAccount from '@/messages/en/account.json';
import enAudit from '@/messages/en/audit.json';
import enAuth from '@/messages/en/auth.json';
import enBilling from '@/messages/en/billing.json';
import enCancellations from '@/messages/en/cancellations.json';
import enCommon from '@/messages/en/common.json';
import enCustomServices from '@/messages/en/customServices.json';
import enConsents from '@/messages/en/consents.json';
import enDeals from '@/messages/en/deals.json';
import enEmail from '@/messages/en/email.json';
import enMaintenance from '@/messages/en/maintenance.json';
import enPrices from '@/messages/en/prices.json';
import enErasure from '@/messages/en/erasure.json';
import enGdpr from '@/messages/en/gdpr.json';
import enPdf from '@/messages/en/pdf.json';
import enProcessor from '@/messages/en/processor.json';
import enPlans from '@/messages/en/plans.json';
import enPrivacy from '@/messages/en/privacy.json';
import enPublic from '@/messages/en/public.json';
import enStaff from '@/messages/en/staff.json';
import enTeam from '@/messages/en/team.json';
import enUsage from '@/messages/en/usage.json';
import enValidation from '@/messages/en/validation.json';
import enTerms from '@/messages/en/terms.json';
import enLoginSharing from '@/messages/en/loginSharing.json';
import enCredit from '@/messages/en/credit.json';
import enStanding from '@/messages/en/standing.json';
import nlAccount from '@/messages/nl/account.json';
import nlAudit from '@/messages/nl/audit.json';
import nlAuth from '@/messages/nl/auth.json';
import nlBilling from '@/messages/nl/billing.json';
import nlCancellations from '@/messages/nl/cancellations.json';
import nlCommon from '@/messages/nl/common.json';
import nlCustomServices from '@/messages/nl/customServices.json';
import nlConsents from '@/messages/nl/consents.json';
import nlDeals from '@/messages/nl/deals.json';
import nlEmail from '@/messages/nl/email.json';
import nlMaintenance from '@/messages/nl/maintenance.json';
import nlPrices from '@/messages/nl/prices.json';
import nlErasure from '@/messages/nl/erasure.json';
import nlGdpr from '@/messages/nl/gdpr.json';
import nlPdf from '@/messages/nl/pdf.json';
import nlProcessor from '@/messages/nl/processor.json';
import nlPlans from '@/messages/nl/plans.json';
import nlPrivacy from '@/messages/nl/privacy.json';
import nlPublic from '@/messages/nl/public.json';
import nlStaff from '@/messages/nl/staff.json';
import nlTeam from '@/messages/nl/team.json';
import nlUsage from '@/messages/nl/usage.json';
import nlValidation from '@/messages/nl/validation.json';
import nlTerms from '@/messages/nl/terms.json';
import nlLoginSharing from '@/messages/nl/loginSharing.json';
import nlCredit from '@/messages/nl/credit.json';
import nlStanding from '@/messages/nl/standing.json';
import type { Locale } from './config';

const en = {
  common: enCommon,
  validation: enValidation,
  public: enPublic,
  auth: enAuth,
  account: enAccount,
  billing: enBilling,
  staff: enStaff,
  audit: enAudit,
  deals: enDeals,
  cancellations: enCancellations,
  maintenance: enMaintenance,
  team: enTeam,
  email: enEmail,
  pdf: enPdf,
  processor: enProcessor,
  customServices: enCustomServices,
  erasure: enErasure,
  consents: enConsents,
  privacy: enPrivacy,
  gdpr: enGdpr,
  plans: enPlans,
  prices: enPrices,
  terms: enTerms,
  loginSharing: enLoginSharing,
  usage: enUsage,
  credit: enCredit,
  standing: enStanding,
};

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = {
  en,
  nl: {
    common: nlCommon,
    validation: nlValidation,
    public: nlPublic,
    auth: nlAuth,
    account: nlAccount,
    billing: nlBilling,
    staff: nlStaff,
    audit: nlAudit,
    deals: nlDeals,
  cancellations: nlCancellations,
  maintenance: nlMaintenance,
    team: nlTeam,
    email: nlEmail,
    pdf: nlPdf,
    processor: nlProcessor,
    customServices: nlCustomServices,
    erasure: nlErasure,
    consents: nlConsents,
    privacy: nlPrivacy,
    gdpr: nlGdpr,
    plans: nlPlans,
    prices: nlPrices,
    terms: nlTerms,
    loginSharing: nlLoginSharing,
    usage: nlUsage,
    credit: nlCredit,
    standing: nlStanding,
  } as Messages,
};

/** The namespaces, as files under messages/<locale>/. */
export const NAMESPACES = Object.keys(en) as (keyof Messages)[];
