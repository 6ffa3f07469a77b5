// GDPR-6, GDPR-7, GDPR-9: the reviewed register of every column of every table. A column is either
// personal data — then it says how the data subject is found and what erasure does with it — or it
// is listed as reviewed non-personal. personal-data.test.ts reads the drizzle schema and fails for
// any column that is in neither list, so a new table or column cannot ship unclassified.
//
// Decisions recorded here (and why):
// - accounts.company_name and accounts.slug are KEPT: the company name is the business customer's
//   identity and appears on the invoices kept anyway; the address is reserved forever (CAN-1) so
//   no one can take over a stopped customer's address. A sole trader's company name is therefore
//   kept only as long as it is on a kept invoice (the retention sweep does not touch accounts).
// - privacy_flags.email is KEPT as a suppression record: erasing it would let marketing reach the
//   person again; keeping the bare address with the flag is the least data that honours their
//   unsubscribe, restriction or objection (Art. 17(3)(b)/21 GDPR). It is exported like the rest.
// - invoices (buyer snapshot) and invoice_lines are KEPT 10 years from issue (Slovak Accounting
//   Act 431/2002 §35, VAT Act 222/2004 §76); a database trigger refuses changes anyway.
// - custom_service_agreements approver fields are KEPT with the agreement: the customer's written
//   approval concludes the contract (CUS-4) and is the supporting document of its invoice.
// - audit_log entries are KEPT (OPS-2: append-only) but stripped: the erased users' IP addresses
//   go and any detail naming them (address or full name) is replaced; the trigger allows exactly
//   that inside an erasure (drizzle/0014_erasure_audit_strip.sql). actor_id stays, pointing at
//   the anonymised user row.
// - gdpr_requests (and their events) are KEPT after erasure as the record that the request was
//   handled (Art. 5(2), 12 GDPR); the retention sweep erases them 5 years after the request.

/** How the data subject's rows are found in a table. */
export type MatchedBy =
  | 'email' // a column holding the subject's (lower-cased) address
  | 'user' // the subject's users.id
  | 'account' // an account the subject owns
  | 'payment_method' // through the processor token of a payment method of an owned account
  | 'request'; // through a request (GDPR or custom service) of the subject

/** What erasure does with a personal column. */
export type ErasureEffect =
  | { kind: 'delete_row' }
  | { kind: 'null' }
  | { kind: 'anonymise'; with: string }
  | { kind: 'keep'; reason: KeptReason };

/** Why personal data stays after erasure; each has a sentence in messages/<locale>/erasure.json `kept`. */
export type KeptReason = 'accounting' | 'contract' | 'suppression' | 'accountability' | 'auditLog' | 'reservedAddress';

export interface PersonalColumn {
  matchedBy: MatchedBy;
  erasure: ErasureEffect;
  /** Secrets (password and token hashes, processor tokens) are never exported. */
  exported: boolean;
}

const del: ErasureEffect = { kind: 'delete_row' };
const nul: ErasureEffect = { kind: 'null' };
const keep = (reason: KeptReason): ErasureEffect => ({ kind: 'keep', reason });
const p = (matchedBy: MatchedBy, erasure: ErasureEffect, exported = true): PersonalColumn => ({ matchedBy, erasure, exported });

