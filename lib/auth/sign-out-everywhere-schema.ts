// ACC-9: the "Sign out everywhere" form has no fields; the person comes from the session.
import { z } from 'zod';

export const signOutEverywhereSchema = z.object({});
