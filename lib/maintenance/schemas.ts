// OPS-1: the staff form. Times are typed on the Bratislava clock (datetime-local inputs).
import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';

const localDateTime = (key: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, msg(key));
const affected = z
  .string()
  .trim()
  .min(3, msg('maintenance.validation.affected'))
  .max(500, msg('maintenance.validation.tooLong', { max: 500 }));

export const scheduleMaintenanceSchema = z.object({
  startsAt: localDateTime('maintenance.validation.startsAt'),
  endsAt: localDateTime('maintenance.validation.endsAt'),
  affectedEn: affected,
  affectedNl: affected,
});
export type ScheduleMaintenanceInput = z.output<typeof scheduleMaintenanceSchema>;

export const cancelMaintenanceSchema = z.object({ windowId: z.uuid() });
