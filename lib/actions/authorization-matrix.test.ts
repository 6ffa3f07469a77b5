// Issue 13, authorization matrix for server actions: every exported function of every 'use server'
// file × {anonymous, owner A, admin of A, agent of A, owner B, staff, staff in "Access account"
// mode on A}, each cell with its expected outcome written out below. Every call carries forged ids
// of the other account (the "victim": B for A's people and for staff, A for owner B), and every
// row of the victim's data (each table with an account or user column) is compared before and
// after the call: nothing of the victim may change, whatever the outcome.
//
// The table must list exactly the actions found on disk: a new 'use server' file or export without
// a row (or a row whose action was removed) fails the first test.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import * as schema from '@/db/schema';
import { accounts } from '@/db/schema';
import type { FormState } from '@/lib/actions';
import { createSession } from '@/lib/auth/sessions';
import { saveBillingDetails } from '@/lib/billing/profile';
import { billingDetailsSchema } from '@/lib/billing/schemas';
import { createPaidAccount, useBillingTestDb } from '@/lib/billing/test-helpers';
import { setClock } from '@/lib/clock';
import { agreementText, textDigest } from '@/lib/custom-services/agreement';
import { requestCustomService, sendProposal, startReview } from '@/lib/custom-services/service';
import { emailKit } from '@/lib/email/locale';
import { msg, translateMessage } from '@/lib/i18n/message-ref';
import { translatorFor } from '@/lib/i18n/translator';
import { startStaffAccess } from '@/lib/standing/access';
import { inviteUser } from '@/lib/team/service';
import { makeUser } from '@/lib/test-utils/factories';

// The session layer: the session cookie gives the session id of the persona this call runs as; the
// guards then resolve user and account from the sessions table as in the app. Request headers,
// cookies and the cache are Next's runtime, absent here.
const state = vi.hoisted(() => ({ sid: null as string | null, db: null as unknown, jar: new Map<string, string>(), ip: '192.0.2.44' }));

