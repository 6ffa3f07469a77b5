// OPS-1: staff schedule and call off planned downtime; both are audited. Reading is for /status,
// the staff page and the portal banner.
import { and, asc, desc, eq, gt, isNull, lte } from 'drizzle-orm';
import { addDays } from 'date-fns';
import type { Db, Executor } from '@/db/client';
import { maintenanceWindows } from '@/db/schema';
import { DomainError } from '@/lib/actions';
import { recordAudit, type Actor } from '@/lib/audit';
import { sharedRead, SHARED_READ_TTL_MS } from '@/lib/cache/shared-read';
import { bratislavaDateTime } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { BANNER_LEAD_DAYS, scheduleRefusal } from './rules';
import type { ScheduleMaintenanceInput } from './schemas';

export type MaintenanceRow = typeof maintenanceWindows.$inferSelect;

export async function scheduleMaintenance(db: Db, input: ScheduleMaintenanceInput, actor: Actor, at: Date): Promise<MaintenanceRow> {
  const startsAt = bratislavaDateTime(input.startsAt);
  const endsAt = bratislavaDateTime(input.endsAt);
  const refusal = scheduleRefusal(startsAt, endsAt, at);
  if (refusal) throw new DomainError(msg(`maintenance.errors.${refusal}`), refusal === 'ends_before_start' || refusal === 'too_long' ? 'endsAt' : 'startsAt');
  const scheduled = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(maintenanceWindows)
      .values({ startsAt, endsAt, affectedEn: input.affectedEn, affectedNl: input.affectedNl, createdBy: actor.id ?? null, createdAt: at })
      .returning();
    await recordAudit(tx, actor, {
      action: 'maintenance.scheduled',
      target: `maintenance:${row.id}`,
      details: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), affected: input.affectedEn },
    });
    return row;
  });
  windowsNotEnded.invalidate();
  return scheduled;
}

/** Calls off a window that has not ended; it stays listed as cancelled. */
export async function cancelMaintenance(db: Db, windowId: string, actor: Actor, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(maintenanceWindows)
      .set({ cancelledAt: at })
      .where(and(eq(maintenanceWindows.id, windowId), isNull(maintenanceWindows.cancelledAt), gt(maintenanceWindows.endsAt, at)))
      .returning({ id: maintenanceWindows.id });
    if (!row) throw new DomainError(msg('maintenance.errors.notCancellable'));
    await recordAudit(tx, actor, { action: 'maintenance.cancelled', target: `maintenance:${windowId}` });
  });
  windowsNotEnded.invalidate();
}

/** Windows that have not ended (soonest first) and the most recent past ones, for /status and staff. */
export async function listMaintenance(db: Executor, at: Date, pastLimit = 20): Promise<{ upcoming: MaintenanceRow[]; past: MaintenanceRow[] }> {
  const [upcoming, past] = await Promise.all([
    db.select().from(maintenanceWindows).where(gt(maintenanceWindows.endsAt, at)).orderBy(asc(maintenanceWindows.startsAt)),
    db.select().from(maintenanceWindows).where(lte(maintenanceWindows.endsAt, at)).orderBy(desc(maintenanceWindows.startsAt)).limit(pastLimit),
  ]);
  return { upcoming, past };
}

/**
 * Windows not called off that have not ended, soonest first, kept for SHARED_READ_TTL_MS: the
 * portal banner reads them on every page view and they change a few times a year.
 */
const windowsNotEnded = sharedRead(SHARED_READ_TTL_MS, (db, at) =>
  db
    .select()
    .from(maintenanceWindows)
    .where(and(isNull(maintenanceWindows.cancelledAt), gt(maintenanceWindows.endsAt, at)))
    .orderBy(asc(maintenanceWindows.startsAt)),
);

/** The windows the portal banner shows now (see bannerWindows): from 7 days before the start until the end. */
export async function maintenanceForBanner(db: Executor, at: Date): Promise<MaintenanceRow[]> {
  const lead = addDays(at, BANNER_LEAD_DAYS);
  return (await windowsNotEnded.get(db, at)).filter((w) => w.endsAt > at && w.startsAt <= lead);
}
