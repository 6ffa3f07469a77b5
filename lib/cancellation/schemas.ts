import { z } from 'zod';

export const stopAccountSchema = z.object({
  confirmation: z.string().trim().min(1, 'Type your account address to confirm.').max(200),
});
export type StopAccountInput = z.infer<typeof stopAccountSchema>;
