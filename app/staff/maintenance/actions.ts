'use server';
// OPS-1: staff schedule and call off planned downtime.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { cancelMaintenanceSchema, scheduleMaintenanceSchema } from '@/lib/maintenance/schemas';
import { cancelMaintenance, scheduleMaintenance } from '@/lib/maintenance/service';

export const scheduleMaintenanceAction = validatedAction({
  schema: scheduleMaintenanceSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    await scheduleMaintenance(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/staff/maintenance');
    return { message: msg('maintenance.staff.scheduled') };
  },
});

export const cancelMaintenanceAction = validatedAction({
  schema: cancelMaintenanceSchema,
  guard: requireStaff,
  run: async ({ windowId }, ctx) => {
    await cancelMaintenance(await getDb(), windowId, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/staff/maintenance');
    return { message: msg('maintenance.staff.cancelled') };
  },
});
