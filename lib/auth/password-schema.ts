// ACC-9: the password rule, importable by client forms (lib/auth/password.ts pulls in argon2,
// which only runs on the server).
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, 'Use at most 200 characters.');
