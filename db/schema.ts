// One drizzle schema for PGlite and PostgreSQL alike. Money is integer euro cents; every
// timestamp is timestamptz. Tables that later issues fill are added by those issues.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EmailBody } from '@/lib/email/render';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** Price of one seat for one month, in cents. 0 for the free plan. */
  seatPriceMonthlyCents: integer('seat_price_monthly_cents').notNull(),
  /** Price of one seat for one year, in cents. */
  seatPriceYearlyCents: integer('seat_price_yearly_cents').notNull(),
  features: jsonb('features').$type<string[]>().notNull().default([]),
  /** Shown on /pricing; the deal-only plan is hidden there. */
  isPublic: boolean('is_public').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  /** PLAN-7: fair-use limits of the plan (the seed sets them); null = unlimited. */
  maxUsers: integer('max_users'),
  maxTicketsPerMonth: integer('max_tickets_per_month'),
  maxStorageGb: integer('max_storage_gb'),
});

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unique address `<slug>.<base domain>`; lower case, never reused (see lib/accounts/slug.ts). */
    slug: text('slug').notNull(),
    companyName: text('company_name').notNull(),
    /** pending_verification → active → suspended ↔ active → stopped */
    status: text('status', { enum: ['pending_verification', 'active', 'suspended', 'stopped'] })
      .notNull()
      .default('pending_verification'),
    createdAt: ts('created_at').notNull(),
    verifiedAt: ts('verified_at'),
    stoppedAt: ts('stopped_at'),
    stopReason: text('stop_reason'),
    /** APS-3/CAN-3: set while staff (not unpaid billing) keep the account suspended; paying does not lift it. */
    staffSuspendedAt: ts('staff_suspended_at'),
    staffSuspensionReason: text('staff_suspension_reason'),
    /** CAN-3: why staff suspended it (non_payment, abuse, terms_breach, fraud, illegal_use, deal_abuse). */
    staffSuspensionGround: text('staff_suspension_ground'),
    /** CAN-4: when the owner was warned that the inactive account will be deleted. */
    inactivityWarnedAt: ts('inactivity_warned_at'),
  },
  (t) => [
    uniqueIndex('accounts_slug_unique').on(sql`lower(${t.slug})`),
    index('accounts_status_idx').on(t.status),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** null for staff users */
    accountId: uuid('account_id').references(() => accounts.id),
    role: text('role', { enum: ['owner', 'admin', 'agent', 'staff'] }).notNull(),
    fullName: text('full_name').notNull(),
    /** The language the person reads (pages after sign-in, and every email to them). */
    locale: text('locale', { enum: ['en', 'nl'] }).notNull().default('en'),
    /** Stored lower-cased. Null once the person's data has been erased. */
    email: text('email'),
    passwordHash: text('password_hash'),
    emailVerifiedAt: ts('email_verified_at'),
    /** ACC-3: only the fact and time that the person confirmed being 18+, never the date of birth. */
    adultConfirmedAt: ts('adult_confirmed_at'),
    createdAt: ts('created_at').notNull(),
    lastActiveAt: ts('last_active_at'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email).where(sql`${t.email} is not null`),
    index('users_account_idx').on(t.accountId),
  ],
);

export const termsVersions = pgTable('terms_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  version: text('version').notNull().unique(),
  summary: text('summary').notNull(),
  /** The English text (Markdown). */
  body: text('body').notNull(),
  /** ACC-6: the same version in Dutch (Markdown); shown to Dutch readers. Null only for versions published before it existed. */
  bodyNl: text('body_nl'),
  publishedAt: ts('published_at').notNull(),
  /** The staff member who published it (null for the seeded first version). */
  publishedBy: uuid('published_by'),
});

export const termsAcceptances = pgTable(
  'terms_acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    termsVersionId: uuid('terms_version_id')
      .notNull()
      .references(() => termsVersions.id),
    acceptedAt: ts('accepted_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** 'signup' when ticked at signup, 'continued_use' for ACC-6 acceptance by use. */
    method: text('method').notNull(),
  },
  (t) => [
    index('terms_acceptances_user_idx').on(t.userId),
    // ACC-6: one acceptance per person and version (two tabs clicking "Continue" record one).
    uniqueIndex('terms_acceptances_user_version_unique').on(t.userId, t.termsVersionId),
  ],
);

export const emailVerifications = pgTable('email_verifications', {
  /** sha256 of the token sent by email; the token itself is never stored. */
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

/** ACC-9: password reset links. Only the sha256 of the emailed token is stored; one hour, one use. */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('password_resets_user_idx').on(t.userId), index('password_resets_expires_idx').on(t.expiresAt)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Fixed-window counters shared by every app instance (ACC-4, login throttling). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: ts('window_start').notNull(),
  count: integer('count').notNull(),
});

