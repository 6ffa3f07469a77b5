// The language a signed-in person chose, kept on their user row: it follows them to other devices
// (adopted at sign-in) and decides the language of every email they are sent.
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';
import type { Locale } from './config';

export async function saveUserLocale(db: Executor, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function userLocale(db: Executor, userId: string): Promise<Locale> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row?.locale ?? 'en';
}
