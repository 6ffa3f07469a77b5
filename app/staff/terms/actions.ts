'use server';
// ACC-6: staff publish a terms version (English and Dutch Markdown), and preview it first.
import { revalidatePath } from 'next/cache';
import { createElement, type ReactNode } from 'react';
import { TermsMarkdown } from '@/components/terms/terms-markdown';
import { getDb } from '@/db/client';
import { validatedAction, formFieldErrors } from '@/lib/actions';
import { actorForUser } from '@/lib/audit';
import { requireStaff } from '@/lib/auth/guards';
import { now } from '@/lib/clock';
import { msg, translateMessage } from '@/lib/i18n/message-ref';
import { requestLocale } from '@/lib/i18n/server';
import { translatorFor } from '@/lib/i18n/translator';
import { previewTermsSchema, publishTermsSchema } from '@/lib/terms/schemas';
import { publishTerms } from '@/lib/terms/service';

export const publishTermsAction = validatedAction({
  schema: publishTermsSchema,
  guard: requireStaff,
  run: async (input, ctx) => {
    const row = await publishTerms(await getDb(), input, actorForUser(ctx.user, ctx.ip), now());
    revalidatePath('/staff/terms');
    revalidatePath('/terms');
    return { message: msg('terms.staff.published', { version: row.version }) };
  },
});

/**
 * The texts as the public page will show them, rendered on the server (no Markdown code in the
 * browser). A text the schema refuses (too long, or not text at all) gets the schema's message,
 * in the reader's language, instead of an exception.
 */
export async function previewTermsAction(input: { bodyEn: string; bodyNl: string }): Promise<{ en: ReactNode; nl: ReactNode } | { error: string }> {
  await requireStaff();
  const parsed = previewTermsSchema.safeParse(input);
  if (!parsed.success) {
    const first = Object.values(formFieldErrors(parsed.error)).flat()[0] ?? msg('validation.invalid');
    return { error: translateMessage(translatorFor(await requestLocale()), first) ?? first };
  }
  const { bodyEn, bodyNl } = parsed.data;
  return { en: createElement(TermsMarkdown, { body: bodyEn, lang: 'en' }), nl: createElement(TermsMarkdown, { body: bodyNl, lang: 'nl' }) };
}
