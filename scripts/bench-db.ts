// The benchmarks' own database: dropped and created again on the server of DATABASE_URL, so a
// bench never touches the app's or the tests' data.
import postgres from 'postgres';

export const BENCH_DATABASE = 'accountdesk_bench';

export async function recreateBenchDatabase(baseUrl: string, name: string = BENCH_DATABASE): Promise<string> {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function requirePostgres(script: string): string {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    console.error(
      `${script} needs PostgreSQL. Set DATABASE_URL, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run ${script}\n` +
        `It creates (and first drops) its own database "${BENCH_DATABASE}" on that server; the database in the URL is left alone.`,
    );
    process.exit(2);
  }
  return baseUrl;
}
