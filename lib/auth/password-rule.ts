// ACC-9: the password rule's numbers, for the forms' hints (no zod here: client forms import this
// without pulling the schema library into the page's first load; password-schema.ts checks them).
export const PASSWORD_MIN_LENGTH = 12;