// The guards read the session id from next-auth's cookie (lib/auth/session-cookie.ts): the persona's.
vi.mock('@/lib/auth/session-cookie', async (orig) => ({ ...(await orig<typeof import('@/lib/auth/session-cookie')>()), sessionIdFromCookie: async () => state.sid ?? null }));
vi.mock('next/headers', () => ({
  // A new client address per call, so per-address rate limits of public forms never answer instead.
  headers: async () => new Headers({ 'user-agent': 'Vitest/1.0 (authorization matrix)', 'x-accountdesk-peer': state.ip }),
  cookies: async () => ({
    get: (name: string) => (state.jar.has(name) ? { name, value: state.jar.get(name)! } : undefined),
    set: (name: string, value: string) => void state.jar.set(name, value),
    delete: (name: string) => void state.jar.delete(name),
    getAll: () => [...state.jar].map(([name, value]) => ({ name, value })),
  }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock('@/db/client', async (orig) => ({ ...(await orig<typeof import('@/db/client')>()), getDb: async () => state.db }));

const env = useBillingTestDb();

// ---------------------------------------------------------------------------------------------
// Personas and outcomes

const PERSONAS = ['anonymous', 'ownerA', 'adminA', 'agentA', 'ownerB', 'staff', 'staffAccessA'] as const;
type Persona = (typeof PERSONAS)[number];

/**
 * - login: redirected to /login (no session).
 * - to-staff: staff without an "Access account" grant are sent back to /staff.
 * - denied-owner / denied-managers / denied-staff: sent to /account?denied=… (wrong role).
 * - read-only: staff in "Access account" mode: the action is refused with the read-only message.
 * - refused: the guard let the caller in, the schema accepted the form, and the service refused
 *   the forged id of the other account (a form-level refusal, never a crash).
 * - guard-passed: staff on a back-office action, sent an empty form: past the guard, stopped by
 *   the schema (staff may act on any account; the staff suites prove what each action does).
 * - public: a public form: no session needed; stopped by the bot check (no proof sent).
 * - ok: ran, on the caller's own account or own login only (the victim's rows prove it).
 */
type Outcome = 'login' | 'to-staff' | 'denied-owner' | 'denied-managers' | 'denied-staff' | 'read-only' | 'refused' | 'guard-passed' | 'public' | 'ok';

interface Fixture {
  accountId: string;
  slug: string;
  ownerId: string;
  adminId: string;
  agentId: string;
  invitationId: string;
  invoiceId: string;
  customRequestId: string;
  customDigest: string;
}

type FormFields = Record<string, string>;
interface Row {
  /** Staff-only actions get an empty form when staff call them (see 'guard-passed'). */
  staffOnly?: boolean;
  /** The form, carrying the victim's ids. */
  form?: (victim: Fixture) => FormFields;
  /** How to call a function that is not a validatedAction. */
  call?: (fn: (...args: unknown[]) => Promise<unknown>, form: FormData, fields: FormFields) => Promise<unknown>;
  expect: Record<Persona, Outcome>;
}

const STAFF_ONLY: Record<Persona, Outcome> = {
  anonymous: 'login',
  ownerA: 'denied-staff',
  adminA: 'denied-staff',
  agentA: 'denied-staff',
  ownerB: 'denied-staff',
  staff: 'guard-passed',
  staffAccessA: 'guard-passed',
};
const PUBLIC: Record<Persona, Outcome> = {
  anonymous: 'public',
  ownerA: 'public',
  adminA: 'public',
  agentA: 'public',
  ownerB: 'public',
  staff: 'public',
  staffAccessA: 'public',
};
/** Owner only; the forged id of the other account is refused. */
const OWNER_REFUSES_FORGED: Record<Persona, Outcome> = {
  anonymous: 'login',
  ownerA: 'refused',
  adminA: 'denied-owner',
  agentA: 'denied-owner',
  ownerB: 'refused',
  staff: 'to-staff',
  staffAccessA: 'read-only',
};
/** Owner only; acts on the owner's own account, whatever ids the form carries. */
const OWNER_OWN: Record<Persona, Outcome> = { ...OWNER_REFUSES_FORGED, ownerA: 'ok', ownerB: 'ok' };
/** Owner and admins (they manage users and requests); agents are sent away. */
const MANAGERS_REFUSE_FORGED: Record<Persona, Outcome> = {
  anonymous: 'login',
  ownerA: 'refused',
  adminA: 'refused',
  agentA: 'denied-managers',
  ownerB: 'refused',
  staff: 'to-staff',
  staffAccessA: 'read-only',
};
const MANAGERS_OWN: Record<Persona, Outcome> = { ...MANAGERS_REFUSE_FORGED, ownerA: 'ok', adminA: 'ok', ownerB: 'ok' };
/** Any member, on their own login. */
const MEMBER_OWN: Record<Persona, Outcome> = {
  anonymous: 'login',
  ownerA: 'ok',
  adminA: 'ok',
  agentA: 'ok',
  ownerB: 'ok',
  staff: 'to-staff',
  staffAccessA: 'read-only',
};
const EVERYONE_OWN: Record<Persona, Outcome> = {
  anonymous: 'ok',
  ownerA: 'ok',
  adminA: 'ok',
  agentA: 'ok',
  ownerB: 'ok',
  staff: 'ok',
  staffAccessA: 'ok',
};

let inviteCount = 0;
const BILLING_DETAILS: FormFields = {
  name: 'Jana Novakova', company: 'Matrix s.r.o.', street: 'Hlavná 1', city: 'Bratislava', postalCode: '811 01',
  region: 'Bratislavský kraj', country: 'SK', invoiceEmail: 'billing@matrix.test', companyId: '35 757 442',
};

// ---------------------------------------------------------------------------------------------
// The table: one row per exported server action, keyed `<file>#<export>`.

const MATRIX: Record<string, Row> = {
  // Public forms (ACC-4: bot check and rate limit before anything else).
  'app/(public)/appsumo/actions.ts#redeemAction': { expect: PUBLIC },
  'app/(public)/forgot-password/actions.ts#forgotPasswordAction': { expect: PUBLIC },
  'app/(public)/invitation/actions.ts#acceptInvitationAction': { expect: PUBLIC },
  'app/(public)/news/actions.ts#subscribeNewsAction': { expect: PUBLIC },
  'app/(public)/privacy/request/actions.ts#fileRequestAction': { expect: PUBLIC },
  'app/(public)/reset-password/actions.ts#resetPasswordAction': { expect: PUBLIC },
  'app/(public)/signup/actions.ts#signupAction': { expect: PUBLIC },
  'app/(public)/unsubscribe/actions.ts#unsubscribeAction': { expect: PUBLIC },
  'app/(public)/verify-email/actions.ts#resendVerificationAction': { expect: PUBLIC },

  // The language select: the browser's cookie and the caller's own user, never another's.
  'app/actions/language.ts#chooseLanguage': {
    form: (v) => ({ locale: 'nl', userId: v.ownerId }),
    call: (fn, form) => fn(form),
    expect: EVERYONE_OWN,
  },
  'app/actions/language.ts#adoptLanguageAfterSignIn': { call: (fn) => fn(), expect: EVERYONE_OWN },

  // The owner's portal.
  'app/account/stop/actions.ts#stopAccountAction': {
    form: (v) => ({ confirmation: `${v.slug}.accountdesk.app` }),
    expect: OWNER_REFUSES_FORGED,
  },
  'app/account/users/actions.ts#inviteUserAction': {
    form: () => ({ email: `matrix-invite-${++inviteCount}@example.test`, role: 'agent' }),
    expect: MANAGERS_OWN,
  },
  'app/account/users/actions.ts#changeRoleAction': { form: (v) => ({ userId: v.agentId, role: 'admin' }), expect: MANAGERS_REFUSE_FORGED },
  'app/account/users/actions.ts#removeUserAction': { form: (v) => ({ userId: v.adminId }), expect: MANAGERS_REFUSE_FORGED },
  'app/account/users/actions.ts#resendInvitationAction': { form: (v) => ({ invitationId: v.invitationId }), expect: MANAGERS_REFUSE_FORGED },
  'app/account/users/actions.ts#revokeInvitationAction': { form: (v) => ({ invitationId: v.invitationId }), expect: MANAGERS_REFUSE_FORGED },
  'app/account/invoices/actions.ts#requestCorrectionAction': { form: (v) => ({ invoiceId: v.invoiceId }), expect: OWNER_REFUSES_FORGED },
  'app/account/plan/actions.ts#reviewPlanChangeAction': { form: () => ({ plan: 'business', seats: '5', interval: 'monthly' }), expect: OWNER_OWN },
  // A downgrade (PLAN-4: from the next renewal), so that the next row has a change to cancel.
  'app/account/plan/actions.ts#confirmPlanChangeAction': { form: () => ({ plan: 'team', seats: '19', interval: 'monthly' }), expect: OWNER_OWN },
  'app/account/plan/actions.ts#cancelScheduledChangeAction': { expect: OWNER_OWN },
  'app/account/terms-actions.ts#acceptTermsAction': { expect: MEMBER_OWN },
  'app/account/billing/actions.ts#startPaymentSetupAction': { form: () => ({ method: 'card' }), expect: OWNER_OWN },
  'app/account/billing/actions.ts#saveBillingDetailsAction': { form: () => BILLING_DETAILS, expect: OWNER_OWN },
  'app/account/billing/actions.ts#saveVatNumberAction': { form: () => ({ vatNumber: '' }), expect: OWNER_OWN },
  'app/account/custom-services/actions.ts#requestServiceAction': { form: () => ({ need: 'A connector that syncs tickets to our ERP.' }), expect: MANAGERS_OWN },
  'app/account/custom-services/actions.ts#approveAgreementAction': {
    form: (v) => ({ requestId: v.customRequestId, fullName: 'Jana Novakova', shownDigest: v.customDigest }),
    expect: OWNER_REFUSES_FORGED,
  },
  'app/account/privacy/actions.ts#setConsentAction': { form: () => ({ purpose: 'marketing', granted: 'true' }), expect: MEMBER_OWN },
  'app/account/privacy/actions.ts#resubscribeAction': { expect: MEMBER_OWN },
  'app/account/security/actions.ts#signOutEverywhereAction': { expect: MEMBER_OWN },
  'app/account/security/actions.ts#createUsageTokenAction': { expect: OWNER_OWN },

  // The back office: staff only, on any account.
  'app/staff/accounts/[id]/actions.ts#extendTrialAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/accounts/[id]/actions.ts#retryChargeAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/accounts/[id]/actions.ts#endUserSessionsAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/accounts/[id]/credit-actions.ts#addCreditAction': {
    staffOnly: true,
    form: () => ({ amount: '1000', reference: 'forged', agreedOn: '2026-11-01' }),
    expect: STAFF_ONLY,
  },
  'app/staff/accounts/[id]/limits-actions.ts#setLimitsAction': { staffOnly: true, form: () => ({ maxUsers: '1' }), expect: STAFF_ONLY },
  'app/staff/accounts/[id]/limits-actions.ts#markEnterpriseAction': { staffOnly: true, form: () => ({ agreedTerms: 'forged terms' }), expect: STAFF_ONLY },
  'app/staff/accounts/[id]/limits-actions.ts#rotateUsageTokenAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/accounts/[id]/standing-actions.ts#recordContactAttemptAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/accounts/[id]/standing-actions.ts#suspendAccountAction': { staffOnly: true, form: () => ({ ground: 'fraud', explanation: 'forged' }), expect: STAFF_ONLY },
  'app/staff/accounts/[id]/standing-actions.ts#reactivateAccountAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/accounts/[id]/standing-actions.ts#terminateAccountAction': { staffOnly: true, form: () => ({ ground: 'fraud', explanation: 'forged' }), expect: STAFF_ONLY },
  'app/staff/accounts/[id]/standing-actions.ts#startStaffAccessAction': { staffOnly: true, form: () => ({ reason: 'Ticket #1 forged' }), expect: STAFF_ONLY },
  'app/staff/accounts/[id]/standing-actions.ts#endStaffAccessAction': {
    staffOnly: true,
    // Its schema is empty: staff end their own grant (staff without one are sent to the list).
    expect: { ...STAFF_ONLY, staff: 'ok', staffAccessA: 'ok' },
  },
  'app/staff/announcements/actions.ts#createAnnouncementAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/announcements/actions.ts#sendAnnouncementAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/cancellations/actions.ts#recordCancellationAction': { staffOnly: true, form: (v) => ({ account: v.slug, receivedAt: '2026-11-09T10:00' }), expect: STAFF_ONLY },
  'app/staff/cancellations/actions.ts#carryOutCancellationAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/custom-services/actions.ts#startReviewAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/custom-services/actions.ts#refuseAction': { staffOnly: true, form: () => ({ reason: 'Forged refusal reason.' }), expect: STAFF_ONLY },
  'app/staff/custom-services/actions.ts#sendProposalAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/custom-services/actions.ts#withdrawProposalAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/custom-services/actions.ts#recordApprovalAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/custom-services/actions.ts#startWorkAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/custom-services/actions.ts#deliverAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/custom-services/actions.ts#logEmailedRequestAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/deals/actions.ts#createDealAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/deals/actions.ts#updateDealAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/deals/actions.ts#importCodesAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/deals/actions.ts#revokeCodeAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/deals/actions.ts#suspendHolderAction': { staffOnly: true, form: () => ({ reason: 'forged' }), expect: STAFF_ONLY },
  'app/staff/enterprise/actions.ts#setThresholdsAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/gdpr/[id]/actions.ts#assignAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/gdpr/[id]/actions.ts#noteAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/gdpr/[id]/actions.ts#advanceAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/gdpr/[id]/actions.ts#decisionAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/gdpr/[id]/actions.ts#completeAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/gdpr/sub-processors/actions.ts#createSubProcessorAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/gdpr/sub-processors/actions.ts#updateSubProcessorAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/gdpr/sub-processors/actions.ts#removeSubProcessorAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/login-sharing/actions.ts#addSurchargeAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/login-sharing/actions.ts#dismissFlagAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/login-sharing/actions.ts#endSurchargeAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/maintenance/actions.ts#scheduleMaintenanceAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/maintenance/actions.ts#cancelMaintenanceAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/outbox/[id]/actions.ts#requeueAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/prices/actions.ts#schedulePriceChangeAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/prices/actions.ts#withdrawPriceChangeAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/terms/actions.ts#publishTermsAction': { staffOnly: true, expect: STAFF_ONLY },
  'app/staff/terms/actions.ts#previewTermsAction': {
    staffOnly: true,
    call: (fn, _form, fields) => fn({ bodyEn: fields.bodyEn ?? '# Terms', bodyNl: fields.bodyNl ?? '# Voorwaarden' }),
    // Not a form action: staff get the rendered preview.
    expect: { ...STAFF_ONLY, staff: 'ok', staffAccessA: 'ok' },
  },
};

// ---------------------------------------------------------------------------------------------
// What is on disk

const ROOT = path.resolve(import.meta.dirname, '../..');

function serverActionFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const text = readFileSync(full, 'utf8');
        // The directive is the file's first statement (comments may come before it).
        const code = text.replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/, '');
        if (/^['"]use server['"]/.test(code)) out.push(path.relative(ROOT, full).split(path.sep).join('/'));
      }
    }
  };
  walk(path.join(ROOT, 'app'));
  return out.sort();
}

async function actionsOnDisk(): Promise<Map<string, (...args: unknown[]) => Promise<unknown>>> {
  const found = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  for (const file of serverActionFiles()) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function') found.set(`${file}#${name}`, value as (...args: unknown[]) => Promise<unknown>);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The victim's rows

const en = (m: string) => translateMessage(translatorFor('en'), m) ?? m;
const READ_ONLY = en(msg('standing.errors.readOnly'));
const SCHEMA_REFUSED = en(msg('validation.correctHighlighted'));

const TABLES = Object.values(schema).filter((v) => is(v, PgTable)) as PgTable[];

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * One query that reads every row belonging to the account or to one of its users (each table with
 * an account column, else a user column; the accounts row itself), table by table, as text.
 */
const FINGERPRINT_SQL = (() => {
  const parts: string[] = [];
  for (const table of TABLES) {
    const name = getTableName(table);
    const cols = Object.values(getTableColumns(table)).map((c) => c.name);
    let where: string;
    if (table === accounts) where = 'id = $1';
    else if (cols.includes('account_id')) where = 'account_id = $1';
    else if (cols.includes('user_id')) where = `user_id in (select id from "users" where account_id = $1)`;
    else continue;
    parts.push(`select '${name}' as t, coalesce(string_agg(r::text, E'\\n' order by r::text), '') as rows from "${name}" r where ${where}`);
  }
  return parts.join(' union all ');
})();

/** Every row that belongs to the account or to one of its users, in a stable order. */
async function fingerprint(accountId: string): Promise<string> {
  const text = FINGERPRINT_SQL.replaceAll('$1', `'${accountId.replace(/[^0-9a-f-]/gi, '')}'::uuid`);
  const result = (await env.db.execute(sql.raw(text))) as unknown as { rows?: unknown[] } | unknown[];
  const rows = Array.isArray(result) ? result : (result.rows ?? []);
  return stable(rows);
}

// ---------------------------------------------------------------------------------------------
// Fixtures

const AT = new Date('2026-11-10T10:00:00Z');
let A: Fixture;
let B: Fixture;
let staffUserId = '';
let accessStaffUserId = '';

const PROPOSAL = {
  requirements: 'Sync tickets to our ERP every hour.',
  specification: 'A connector that pushes closed tickets to the ERP REST API with retries.',
  priceCents: 120000,
  expectedDelivery: '2026-12-20',
};

async function makeFixture(staffId: string): Promise<Fixture> {
  const { account, owner } = await createPaidAccount(env, { signedUpAt: new Date('2026-10-01T09:00:00Z'), paidAt: new Date('2026-11-01T09:00:00Z') });
  setClock(AT);
  // Room for the admin, the agent, the invitation and the invitations the matrix sends.
  await env.db.update(schema.subscriptions).set({ seats: 20 }).where(eq(schema.subscriptions.accountId, account.id));
  const admin = await makeUser(env.db, account.id, { role: 'admin' });
  const agent = await makeUser(env.db, account.id, { role: 'agent' });
  const actor = { accountId: account.id, userId: owner.id, role: 'owner' as const, ip: '192.0.2.1' };
  await inviteUser(env.db, actor, { email: `invitee-${account.slug}@example.test`, role: 'agent' }, AT, 'en');
  const [invitation] = await env.db.select().from(schema.invitations).where(eq(schema.invitations.accountId, account.id));
  const [invoice] = await env.db.select().from(schema.invoices).where(eq(schema.invoices.accountId, account.id));
  const staffActor = { type: 'staff' as const, id: staffId };
  const req = await requestCustomService(env.db, { accountId: account.id, userId: owner.id }, { need: 'We need an ERP connector for tickets.', wantedBy: null, budgetCents: null }, { type: 'owner', id: owner.id }, AT);
  await startReview(env.db, req.id, staffActor, AT);
  await sendProposal(env.db, req.id, PROPOSAL, staffActor, AT);
  const digest = textDigest(agreementText(emailKit('en'), { reference: req.reference, companyName: account.companyName, ...PROPOSAL }));
  return {
    accountId: account.id,
    slug: account.slug,
    ownerId: owner.id,
    adminId: admin.id,
    agentId: agent.id,
    invitationId: invitation.id,
    invoiceId: invoice.id,
    customRequestId: req.id,
    customDigest: digest,
  };
}

/** A fresh session for the persona (some actions end the caller's own sessions). */
async function signInAs(persona: Persona): Promise<string | null> {
  const meta = { ip: '192.0.2.44', userAgent: 'Vitest/1.0 (authorization matrix)' };
  switch (persona) {
    case 'anonymous':
      return null;
    case 'ownerA':
      return createSession(env.db, A.ownerId, meta);
    case 'adminA':
      return createSession(env.db, A.adminId, meta);
    case 'agentA':
      return createSession(env.db, A.agentId, meta);
    case 'ownerB':
      return createSession(env.db, B.ownerId, meta);
    case 'staff':
      return createSession(env.db, staffUserId, meta);
    case 'staffAccessA': {
      const sid = await createSession(env.db, accessStaffUserId, meta);
      await startStaffAccess(env.db, { accountId: A.accountId, reason: 'Ticket #4711 authorization matrix', sessionId: sid }, { type: 'staff', id: accessStaffUserId, ip: meta.ip }, AT);
      return sid;
    }
  }
}

const victimOf = (persona: Persona): Fixture => (persona === 'ownerB' ? A : B);

function forgedFields(victim: Fixture): FormFields {
  return {
    accountId: victim.accountId,
    account: victim.slug,
    slug: victim.slug,
    userId: victim.ownerId,
    invitationId: victim.invitationId,
    invoiceId: victim.invoiceId,
    requestId: victim.customRequestId,
  };
}

function classify(result: unknown): Outcome | `unexpected: ${string}` {
  const s = result as FormState<unknown> | undefined;
  if (!s || typeof s !== 'object' || !('status' in s)) return 'ok'; // not a form action: it answered
  if (s.status === 'ok') return 'ok';
  if (s.status !== 'error') return `unexpected: ${stable(s)}`;
  if (s.formError === READ_ONLY) return 'read-only';
  if (s.fieldErrors.botCheck) return 'public';
  if (s.formError === SCHEMA_REFUSED) return 'guard-passed';
  return 'refused';
}

function classifyThrown(err: unknown): Outcome | `unexpected: ${string}` {
  const digest = (err as { digest?: unknown })?.digest;
  if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) {
    const location = digest.split(';')[2] ?? '';
    if (location === '/login' || location.startsWith('/login?')) return 'login';
    if (location === '/staff') return 'to-staff';
    if (location === '/account?denied=owner') return 'denied-owner';
    if (location === '/account?denied=managers') return 'denied-managers';
    if (location === '/account?denied=staff') return 'denied-staff';
    return 'ok'; // the action ran and sent the caller on (e.g. back to the staff list)
  }
  return `unexpected: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
}

beforeAll(async () => {
  state.db = env.db;
  process.env.TEST_HOOKS = '1';
  staffUserId = (await makeUser(env.db, null, { role: 'staff', fullName: 'Petra Staff' })).id;
  accessStaffUserId = (await makeUser(env.db, null, { role: 'staff', fullName: 'Marek Staff' })).id;
  A = await makeFixture(staffUserId);
  B = await makeFixture(staffUserId);
  setClock(AT);
});
afterAll(() => {
  state.sid = null;
  setClock(null);
});

describe('authorization matrix: server actions', () => {
  test('every server action on disk has a row in the table, and every row names an action on disk', async () => {
    const onDisk = [...(await actionsOnDisk()).keys()].sort();
    const inTable = Object.keys(MATRIX).sort();
    expect({ missingRows: onDisk.filter((k) => !inTable.includes(k)), staleRows: inTable.filter((k) => !onDisk.includes(k)) }).toEqual({ missingRows: [], staleRows: [] });
    // The table covers every persona for every row.
    for (const [key, row] of Object.entries(MATRIX)) expect(Object.keys(row.expect).sort(), key).toEqual([...PERSONAS].sort());
  });

  test('the comparison sees the other account: its owner, invoice, invitation and request rows are in it, and a change shows', async () => {
    const seen = await fingerprint(B.accountId);
    for (const id of [B.ownerId, B.adminId, B.invoiceId, B.invitationId, B.customRequestId]) expect(seen).toContain(id);
    expect(seen).not.toContain(A.ownerId);
    await env.db.update(schema.users).set({ fullName: 'Changed Name' }).where(eq(schema.users.id, B.agentId));
    expect(await fingerprint(B.accountId)).not.toBe(seen);
    await env.db.update(schema.users).set({ fullName: 'Jana Novakova' }).where(eq(schema.users.id, B.agentId));
  });

  let actions: Map<string, (...args: unknown[]) => Promise<unknown>>;
  let calls = 0;
  beforeAll(async () => {
    actions = await actionsOnDisk();
  });

  test.each(Object.entries(MATRIX))('%s: each persona gets its expected outcome; forged ids of the other account change none of its rows', async (key, row) => {
    setClock(AT);
    const fn = actions.get(key);
    expect(fn, `${key} is not on disk`).toBeDefined();
    const mismatches: string[] = [];
    for (const persona of PERSONAS) {
      const victim = victimOf(persona);
      const emptyForm = row.staffOnly && (persona === 'staff' || persona === 'staffAccessA');
      const fields: FormFields = emptyForm ? {} : { ...forgedFields(victim), ...(row.form?.(victim) ?? {}) };
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      state.jar.clear();
      state.ip = `198.18.${Math.floor(calls / 250)}.${(calls % 250) + 1}`;
      calls++;
      state.sid = await signInAs(persona);
      const before = await fingerprint(victim.accountId);
      let outcome: string;
      let detail = '';
      try {
        const result = row.call ? await row.call(fn!, form, fields) : await fn!({ status: 'idle' }, form);
        outcome = classify(result);
        detail = ` (${stable(result)})`;
      } catch (err) {
        outcome = classifyThrown(err);
      } finally {
        state.sid = null;
      }
      const after = await fingerprint(victim.accountId);
      if (outcome !== row.expect[persona]) mismatches.push(`${persona}: expected ${row.expect[persona]}, got ${outcome}${detail}`);
      if (after !== before) mismatches.push(`${persona}: LEAK, the other account's rows changed`);
    }
    expect(mismatches).toEqual([]);
  });

  // The positive control: with the caller's own ids the same forms work, so each 'refused' above
  // is the other account being refused, not a form the schema or service could never accept.
  test('the forged-id actions work with the caller’s own ids (owner A on A’s agent, invitation, invoice, proposal, admin)', async () => {
    setClock(AT);
    const run = async (key: string, fields: FormFields) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      state.sid = await signInAs('ownerA');
      try {
        return await actions.get(key)!({ status: 'idle' }, form);
      } finally {
        state.sid = null;
      }
    };
    const [owner] = await env.db.select().from(schema.users).where(eq(schema.users.id, A.ownerId));
    // INV-6 corrects an invoice to the billing details saved since; A has none until now.
    await saveBillingDetails(env.db, A.accountId, billingDetailsSchema.parse(BILLING_DETAILS), { type: 'owner', id: A.ownerId });
    const cases: [string, FormFields][] = [
      ['app/account/users/actions.ts#changeRoleAction', { userId: A.agentId, role: 'admin' }],
      ['app/account/users/actions.ts#resendInvitationAction', { invitationId: A.invitationId }],
      ['app/account/users/actions.ts#revokeInvitationAction', { invitationId: A.invitationId }],
      ['app/account/invoices/actions.ts#requestCorrectionAction', { invoiceId: A.invoiceId }],
      ['app/account/custom-services/actions.ts#approveAgreementAction', { requestId: A.customRequestId, fullName: owner.fullName, shownDigest: A.customDigest }],
      ['app/account/users/actions.ts#removeUserAction', { userId: A.adminId }],
    ];
    for (const [key, fields] of cases) expect({ key, result: await run(key, fields) }).toMatchObject({ key, result: { status: 'ok' } });
  });
});
