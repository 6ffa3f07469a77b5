import { z } from 'zod';

/** "Send again" on one outbox email. */
export const requeueSchema = z.object({ id: z.uuid('Unknown email.') });
export type RequeueInput = z.infer<typeof requeueSchema>;
