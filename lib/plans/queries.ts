import { asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { plans } from '@/db/schema';

export type Plan = typeof plans.$inferSelect;

export async function listPublicPlans(db: Executor): Promise<Plan[]> {
  return db.select().from(plans).where(eq(plans.isPublic, true)).orderBy(asc(plans.sortOrder));
}
