// Zod issues and DomainErrors carry one string, yet the person must read it in their language.
// So rules and schemas never hold English text: they hold a reference to a catalogue key (plus its
// values), and the browser (react-hook-form) or the server action translates it with the same
// catalogue. `msg('validation.email.invalid')` → "t:validation.email.invalid".
const PREFIX = 't:';

export type MessageValues = Record<string, string | number>;

/** A translatable message: the catalogue key and the values its placeholders take. */
export function msg(key: string, values?: MessageValues): string {
  return values && Object.keys(values).length ? `${PREFIX}${key} ${JSON.stringify(values)}` : `${PREFIX}${key}`;
}

export function parseMessageRef(text: string): { key: string; values?: MessageValues } | null {
  if (!text.startsWith(PREFIX)) return null;
  const space = text.indexOf(' ');
  if (space === -1) return { key: text.slice(PREFIX.length) };
  try {
    return { key: text.slice(PREFIX.length, space), values: JSON.parse(text.slice(space + 1)) as MessageValues };
  } catch {
    return { key: text.slice(PREFIX.length, space) };
  }
}

/** Anything that translates a full key (next-intl's root translator fits). */
export type KeyTranslator = (key: string, values?: MessageValues) => string;

/** A message reference in the reader's language; plain text (already translated) passes through. */
export function translateMessage(t: KeyTranslator, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const ref = parseMessageRef(text);
  return ref ? t(ref.key, ref.values) : text;
}
