// ACC-7 forms: the users page and the invitation page.
import { z } from 'zod';
import { emailSchema } from '@/lib/accounts/schemas';
import { passwordSchema } from '@/lib/auth/password-schema';
import { botCheckField } from '@/lib/public-forms/schema';
import { msg } from '@/lib/i18n/message-ref';

const role = z.enum(['admin', 'agent'], msg('team.validation.role'));

export const inviteSchema = z.object({ email: emailSchema, role });
export const changeRoleSchema = z.object({ userId: z.uuid(), role });
export const removeUserSchema = z.object({ userId: z.uuid() });
export const invitationIdSchema = z.object({ invitationId: z.uuid() });

export const acceptInvitationSchema = z.object({
  token: z.string().min(1).max(200),
  fullName: z.string().trim().min(2, msg('team.validation.fullName')).max(200, msg('team.validation.tooLong', { max: 200 })),
  password: passwordSchema,
  botCheck: botCheckField,
});