/** Proof-of-work challenges already spent, so a solved challenge is accepted once. */
export const spentChallenges = pgTable('spent_challenges', {
  signature: text('signature').primaryKey(),
  expiresAt: ts('expires_at').notNull(),
});

/** OPS-2: append-only. A trigger (see drizzle/) refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorType: text('actor_type', { enum: ['owner', 'user', 'staff', 'system', 'anonymous'] }).notNull(),
    actorId: uuid('actor_id'),
    accountId: uuid('account_id'),
    action: text('action').notNull(),
    target: text('target'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
  },
  (t) => [index('audit_account_idx').on(t.accountId, t.at), index('audit_at_idx').on(t.at)],
);

/** OPS-3: every email is written here in the transaction that caused it; a sweep delivers it. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id'),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /**
     * What the email says besides its subject (language, greeting, paragraphs, button, small
     * print). Its HTML is laid out from this when it is delivered or shown (`emailHtml`). Plain
     * json, kept as written: nothing queries inside it, so jsonb's conversion on every insert
     * would be work for nothing (bench:billing could not tell the two apart beyond its noise).
     */
    content: json('content').$type<EmailBody>(),
    /** The HTML as it was laid out when queued: only rows written before `content` existed. */
    html: text('html'),
    /** GDPR-8/10: marketing mail is refused for unsubscribed, restricted or objecting addresses. */
    kind: text('kind', { enum: ['transactional', 'marketing'] }).notNull().default('transactional'),
    /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on marketing mail. */
    headers: jsonb('headers').$type<Record<string, string>>(),
    /** queued → sent | failed (after the last retry); 'held' when no SMTP is configured. */
    status: text('status', { enum: ['queued', 'sent', 'failed', 'held'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt), index('outbox_to_idx').on(t.to)],
);

/** What each sweep did, for staff and for idempotency checks. */
export const jobRuns = pgTable('job_runs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  job: text('job').notNull(),
  startedAt: ts('started_at').notNull(),
  finishedAt: ts('finished_at'),
  processed: integer('processed').notNull().default(0),
  error: text('error'),
});

// ---------------------------------------------------------------------------------------------
// Billing (PAY, INV)

/** INV-3/INV-4: the account's current billing details; invoices keep their own snapshot. */
export const billingProfiles = pgTable('billing_profiles', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id),
  name: text('name').notNull(),
  company: text('company').notNull().default(''),
  street: text('street').notNull(),
  city: text('city').notNull(),
  postalCode: text('postal_code').notNull(),
  region: text('region').notNull().default(''),
  /** ISO 3166-1 alpha-2 */
  country: text('country').notNull(),
  invoiceEmail: text('invoice_email').notNull(),
  companyId: text('company_id').notNull().default(''),
  /** Validated (format + checksum) VAT number with its country prefix, or null. */
  vatNumber: text('vat_number'),
  vatNumberSavedAt: ts('vat_number_saved_at'),
  updatedAt: ts('updated_at').notNull(),
});

/** One subscription per account: plan, seats, interval and where it stands. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    seats: integer('seats').notNull().default(1),
    interval: text('interval', { enum: ['monthly', 'yearly'] }).notNull().default('monthly'),
    /** trialing → active ⇄ past_due → suspended → active; lifetime for deal accounts; canceled when stopped. */
    status: text('status', { enum: ['trialing', 'active', 'past_due', 'suspended', 'lifetime', 'canceled'] }).notNull(),
    /** APS-2: a lifetime deal; after its extra-seat invoice is paid it returns to 'lifetime', never to 'active'. */
    lifetime: boolean('lifetime').notNull().default(false),
    trialEndsAt: ts('trial_ends_at'),
    trialReminderSentAt: ts('trial_reminder_sent_at'),
    /** PAY-4: the start of the first paid period; every period end is counted from it (keeps the 31st). */
    periodAnchor: ts('period_anchor'),
    currentPeriodStart: ts('current_period_start'),
    currentPeriodEnd: ts('current_period_end'),
    /** PAY-8 dunning: the open renewal invoice and its retry schedule. */
    dunningInvoiceId: uuid('dunning_invoice_id'),
    firstFailureAt: ts('first_failure_at'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    nextRetryAt: ts('next_retry_at'),
    /** While set in the future, one collector (the sweep or the owner's new method) is charging the open invoice. */
    collectionLeaseUntil: ts('collection_lease_until'),
    suspendedAt: ts('suspended_at'),
    /** PLAN-3/PLAN-4: a change that takes effect at the next renewal (a downgrade, or monthly → yearly). */
    scheduledPlanId: uuid('scheduled_plan_id').references(() => plans.id),
    scheduledSeats: integer('scheduled_seats'),
    scheduledInterval: text('scheduled_interval', { enum: ['monthly', 'yearly'] }),
    changeScheduledAt: ts('change_scheduled_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('subscriptions_renewal_idx').on(t.status, t.currentPeriodEnd),
    index('subscriptions_trial_idx').on(t.status, t.trialEndsAt),
    index('subscriptions_retry_idx').on(t.status, t.nextRetryAt),
  ],
);

