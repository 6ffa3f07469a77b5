#!/usr/bin/env node
// `npm run dev`: the app on the embedded database (PGlite in .data/pglite), migrated and seeded on
// start, with a development secret kept in .data/. Prints the URL and the staff login.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

mkdirSync('.data', { recursive: true });
const secretFile = '.data/dev-secret';
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'));

const port = process.env.PORT ?? '3000';
const url = `http://localhost:${port}`;
const env = {
  ...process.env,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? readFileSync(secretFile, 'utf8'),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
  NEXT_TELEMETRY_DISABLED: '1',
};
const staffEmail = env.SEED_STAFF_EMAIL ?? 'staff@accountdesk.test';
const staffPassword = env.SEED_STAFF_PASSWORD ?? 'staff-password-2026';

console.log(`
  Accountdesk (development)
  App:       ${url}
  Database:  ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite in .data/pglite'}
  Staff:     ${staffEmail} / ${staffPassword}  → ${url}/staff
  Emails:    ${env.SMTP_URL ? 'sent through SMTP_URL' : 'kept in the staff outbox (' + url + '/staff/outbox)'}
`);

const child = spawn(process.execPath, ['scripts/server.mjs', '--dev', '-p', port], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
