// Idempotent seed: plans, the first terms version and the staff login. Runs on every start.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from './client';
import { deals, plans, termsVersions, users } from './schema';
import { hashPassword } from '@/lib/auth/password';
import { now } from '@/lib/clock';
import { TERMS_V1, TERMS_V1_NL } from '@/lib/terms/content';

export const DEV_STAFF = { email: 'staff@accountdesk.test', password: 'staff-password-2026' };

export function seedStaffLogin(): { email: string; password: string } | null {
  const email = process.env.SEED_STAFF_EMAIL;
  const password = process.env.SEED_STAFF_PASSWORD;
  if (email && password) return { email, password };
  if (process.env.NODE_ENV !== 'production') return DEV_STAFF;
  return null;
}

export const SEED_PLANS = [
  {
    code: 'free',
    maxUsers: 1,
    maxTicketsPerMonth: 100,
    maxStorageGb: 1,
    name: 'Free',
    description: 'For a single agent trying things out, within fair-use limits.',
    seatPriceMonthlyCents: 0,
    seatPriceYearlyCents: 0,
    features: ['1 agent', 'Email ticketing', 'Live chat widget', 'Fair-use limits'],
    isPublic: true,
    sortOrder: 0,
  },
  {
    code: 'team',
    maxUsers: null,
    maxTicketsPerMonth: null,
    maxStorageGb: 20,
    name: 'Team',
    description: 'Shared inbox, chat and knowledge base for a growing support team.',
    seatPriceMonthlyCents: 1500,
    seatPriceYearlyCents: 15000,
    features: ['Unlimited tickets', 'Live chat', 'Knowledge base', 'Email support'],
    isPublic: true,
    sortOrder: 1,
  },
  {
    code: 'business',
    maxUsers: null,
    maxTicketsPerMonth: null,
    maxStorageGb: 100,
    name: 'Business',
    description: 'Automation, reporting and phone for larger teams.',
    seatPriceMonthlyCents: 2900,
    seatPriceYearlyCents: 29000,
    features: ['Everything in Team', 'Automation rules', 'Reports', 'Call center', 'Priority support'],
    isPublic: true,
    sortOrder: 2,
  },
  {
    code: 'all-in-one',
    maxUsers: null,
    maxTicketsPerMonth: null,
    maxStorageGb: 250,
    name: 'All-inclusive',
    description: 'Every channel and feature. The plan behind lifetime deals.',
    seatPriceMonthlyCents: 3900,
    seatPriceYearlyCents: 39000,
    features: ['Everything in Business', 'Social channels', 'SLA', 'Custom roles'],
    isPublic: true,
    sortOrder: 3,
  },
];

/** APS-1: the lifetime deal sold on AppSumo; it closed on 30 Nov 2019 at 23:59 Bratislava time. */
export const SEED_DEAL = {
  name: 'AppSumo',
  partner: 'AppSumo',
  pricePaidCents: 5900,
  planCode: 'all-in-one',
  lifetimeSeats: 2,
  closesAt: new Date('2019-11-30T22:59:00Z'),
};

export async function seed(db: Db): Promise<void> {
  await db.insert(plans).values(SEED_PLANS).onConflictDoNothing({ target: plans.code });
  // PLAN-7: the fair-use limits of the seeded plans are defined here, so every start brings
  // existing databases to them (staff change limits per account, never per plan).
  for (const p of SEED_PLANS) {
    await db.update(plans).set({ maxUsers: p.maxUsers, maxTicketsPerMonth: p.maxTicketsPerMonth, maxStorageGb: p.maxStorageGb }).where(eq(plans.code, p.code));
  }
  const { planCode, ...deal } = SEED_DEAL;
  const [dealPlan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.code, planCode));
  const seededAt = new Date('2019-06-01T00:00:00Z');
  await db
    .insert(deals)
    .values({ ...deal, planId: dealPlan.id, createdAt: seededAt, updatedAt: seededAt })
    .onConflictDoNothing({ target: deals.name });
  await db
    .insert(termsVersions)
    .values({ ...TERMS_V1, bodyNl: TERMS_V1_NL.body, publishedAt: new Date('2026-11-01T00:00:00Z') })
    .onConflictDoNothing({ target: termsVersions.version });
  // ACC-6: a database seeded before versions had a Dutch body gets the first version's Dutch text.
  await db
    .update(termsVersions)
    .set({ bodyNl: TERMS_V1_NL.body })
    .where(and(eq(termsVersions.version, TERMS_V1.version), eq(termsVersions.body, TERMS_V1.body), isNull(termsVersions.bodyNl)));

  const staff = seedStaffLogin();
  if (staff) {
    const email = staff.email.toLowerCase();
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (!existing) {
      const at = now();
      await db
        .insert(users)
        .values({
          role: 'staff',
          fullName: 'Accountdesk staff',
          email,
          passwordHash: await hashPassword(staff.password),
          emailVerifiedAt: at,
          adultConfirmedAt: at,
          createdAt: at,
        })
        .onConflictDoNothing();
    }
  }
}