/** PAY-5: only the processor's token and what a person needs to recognise the method. */
export const paymentMethods = pgTable(
  'payment_methods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', { enum: ['card', 'paypal'] }).notNull(),
    processorToken: text('processor_token').notNull(),
    brand: text('brand'),
    last4: text('last4'),
    expMonth: integer('exp_month'),
    expYear: integer('exp_year'),
    paypalEmail: text('paypal_email'),
    createdAt: ts('created_at').notNull(),
    /** Set when another method replaced it; the current method has null. */
    replacedAt: ts('replaced_at'),
  },
  (t) => [index('payment_methods_account_idx').on(t.accountId)],
);

/** INV-1: per-series, per-year counters, advanced with UPDATE … RETURNING inside the issuing transaction. */
export const documentCounters = pgTable(
  'document_counters',
  {
    series: text('series', { enum: ['INV', 'CN'] }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('document_counters_pk').on(t.series, t.year)],
);

export interface PartySnapshot {
  name: string;
  company: string;
  street: string;
  city: string;
  postalCode: string;
  region: string;
  country: string;
  email: string;
  companyId: string;
  vatNumber: string | null;
}

/** Invoices and credit notes. Immutable once issued: a trigger refuses UPDATE and DELETE. */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', { enum: ['invoice', 'credit_note'] }).notNull(),
    number: text('number').notNull().unique(),
    issuedAt: ts('issued_at').notNull(),
    /** Why it was issued: first_period, renewal, upgrade, correction, extra_seats, custom_service, refund … */
    reason: text('reason').notNull(),
    seller: jsonb('seller').$type<PartySnapshot>().notNull(),
    buyer: jsonb('buyer').$type<PartySnapshot>().notNull(),
    vatKind: text('vat_kind', { enum: ['domestic', 'reverse_charge', 'eu_consumer', 'outside_eu'] }).notNull(),
    /** Percent, e.g. '23' or '25.5'. */
    vatRate: text('vat_rate').notNull(),
    netCents: integer('net_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
    grossCents: integer('gross_cents').notNull(),
    currency: text('currency').notNull().default('EUR'),
    periodStart: ts('period_start'),
    periodEnd: ts('period_end'),
    /** Credit note: the invoice it cancels. Replacement invoice: the invoice it replaces. */
    relatedInvoiceId: uuid('related_invoice_id'),
    note: text('note'),
    /** The language of the document, fixed at issue (the owner's then), so a re-download is identical. */
    locale: text('locale', { enum: ['en', 'nl'] }).notNull().default('en'),
  },
  (t) => [
    index('invoices_account_idx').on(t.accountId, t.issuedAt),
    // collectWaitingDirectInvoices looks only at directly charged invoices, a small share of all.
    index('invoices_direct_charge_idx').on(t.issuedAt).where(sql`${t.kind} = 'invoice' and ${t.reason} in ('custom_service', 'upgrade')`),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    netCents: integer('net_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
    grossCents: integer('gross_cents').notNull(),
  },
  (t) => [index('invoice_lines_invoice_idx').on(t.invoiceId)],
);

/** Every attempt to collect an invoice. The idempotency key is derived from the invoice. */
export const charges = pgTable(
  'charges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    paymentMethodId: uuid('payment_method_id').references(() => paymentMethods.id),
    attempt: integer('attempt').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    amountCents: integer('amount_cents').notNull(),
    status: text('status', { enum: ['succeeded', 'failed'] }).notNull(),
    processorChargeId: text('processor_charge_id'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('charges_invoice_idx').on(t.invoiceId)],
);

// The sandbox payment processor's own store. It stands in for an external processor: it never
// keeps a card number either, only what a real processor would return to us.
export const sandboxPaymentTokens = pgTable('sandbox_payment_tokens', {
  token: text('token').primaryKey(),
  kind: text('kind', { enum: ['card', 'paypal'] }).notNull(),
  brand: text('brand'),
  last4: text('last4'),
  expMonth: integer('exp_month'),
  expYear: integer('exp_year'),
  holderName: text('holder_name'),
  paypalEmail: text('paypal_email'),
  /** How charges on this token behave: the sandbox's test cards. */
  behaviour: text('behaviour', { enum: ['succeed', 'decline', 'insufficient_funds'] }).notNull(),
  /** The merchant's reference given to the hosted form; the token is only handed back with it. */
  reference: text('reference').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const sandboxCharges = pgTable('sandbox_charges', {
  id: text('id').primaryKey(),
  idempotencyKey: text('idempotency_key').notNull().unique(),
  token: text('token').notNull(),
  amountCents: integer('amount_cents').notNull(),
  status: text('status', { enum: ['succeeded', 'failed'] }).notNull(),
  failureCode: text('failure_code'),
  createdAt: ts('created_at').notNull(),
});

// APS-1..5: lifetime deals (AppSumo). A deal gives its plan with a fixed number of free seats for
// life; each code redeems once, for one account, and an account holds at most one code.
export const deals = pgTable('deals', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  partner: text('partner').notNull(),
  /** What the buyer paid the partner, for reporting only; never charged by us. */
  pricePaidCents: integer('price_paid_cents').notNull(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id),
  /** APS-6: the owner plus one more user. */
  lifetimeSeats: integer('lifetime_seats').notNull(),
  /** The last minute in which a code may be redeemed starts here (e.g. 30 Nov 2019 23:59 Bratislava). */
  closesAt: ts('closes_at').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const dealCodes = pgTable(
  'deal_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id),
    /** As imported, trimmed. */
    code: text('code').notNull(),
    /** Lower case: codes are unique case-insensitively, across all deals. */
    codeKey: text('code_key').notNull(),
    importedAt: ts('imported_at').notNull(),
    /** APS-3/APS-5: the account holding the code (set once; freed again only if its signup expires unverified). */
    accountId: uuid('account_id').references(() => accounts.id),
    redeemedAt: ts('redeemed_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('deal_codes_key_unique').on(t.codeKey),
    uniqueIndex('deal_codes_account_unique').on(t.accountId).where(sql`${t.accountId} is not null`),
    index('deal_codes_deal_idx').on(t.dealId, t.importedAt),
  ],
);

/** APS-3: every refused attempt to redeem a code that is already held, shown to staff. */
export const dealRedemptionAttempts = pgTable(
  'deal_redemption_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    codeId: uuid('code_id')
      .notNull()
      .references(() => dealCodes.id),
    at: ts('at').notNull(),
    ip: text('ip'),
    /** The email the visitor typed (personal data: covered by export and erasure). */
    email: text('email'),
    /** The account that held the code at the time. */
    holdingAccountId: uuid('holding_account_id').references(() => accounts.id),
  },
  (t) => [index('deal_redemption_attempts_code_idx').on(t.codeId, t.at)],
);

// ACC-7: one login per person. The owner (and admins) invite people by email; the emailed link
// (only its hash is stored) lets them set their name and password once, within 7 days.
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** Stored lower-cased; null once erased. */
    email: text('email'),
    role: text('role', { enum: ['admin', 'agent'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedUserId: uuid('accepted_user_id').references(() => users.id),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('invitations_account_idx').on(t.accountId, t.createdAt)],
);

/**
 * APS-7: who held a seat of an account when. A person gets a row when their login becomes active
 * (the owner at signup, others on accepting) and it is closed when they are removed; being added
 * again opens a new row, so extra users are billed for exactly the days they existed.
 */
export const seatIntervals = pgTable(
  'seat_intervals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
  },
  (t) => [
    index('seat_intervals_account_idx').on(t.accountId, t.startedAt),
    uniqueIndex('seat_intervals_open_unique').on(t.userId).where(sql`${t.endedAt} is null`),
  ],
);

/** APS-7: one row per deal account and billed month (Bratislava), so the monthly sweep bills each month once. */
export const extraSeatBillings = pgTable(
  'extra_seat_billings',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** YYYY-MM */
    month: text('month').notNull(),
    /** Null when the month had no extra users. */
    invoiceId: uuid('invoice_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.month] })],
);

// ---------------------------------------------------------------------------------------------
// GDPR: consents, flags, the product-news list, announcements, sub-processors and requests.

/**
 * GDPR-2: consent per purpose as an append-only history: every give and every withdrawal is a
 * row (purpose, wording version, time, source); the newest row per subject and purpose is the
 * current state. A person with a login is keyed by user, a product-news subscriber by email.
 */
export const consentRecords = pgTable(
  'consent_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id),
    /** Lower-cased; null once erased. */
    email: text('email'),
    purpose: text('purpose', { enum: ['marketing', 'customer_service'] }).notNull(),
    granted: boolean('granted').notNull(),
    /** The version of the consent wording the person saw (see lib/privacy). */
    wordingVersion: text('wording_version').notNull(),
    /** signup, appsumo, portal, newsletter, privacy_request, retention … */
    source: text('source').notNull(),
    at: ts('at').notNull(),
    ip: text('ip'),
  },
  (t) => [index('consent_records_user_idx').on(t.userId, t.purpose, t.at), index('consent_records_email_idx').on(t.email)],
);

/** GDPR-8, GDPR-10: per address, whether it unsubscribed, asked for restriction or objected. */
export const privacyFlags = pgTable('privacy_flags', {
  /** Lower-cased. */
  email: text('email').primaryKey(),
  unsubscribedAt: ts('unsubscribed_at'),
  restrictedAt: ts('restricted_at'),
  objectedAt: ts('objected_at'),
  updatedAt: ts('updated_at').notNull(),
});

/** GDPR-10: "product news" for people without a login, by double opt-in. */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased; null once erased. */
    email: text('email'),
    locale: text('locale', { enum: ['en', 'nl'] }).notNull().default('en'),
    /** Hash of the confirmation link's token. */
    tokenHash: text('token_hash').unique(),
    createdAt: ts('created_at').notNull(),
    confirmExpiresAt: ts('confirm_expires_at').notNull(),
    confirmedAt: ts('confirmed_at'),
    unsubscribedAt: ts('unsubscribed_at'),
    ip: text('ip'),
  },
  (t) => [uniqueIndex('newsletter_subscribers_email_unique').on(t.email).where(sql`${t.email} is not null`)],
);

/** GDPR-10: marketing mail written by staff in both languages and sent through the outbox. */
export const announcements = pgTable('announcements', {
  id: uuid('id').primaryKey().defaultRandom(),
  subjectEn: text('subject_en').notNull(),
  bodyEn: text('body_en').notNull(),
  subjectNl: text('subject_nl').notNull(),
  bodyNl: text('body_nl').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull(),
  sentAt: ts('sent_at'),
  recipients: integer('recipients'),
});

/** GDPR-1: the sub-processors listed live on /privacy, managed by staff. */
export const subProcessors = pgTable('sub_processors', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  purposeEn: text('purpose_en').notNull(),
  purposeNl: text('purpose_nl').notNull(),
  /** ISO country code where the data is processed. */
  country: text('country').notNull(),
  website: text('website'),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * GDPR-3..5: a data subject's request. It enters the staff queue only once the requester has
 * confirmed their email (GDPR-4); unconfirmed ones expire after 7 days. Due = received + one
 * calendar month (Bratislava), plus up to two months of extension with a reason.
 */
export const gdprRequests = pgTable(
  'gdpr_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Public reference, e.g. PR-2026-000123. */
    reference: text('reference').notNull().unique(),
    type: text('type', {
      enum: ['information', 'access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'consent_withdrawal'],
    }).notNull(),
    /** Personal data of the requester; nulled when the request itself is erased. */
    fullName: text('full_name'),
    /** Lower-cased. */
    email: text('email'),
    details: text('details'),
    /** GDPR-3: a consent withdrawal's company, subject, controller, written request and typed signature. */
    withdrawal: jsonb('withdrawal').$type<{ company: string; subject: string; controller: string; request: string; signature: string; signedAt: string }>(),
    locale: text('locale', { enum: ['en', 'nl'] }).notNull().default('en'),
    /** Set when filed from the portal (the signed-in user). */
    userId: uuid('user_id').references(() => users.id),
    status: text('status', { enum: ['unconfirmed', 'expired', 'received', 'verified', 'in_progress', 'completed', 'refused'] })
      .notNull()
      .default('unconfirmed'),
    /** Hash of the emailed confirmation token (GDPR-4). */
    confirmTokenHash: text('confirm_token_hash').unique(),
    createdAt: ts('created_at').notNull(),
    confirmExpiresAt: ts('confirm_expires_at').notNull(),
    /** When the confirmed request entered the queue: the one-month clock starts here. */
    receivedAt: ts('received_at'),
    dueAt: ts('due_at'),
    extensionMonths: integer('extension_months').notNull().default(0),
    extensionReason: text('extension_reason'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    refusalReason: text('refusal_reason'),
    completedAt: ts('completed_at'),
    /** The reply sent on completion (for erasure: what was kept and why). */
    reply: text('reply'),
    ip: text('ip'),
  },
  (t) => [index('gdpr_requests_queue_idx').on(t.status, t.dueAt), index('gdpr_requests_email_idx').on(t.email)],
);

/** GDPR-5: status history, assignments, internal notes, extensions and exports of a request. */
export const gdprRequestEvents = pgTable(
  'gdpr_request_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => gdprRequests.id),
    at: ts('at').notNull(),
    /** Staff user, or null for the requester / the system. */
    actorId: uuid('actor_id').references(() => users.id),
    kind: text('kind', { enum: ['status', 'note', 'assigned', 'extended', 'exported'] }).notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
  },
  (t) => [index('gdpr_request_events_request_idx').on(t.requestId, t.at)],
);

// ---------------------------------------------------------------------------------------------
// CUS: custom-service requests and their agreements.

/**
 * CUS-1..5: a custom-service request and its way through
 * requested → in review → refused | proposed → approved → in progress → delivered.
 * The proposal's terms live here while staff draft them; once approved they are copied into
 * customServiceAgreements, which is never updated.
 */
export const customServiceRequests = pgTable(
  'custom_service_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Public reference, e.g. CS-2026-000012. */
    reference: text('reference').notNull().unique(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** The member who asked in the portal; null when staff logged an emailed request. */
    requestedBy: uuid('requested_by').references(() => users.id),
    source: text('source', { enum: ['portal', 'email'] }).notNull(),
    need: text('need').notNull(),
    /** YYYY-MM-DD, optional. */
    wantedBy: text('wanted_by'),
    budgetCents: integer('budget_cents'),
    /** An emailed request as staff pasted it. */
    emailText: text('email_text'),
    receivedAt: ts('received_at').notNull(),
    status: text('status', { enum: ['requested', 'in_review', 'refused', 'proposed', 'approved', 'in_progress', 'delivered'] })
      .notNull()
      .default('requested'),
    refusalReason: text('refusal_reason'),
    requirements: text('requirements'),
    specification: text('specification'),
    priceCents: integer('price_cents'),
    /** YYYY-MM-DD */
    expectedDelivery: text('expected_delivery'),
    proposedAt: ts('proposed_at'),
    deliveredAt: ts('delivered_at'),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('custom_service_requests_account_idx').on(t.accountId, t.createdAt), index('custom_service_requests_status_idx').on(t.status, t.receivedAt)],
);

/** CUS-4: the approved agreement, frozen: inserted once on approval and never updated. */
export const customServiceAgreements = pgTable('custom_service_agreements', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => customServiceRequests.id),
  requirements: text('requirements').notNull(),
  specification: text('specification').notNull(),
  priceCents: integer('price_cents').notNull(),
  expectedDelivery: text('expected_delivery').notNull(),
  /** CUS-3: the intellectual-property clause as shown to the customer. */
  ipClause: text('ip_clause').notNull(),
  /** The whole agreement text the customer approved, as shown. */
  agreementText: text('agreement_text').notNull(),
  approvedAt: ts('approved_at').notNull(),
  approvalSource: text('approval_source', { enum: ['portal', 'email'] }).notNull(),
  /** Portal: the full name the owner typed; email: the sender's name. */
  approverName: text('approver_name'),
  approvedByUserId: uuid('approved_by_user_id').references(() => users.id),
  /** Email approval: the pasted email and when it arrived. */
  approvalEmailText: text('approval_email_text'),
  approvalReceivedAt: ts('approval_received_at'),
  /** The staff member who recorded an emailed approval. */
  recordedBy: uuid('recorded_by').references(() => users.id),
});

