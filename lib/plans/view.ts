// PLAN-1..PLAN-4: the review step as the plan page shows it — plain data, words already in the
// reader's language (plan features come from the database in English; the seeded ones are known
// to the catalogue, as on the pricing page).
import { catalogues } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/translator';
import type { Interval } from '@/lib/billing/periods';
import type { Amount, PlanQuote } from './service';
import type { Terms } from './rules';

export interface TermsView {
  planName: string;
  seats: number;
  interval: Interval;
}

export interface AmountView {
  netCents: number;
  vatCents: number;
  grossCents: number;
  treatment: 'domestic' | 'reverse_charge' | 'eu_consumer' | 'outside_eu';
  rate: number;
  country: string;
}

export interface ReviewData {
  input: { plan: string; seats: string; interval: Interval };
  /** ISO: the instant the charge now was prorated at; confirming within a while charges exactly it. */
  quotedAt: string;
  trialing: boolean;
  changesNow: boolean;
  now: TermsView;
  scheduled: TermsView | null;
  chargeNow: AmountView | null;
  currentInterval: Interval;
  /** ISO instants. */
  periodEnd: string | null;
  nextRenewalAt: string | null;
  nextRenewal: AmountView;
  renewalTerms: TermsView;
  lostFeatures: string[];
  seatsFrom: number | null;
  seatsTo: number;
  toMonthly: boolean;
  overBy: number;
  removable: string[];
  openInvitations: number;
}

const termsView = (t: Terms): TermsView => ({ planName: t.plan.name, seats: t.seats, interval: t.interval });
const amountView = (a: Amount): AmountView => ({ netCents: a.netCents, vatCents: a.vatCents, grossCents: a.grossCents, treatment: a.treatment.kind, rate: a.treatment.rate, country: a.treatment.country });

const FEATURE_KEYS = new Map(Object.entries(catalogues.en.public.pricing.features).map(([key, english]) => [english, key]));

/** A plan feature in the reader's language when the catalogue knows it, else as written. */
export function featureLabel(text: string, locale: Locale): string {
  const key = FEATURE_KEYS.get(text);
  return key ? translatorFor(locale)(`public.pricing.features.${key}`) : text;
}

export function reviewData(q: PlanQuote, input: ReviewData['input'], periodEnd: Date | null, quotedAt: Date, locale: Locale): ReviewData {
  return {
    input,
    quotedAt: quotedAt.toISOString(),
    trialing: q.trialing,
    changesNow: q.changesNow,
    now: termsView(q.now),
    scheduled: q.scheduled ? termsView(q.scheduled) : null,
    chargeNow: q.chargeNow ? amountView(q.chargeNow) : null,
    currentInterval: q.current.interval,
    periodEnd: periodEnd?.toISOString() ?? null,
    nextRenewalAt: q.nextRenewalAt?.toISOString() ?? null,
    nextRenewal: amountView(q.nextRenewal),
    renewalTerms: termsView(q.scheduled ?? q.now),
    lostFeatures: q.lostFeatures.map((f) => featureLabel(f, locale)),
    seatsFrom: q.seatsFrom,
    seatsTo: q.target.seats,
    toMonthly: q.toMonthly,
    overBy: q.overBy,
    removable: q.removable.map((p) => p.name),
    openInvitations: q.openInvitations,
  };
}
