// ACC-9: the password rule, importable by client forms (lib/auth/password.ts pulls in argon2,
// which only runs on the server).
import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';
import { PASSWORD_MIN_LENGTH } from './password-rule';

export { PASSWORD_MIN_LENGTH };

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, msg('auth.validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH }))
  .max(200, msg('auth.validation.tooLong', { max: 200 }));