/** CUS-5: the status history of a custom-service request. */
export const customServiceEvents = pgTable(
  'custom_service_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => customServiceRequests.id),
    at: ts('at').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
  },
  (t) => [index('custom_service_events_request_idx').on(t.requestId, t.at)],
);

/** OPS-1: planned downtime, announced on /status and as a portal banner from 7 days before. */
export const maintenanceWindows = pgTable(
  'maintenance_windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    /** What is affected, in each language the product speaks. */
    affectedEn: text('affected_en').notNull(),
    affectedNl: text('affected_nl').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    /** A window called off before it began stays listed as cancelled. */
    cancelledAt: ts('cancelled_at'),
  },
  (t) => [index('maintenance_windows_ends_idx').on(t.endsAt)],
);

/**
 * CAN-2: a cancellation that reached support by email. Staff record it with the time it arrived;
 * it is due one Slovak business day later and carried out with the same code as "Stop account".
 */
export const emailCancellations = pgTable(
  'email_cancellations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** Who wrote in (lower-cased); emailed on completion. Null once erased. */
    requesterEmail: text('requester_email'),
    receivedAt: ts('received_at').notNull(),
    dueAt: ts('due_at').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
    carriedOutAt: ts('carried_out_at'),
    carriedOutBy: uuid('carried_out_by').references(() => users.id),
  },
  (t) => [
    index('email_cancellations_due_idx').on(t.carriedOutAt, t.dueAt),
    // One open cancellation per account: a second email about the same account is the same request.
    uniqueIndex('email_cancellations_open_unique').on(t.accountId).where(sql`${t.carriedOutAt} is null`),
  ],
);

