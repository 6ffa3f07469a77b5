// ACC-4: the bot-check field every public form's zod schema carries (client-safe: no server code).
import { z } from 'zod';

export const BOT_CHECK_MISSING = 'Wait a moment until the check that you are human has finished.';

/** Add as `botCheck: botCheckField` to the schema of every form that uses the public-form kit. */
export const botCheckField = z.string().min(1, BOT_CHECK_MISSING);
