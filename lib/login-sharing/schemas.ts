// ACC-8: the staff decisions on a flagged login.
import { z } from 'zod';

export const flagDecisionSchema = z.object({ flagId: z.uuid() });
export const endSurchargeSchema = z.object({ surchargeId: z.uuid() });
export const SHARING_STATUSES = ['open', 'surcharged', 'dismissed'] as const;
