// ACC-9: the "Sign out everywhere" form has no fields; the person comes from the session.
import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';

export const signOutEverywhereSchema = z.object({});

/**
 * Staff end every session of one user of an account. Staff act on any account, so both ids travel
 * in the form; the service checks that the user exists and belongs to that account.
 */
export const endUserSessionsSchema = z.object({
  accountId: z.uuid(msg('auth.validation.unknownAccount')),
  userId: z.uuid(msg('auth.validation.unknownUser')),
});
export type EndUserSessionsInput = z.infer<typeof endUserSessionsSchema>;