/** table (SQL name) → personal column (SQL name) → how it is matched, exported and erased. */
export const PERSONAL_DATA: Record<string, Record<string, PersonalColumn>> = {
  accounts: {
    company_name: p('account', keep('accounting')),
    slug: p('account', keep('reservedAddress')),
    staff_suspension_reason: p('account', nul),
    stop_reason: p('account', keep('accountability')),
  },
  users: {
    full_name: p('email', { kind: 'anonymise', with: 'Deleted user' }),
    email: p('email', nul),
    password_hash: p('email', nul, false),
    adult_confirmed_at: p('email', nul),
    last_active_at: p('email', nul),
  },
  invitations: {
    email: p('email', nul),
    token_hash: p('email', keep('accountability'), false),
  },
  sessions: {
    ip: p('user', nul),
    user_agent: p('user', nul),
  },
  email_verifications: { token_hash: p('user', del, false) },
  password_resets: { token_hash: p('user', del, false) },
  terms_acceptances: {
    ip: p('user', nul),
    user_agent: p('user', nul),
  },
  consent_records: {
    email: p('email', del),
    user_id: p('user', del),
    ip: p('email', del),
  },
  rate_limits: { key: p('email', del, false) },
  audit_log: {
    ip: p('user', nul),
    details: p('email', { kind: 'anonymise', with: '[erased]' }),
    actor_id: p('user', keep('auditLog')),
  },
  outbox: {
    to: p('email', del),
    subject: p('email', del),
    text: p('email', del),
    content: p('email', del, false),
    html: p('email', del, false),
    headers: p('email', del, false),
    last_error: p('email', del, false),
  },
  billing_profiles: {
    name: p('account', del),
    company: p('account', del),
    street: p('account', del),
    city: p('account', del),
    postal_code: p('account', del),
    region: p('account', del),
    country: p('account', del),
    invoice_email: p('account', del),
    company_id: p('account', del),
    vat_number: p('account', del),
  },
  payment_methods: {
    brand: p('account', nul),
    last4: p('account', nul),
    exp_month: p('account', nul),
    exp_year: p('account', nul),
    paypal_email: p('account', nul),
    processor_token: p('account', keep('accounting'), false),
  },
  sandbox_payment_tokens: {
    holder_name: p('payment_method', nul, false),
    paypal_email: p('payment_method', nul, false),
    last4: p('payment_method', nul, false),
    brand: p('payment_method', nul, false),
    exp_month: p('payment_method', nul, false),
    exp_year: p('payment_method', nul, false),
  },
  invoices: {
    buyer: p('account', keep('accounting')),
    note: p('account', keep('accounting')),
  },
  invoice_lines: { description: p('account', keep('accounting')) },
  deal_redemption_attempts: {
    email: p('email', nul),
    ip: p('email', nul),
  },
  email_cancellations: { requester_email: p('email', nul) },
  newsletter_subscribers: {
    email: p('email', del),
    ip: p('email', del),
    token_hash: p('email', del, false),
  },
  privacy_flags: { email: p('email', keep('suppression')) },
  gdpr_requests: {
    full_name: p('email', keep('accountability')),
    email: p('email', keep('accountability')),
    details: p('email', keep('accountability')),
    withdrawal: p('email', keep('accountability')),
    reply: p('email', keep('accountability')),
    ip: p('email', keep('accountability')),
    confirm_token_hash: p('email', keep('accountability'), false),
  },
  gdpr_request_events: { note: p('request', keep('accountability')) },
  custom_service_requests: {
    need: p('account', { kind: 'anonymise', with: '' }),
    email_text: p('account', nul),
    refusal_reason: p('account', keep('contract')),
  },
  custom_service_agreements: {
    approver_name: p('request', keep('contract')),
    approval_email_text: p('request', keep('contract')),
    agreement_text: p('request', keep('contract')),
  },
  custom_service_events: { note: p('request', nul) },
  // ACC-8: where and on what a login was used (address prefix, browser and system family).
  login_activity: {
    network: p('user', del),
    device: p('user', del),
  },
  login_sharing_flags: { evidence: p('user', { kind: 'anonymise', with: '[]' }) },
  // PLAN-6: the account's usage token is a credential: never exported, deleted with the account.
  usage_api_tokens: {
    token_hash: p('account', del, false),
    token_prefix: p('account', del, false),
  },
  // PLAN-6: the custom price and terms agreed with the customer stay with the contract.
  enterprise_agreements: { agreed_terms: p('account', keep('contract')) },
  // CAN-3: what staff noted about reaching the owner; erased with the account.
  account_contact_attempts: { notes: p('account', nul) },
  // ACC-10: the reason staff gave for opening the account is shown to the owner in the audit log
  // and kept with it (accountability for staff access).
  staff_access_grants: { reason: p('account', keep('accountability')) },
};

/**
 * Reviewed: these columns hold no personal data (ids, money, states, times, product content), or
 * only pseudonymous references to a user whose own row is anonymised on erasure.
 */