/**
 * PLAN-5: a new per-seat price for a plan, announced to the affected owners at least 30 days
 * before it takes effect (00:00 Bratislava on its effective day). The old prices are kept as they
 * were when announced; a change is either withdrawn before its day or applied to `plans` on it.
 */
export const planPriceChanges = pgTable(
  'plan_price_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    oldMonthlyCents: integer('old_monthly_cents').notNull(),
    oldYearlyCents: integer('old_yearly_cents').notNull(),
    newMonthlyCents: integer('new_monthly_cents').notNull(),
    newYearlyCents: integer('new_yearly_cents').notNull(),
    effectiveAt: ts('effective_at').notNull(),
    announcedAt: ts('announced_at').notNull(),
    announcedBy: uuid('announced_by').references(() => users.id),
    /** How many owners were emailed at announcement. */
    recipients: integer('recipients').notNull().default(0),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    appliedAt: ts('applied_at'),
  },
  (t) => [
    index('plan_price_changes_due_idx').on(t.appliedAt, t.effectiveAt),
    // One scheduled change per plan at a time, so each change's old price is the price it replaces.
    uniqueIndex('plan_price_changes_pending_unique').on(t.planId).where(sql`${t.withdrawnAt} is null and ${t.appliedAt} is null`),
  ],
);

