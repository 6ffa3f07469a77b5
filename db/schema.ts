// One drizzle schema for PGlite and PostgreSQL alike. Money is integer euro cents; every
// timestamp is timestamptz. Tables that later issues fill are added by those issues.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

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
    planId: uuid('plan_id').references(() => plans.id),
    trialEndsAt: ts('trial_ends_at'),
    createdAt: ts('created_at').notNull(),
    verifiedAt: ts('verified_at'),
    stoppedAt: ts('stopped_at'),
    stopReason: text('stop_reason'),
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
  body: text('body').notNull(),
  publishedAt: ts('published_at').notNull(),
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
  (t) => [index('terms_acceptances_user_idx').on(t.userId)],
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
    html: text('html').notNull(),
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