export const NON_PERSONAL: Record<string, string[]> = {
  plans: [
    'id', 'code', 'name', 'description', 'seat_price_monthly_cents', 'seat_price_yearly_cents', 'features', 'is_public', 'sort_order',
    'max_users', 'max_tickets_per_month', 'max_storage_gb',
  ],
  accounts: ['id', 'status', 'created_at', 'verified_at', 'stopped_at', 'staff_suspended_at', 'staff_suspension_ground', 'inactivity_warned_at'],
  users: ['id', 'account_id', 'role', 'locale', 'email_verified_at', 'created_at', 'deleted_at'],
  terms_versions: ['id', 'version', 'summary', 'body', 'body_nl', 'published_at', 'published_by'],
  terms_acceptances: ['id', 'user_id', 'terms_version_id', 'accepted_at', 'method'],
  email_verifications: ['user_id', 'created_at', 'expires_at', 'used_at'],
  password_resets: ['user_id', 'created_at', 'expires_at', 'used_at'],
  sessions: ['id', 'user_id', 'created_at', 'last_seen_at', 'expires_at', 'revoked_at'],
  rate_limits: ['window_start', 'count'],
  spent_challenges: ['signature', 'expires_at'],
  audit_log: ['id', 'at', 'actor_type', 'account_id', 'action', 'target'],
  outbox: ['id', 'account_id', 'kind', 'status', 'attempts', 'next_attempt_at', 'created_at', 'sent_at'],
  job_runs: ['id', 'job', 'started_at', 'finished_at', 'processed', 'error'],
  billing_profiles: ['account_id', 'vat_number_saved_at', 'updated_at'],
  subscriptions: [
    'account_id', 'plan_id', 'seats', 'interval', 'status', 'lifetime', 'trial_ends_at', 'trial_reminder_sent_at', 'period_anchor',
    'current_period_start', 'current_period_end', 'dunning_invoice_id', 'first_failure_at', 'failed_attempts', 'next_retry_at',
    'collection_lease_until', 'suspended_at', 'created_at', 'updated_at',
    'scheduled_plan_id', 'scheduled_seats', 'scheduled_interval', 'change_scheduled_at',
  ],
  payment_methods: ['id', 'account_id', 'kind', 'created_at', 'replaced_at'],
  document_counters: ['series', 'year', 'last'],
  invoices: [
    'id', 'account_id', 'kind', 'number', 'issued_at', 'reason', 'seller', 'vat_kind', 'vat_rate', 'net_cents', 'vat_cents', 'gross_cents',
    'currency', 'period_start', 'period_end', 'related_invoice_id', 'locale',
  ],
  invoice_lines: ['id', 'invoice_id', 'position', 'quantity', 'unit_price_cents', 'net_cents', 'vat_cents', 'gross_cents'],
  charges: [
    'id', 'account_id', 'invoice_id', 'payment_method_id', 'attempt', 'idempotency_key', 'amount_cents', 'status', 'processor_charge_id',
    'failure_code', 'failure_message', 'created_at',
  ],
  sandbox_payment_tokens: ['token', 'kind', 'behaviour', 'reference', 'created_at'],
  sandbox_charges: ['id', 'idempotency_key', 'token', 'amount_cents', 'status', 'failure_code', 'created_at'],
  deals: ['id', 'name', 'partner', 'price_paid_cents', 'plan_id', 'lifetime_seats', 'closes_at', 'created_at', 'updated_at'],
  deal_codes: ['id', 'deal_id', 'code', 'code_key', 'imported_at', 'account_id', 'redeemed_at', 'revoked_at'],
  deal_redemption_attempts: ['id', 'code_id', 'at', 'holding_account_id'],
  email_cancellations: ['id', 'account_id', 'received_at', 'due_at', 'recorded_by', 'recorded_at', 'carried_out_at', 'carried_out_by'],
  invitations: ['id', 'account_id', 'role', 'invited_by', 'created_at', 'expires_at', 'accepted_at', 'accepted_user_id', 'revoked_at'],
  seat_intervals: ['id', 'account_id', 'user_id', 'started_at', 'ended_at'],
  extra_seat_billings: ['account_id', 'month', 'invoice_id', 'created_at'],
  consent_records: ['id', 'purpose', 'granted', 'wording_version', 'source', 'at'],
  privacy_flags: ['unsubscribed_at', 'restricted_at', 'objected_at', 'updated_at'],
  newsletter_subscribers: ['id', 'locale', 'created_at', 'confirm_expires_at', 'confirmed_at', 'unsubscribed_at'],
  announcements: ['id', 'subject_en', 'body_en', 'subject_nl', 'body_nl', 'created_by', 'created_at', 'sent_at', 'recipients'],
  maintenance_windows: ['id', 'starts_at', 'ends_at', 'affected_en', 'affected_nl', 'created_by', 'created_at', 'cancelled_at'],
  login_activity: ['session_id', 'user_id', 'hour'],
  login_sharing_flags: ['id', 'user_id', 'account_id', 'status', 'flagged_at', 'first_seen_at', 'last_seen_at', 'days', 'decided_at', 'decided_by'],
  login_surcharges: ['id', 'account_id', 'user_id', 'flag_id', 'started_at', 'ended_at', 'created_by'],
  sub_processors: ['id', 'name', 'purpose_en', 'purpose_nl', 'country', 'website', 'sort_order', 'created_at', 'updated_at'],
  gdpr_requests: [
    'id', 'reference', 'type', 'locale', 'user_id', 'status', 'created_at', 'confirm_expires_at', 'received_at', 'due_at', 'extension_months',
    'extension_reason', 'assignee_id', 'refusal_reason', 'completed_at',
  ],
  gdpr_request_events: ['id', 'request_id', 'at', 'actor_id', 'kind', 'from_status', 'to_status'],
  custom_service_requests: [
    'id', 'reference', 'account_id', 'requested_by', 'source', 'wanted_by', 'budget_cents', 'received_at', 'status', 'requirements',
    'specification', 'price_cents', 'expected_delivery', 'proposed_at', 'delivered_at', 'invoice_id', 'created_at', 'updated_at',
  ],
  custom_service_agreements: [
    'request_id', 'requirements', 'specification', 'price_cents', 'expected_delivery', 'ip_clause', 'approved_at',
    'approval_source', 'approved_by_user_id', 'approval_received_at', 'recorded_by',
  ],
  custom_service_events: ['id', 'request_id', 'at', 'actor_id', 'from_status', 'to_status'],
  plan_price_changes: [
    'id', 'plan_id', 'old_monthly_cents', 'old_yearly_cents', 'new_monthly_cents', 'new_yearly_cents', 'effective_at', 'announced_at',
    'announced_by', 'recipients', 'withdrawn_at', 'withdrawn_by', 'applied_at',
  ],
  // PLAN-6/PLAN-7: figures and limits of a business's helpdesk (counts, not people). Usage reports
  // are deleted with the account all the same (lib/privacy/erasure.ts).
  account_limit_overrides: ['account_id', 'max_users', 'max_tickets_per_month', 'max_storage_gb', 'updated_at', 'updated_by'],
  usage_api_tokens: ['account_id', 'created_at', 'created_by', 'created_by_role', 'last_used_at'],
  usage_reports: ['id', 'account_id', 'reported_at', 'month', 'end_users', 'tickets_this_month', 'agents', 'storage_mb'],
  enterprise_thresholds: ['id', 'min_end_users', 'min_tickets_per_agent', 'updated_at', 'updated_by'],
  enterprise_agreements: ['account_id', 'marked_at', 'marked_by'],
  // INV-7/INV-8: the prepaid-credit ledger is an accounting record of the business customer (amounts,
  // the agreement's contract or order number, the documents it paid or refunded); the form asks for
  // that number, never a person's name.
  prepaid_credit_entries: [
    'id', 'account_id', 'kind', 'amount_cents', 'reference', 'agreed_on', 'invoice_id', 'refund_status', 'processor_refund_id',
    'refunded_at', 'created_by', 'created_at',
  ],
  sandbox_refunds: ['id', 'idempotency_key', 'amount_cents', 'currency', 'created_at'],
  account_contact_attempts: ['id', 'account_id', 'channel', 'ground', 'contacted_at', 'staff_user_id', 'recorded_at', 'warning_sent_at'],
  staff_access_grants: ['id', 'staff_user_id', 'session_id', 'account_id', 'started_at', 'expires_at', 'ended_at', 'last_path', 'last_view_at'],
};