/**
 * ACC-8: when and from where a session was used, one row per session per hour (written at most once
 * an hour per session, like CAN-4's activity). `network` is the address's /24 (IPv4) or /48 (IPv6)
 * prefix, `device` the browser and operating system family. Pruned after the detection window.
 */
export const loginActivity = pgTable(
  'login_activity',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The start of the hour (UTC) the session was used in. */
    hour: ts('hour').notNull(),
    network: text('network').notNull(),
    device: text('device').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.hour] }), index('login_activity_user_hour_idx').on(t.userId, t.hour), index('login_activity_hour_idx').on(t.hour)],
);

/**
 * ACC-8: a login flagged for sharing, once per login. The evidence (the overlapping hours with their
 * networks and devices) is what staff decide on; a dismissed flag stays dismissed.
 */
export const loginSharingFlags = pgTable(
  'login_sharing_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status', { enum: ['open', 'surcharged', 'dismissed'] }).notNull().default('open'),
    flaggedAt: ts('flagged_at').notNull(),
    /** The first and last overlapping hour found. */
    firstSeenAt: ts('first_seen_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    /** Distinct (Bratislava) days with overlapping use from different devices and networks. */
    days: integer('days').notNull(),
    /** The overlapping hours: [{ hour, networks[], devices[] }]. Emptied when the user is erased. */
    evidence: jsonb('evidence').$type<{ hour: string; networks: string[]; devices: string[] }[]>().notNull(),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
  },
  (t) => [uniqueIndex('login_sharing_flags_user_unique').on(t.userId), index('login_sharing_flags_status_idx').on(t.status)],
);

