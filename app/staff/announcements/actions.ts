'use server';
// GDPR-10: staff write and send announcements (marketing mail).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { validatedAction } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg } from '@/lib/i18n/message-ref';
import { createAnnouncement, sendAnnouncement } from '@/lib/privacy/announcements';
import { announcementIdSchema, announcementSchema } from '@/lib/privacy/schemas';

export const createAnnouncementAction = validatedAction({
  schema: announcementSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    const { id } = await createAnnouncement(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    redirect(`/staff/announcements/${id}`);
  },
});

export const sendAnnouncementAction = validatedAction({
  schema: announcementIdSchema,
  guard: requireStaff,
  run: async ({ announcementId }, ctx) => {
    const { recipients } = await sendAnnouncement(await getDb(), announcementId, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/staff/announcements', 'layout');
    return { message: msg('consents.announcements.sent', { count: recipients }) };
  },
});