/** Column names that look like personal data: they may never be reviewed as non-personal. */
export const PERSONAL_LOOKING =
  /^to$|(^|_)(email|name|ip|user_agent|agent|text|html|details|phone|address|street|city|postal|signature|note|need|reply|withdrawal|holder|buyer|description|last4|key|error)($|_)/;

/** Reviewed: names that look personal but hold product or vendor data, with the reason. */
export const LOOKS_PERSONAL_BUT_IS_NOT: Record<string, string> = {
  'plans.name': 'the plan name (Free, Pro …)',
  'plans.description': 'the plan description on /pricing',
  'deals.name': 'the name of a lifetime deal',
  'sub_processors.name': 'a company processing data for the vendor',
  'job_runs.error': 'a sweep error message; sweeps log ids, never addresses',
  'charges.failure_message': "the processor's decline message (e.g. insufficient funds)",
  'charges.idempotency_key': 'derived from the invoice id and attempt',
  'sandbox_charges.idempotency_key': 'derived from the invoice id and attempt',
  'sandbox_refunds.idempotency_key': 'derived from the credit note id',
  'deal_codes.code_key': 'the lower-cased deal code',
  'users.email_verified_at': 'when the address was confirmed; the address itself is erased',
  'spent_challenges.signature': 'the signature of a spent proof-of-work challenge',
  'custom_service_agreements.ip_clause': 'the intellectual-property clause (standard vendor wording)',
  'enterprise_thresholds.min_tickets_per_agent': 'a staff setting: tickets per helpdesk agent that make an account an enterprise candidate',
};

/** The 5-year retention after the relationship ends or from consent (GDPR-9). */
export const RETENTION_YEARS = 5;