/**
 * ACC-8: the monthly surcharge for a shared login: one seat at the account's plan price per month,
 * priced when each renewal invoice is issued (so a price change applies to it like to the seats).
 */
export const loginSurcharges = pgTable(
  'login_surcharges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    flagId: uuid('flag_id')
      .notNull()
      .references(() => loginSharingFlags.id),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('login_surcharges_account_idx').on(t.accountId),
    // One running surcharge per login.
    uniqueIndex('login_surcharges_active_unique').on(t.userId).where(sql`${t.endedAt} is null`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Usage and fair use (PLAN-6, PLAN-7)

/**
 * PLAN-7: staff's per-account fair-use limits. A null column means the plan's limit applies
 * (effective limit = override ?? plan). Changed without notice; every change is audited.
 */
export const accountLimitOverrides = pgTable('account_limit_overrides', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id),
  maxUsers: integer('max_users'),
  maxTicketsPerMonth: integer('max_tickets_per_month'),
  maxStorageGb: integer('max_storage_gb'),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * PLAN-6: the one bearer token with which an account's helpdesk reports usage. Only the sha-256
 * of the token is stored; its first characters (the prefix) are kept to recognise it and to find
 * the row. Rotating replaces the row's hash, so the old token stops working at once.
 */
export const usageApiTokens = pgTable(
  'usage_api_tokens',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id),
    tokenHash: text('token_hash').notNull(),
    tokenPrefix: text('token_prefix').notNull(),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    /** 'owner' when the owner created it (and saw it once); 'staff' when staff replaced it (nobody saw it). */
    createdByRole: text('created_by_role', { enum: ['owner', 'staff'] }).notNull(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [uniqueIndex('usage_api_tokens_hash_unique').on(t.tokenHash), index('usage_api_tokens_prefix_idx').on(t.tokenPrefix)],
);

/** PLAN-6: what an account's helpdesk reported through POST /api/usage. */
export const usageReports = pgTable(
  'usage_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    reportedAt: ts('reported_at').notNull(),
    /** The calendar month the figures belong to, 'YYYY-MM' (Bratislava time when not reported). */
    month: text('month').notNull(),
    endUsers: integer('end_users').notNull(),
    ticketsThisMonth: integer('tickets_this_month').notNull(),
    /** Agents as the helpdesk counts them; when absent the account's active users are used. */
    agents: integer('agents'),
    storageMb: integer('storage_mb'),
  },
  (t) => [index('usage_reports_account_idx').on(t.accountId, t.reportedAt)],
);

/** PLAN-6: the thresholds above which an account is an enterprise candidate; one row, edited by staff. */
export const enterpriseThresholds = pgTable('enterprise_thresholds', {
  id: text('id').primaryKey().default('default'),
  minEndUsers: integer('min_end_users').notNull(),
  minTicketsPerAgent: integer('min_tickets_per_agent').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** PLAN-6: an account staff marked as enterprise, with the custom price and terms agreed. */
export const enterpriseAgreements = pgTable('enterprise_agreements', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id),
  agreedTerms: text('agreed_terms').notNull(),
  markedAt: ts('marked_at').notNull(),
  markedBy: uuid('marked_by').references(() => users.id),
});

/**
 * INV-7, INV-8: the prepaid-credit ledger of an account. The balance is the sum of amount_cents:
 * staff add credit agreed with the customer (positive), renewals consume it (negative, with the
 * invoice paid), and stopping the account refunds the remainder minus the cancellation fee
 * (negative 'refunded' with its credit note, negative 'forfeited' for the fee).
 */
export const prepaidCreditEntries = pgTable(
  'prepaid_credit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    kind: text('kind', { enum: ['added', 'consumed', 'refunded', 'forfeited'] }).notNull(),
    /** Signed: positive when credit is added, negative when it is used up, refunded or kept as the fee. */
    amountCents: integer('amount_cents').notNull(),
    /** The agreement's reference (contract or order number) for added credit. */
    reference: text('reference'),
    /** The Bratislava day the credit was agreed with the customer, YYYY-MM-DD. */
    agreedOn: text('agreed_on'),
    /** The invoice paid from credit ('consumed') or the credit note of a refund ('refunded', 'forfeited'). */
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    /** A refund is made through the processor after its credit note commits: pending until it answered. */
    refundStatus: text('refund_status', { enum: ['pending', 'refunded'] }),
    processorRefundId: text('processor_refund_id'),
    refundedAt: ts('refunded_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('prepaid_credit_entries_account_idx').on(t.accountId),
    // An invoice is paid from credit once, and a credit note refunds once.
    uniqueIndex('prepaid_credit_entries_invoice_unique').on(t.invoiceId, t.kind),
    index('prepaid_credit_entries_pending_refund_idx').on(t.refundStatus).where(sql`${t.refundStatus} = 'pending'`),
  ],
);

/** INV-8: the sandbox processor's refunds, one per idempotency key. */
export const sandboxRefunds = pgTable('sandbox_refunds', {
  id: text('id').primaryKey(),
  idempotencyKey: text('idempotency_key').notNull().unique(),
  amountCents: integer('amount_cents').notNull(),
  currency: text('currency').notNull(),
  createdAt: ts('created_at').notNull(),
});

/**
 * CAN-3: staff tried to reach the owner (by email or phone) before suspending the account; the
 * system's warning email goes out with the record. A suspension on a ground other than fraud or
 * illegal use is refused until one exists since the last reactivation.
 */
export const accountContactAttempts = pgTable(
  'account_contact_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    channel: text('channel', { enum: ['email', 'phone'] }).notNull(),
    /** The ground the warning names (see lib/accounts/standing-rules.ts). */
    ground: text('ground').notNull(),
    contactedAt: ts('contacted_at').notNull(),
    /** What staff said or heard; null once the account is erased. */
    notes: text('notes'),
    staffUserId: uuid('staff_user_id').references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
    /** When the warning email was queued with this record. */
    warningSentAt: ts('warning_sent_at'),
  },
  (t) => [index('account_contact_attempts_account_idx').on(t.accountId, t.recordedAt)],
);

/**
 * ACC-10: a staff member opened a customer's portal with a stated reason. Tied to the staff
 * session that started it; gives read-only access until it expires or is ended.
 */
export const staffAccessGrants = pgTable(
  'staff_access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => users.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    reason: text('reason').notNull(),
    startedAt: ts('started_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    endedAt: ts('ended_at'),
    /** The last page written to the audit log, so one view is one entry. */
    lastPath: text('last_path'),
    lastViewAt: ts('last_view_at'),
  },
  (t) => [
    index('staff_access_grants_session_idx').on(t.sessionId),
    // One open grant per staff session.
    uniqueIndex('staff_access_grants_open_unique').on(t.sessionId).where(sql`${t.endedAt} is null`),
  ],
);
