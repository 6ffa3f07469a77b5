// ACC-4: the bot-check field every public form's zod schema carries (client-safe: no server code).
import { z } from 'zod';
import { msg } from '@/lib/i18n/message-ref';

export const BOT_CHECK_MISSING = msg('auth.validation.botCheckMissing');

/** Add as `botCheck: botCheckField` to the schema of every form that uses the public-form kit. */
export const botCheckField = z.string().min(1, BOT_CHECK_MISSING);
