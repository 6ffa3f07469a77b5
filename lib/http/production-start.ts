// A production server that would answer every page with an error, or trust a client-chosen
// address, stops at start with a message saying why. scripts/server.mjs checks the secret itself
// too; this also covers `next start` run directly.

/** What is wrong with this production environment (empty when it may start). */
export function productionStartProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  if (!env.NEXTAUTH_SECRET) problems.push('NEXTAUTH_SECRET is not set (it signs sessions and payment references).');
  if (env.ACCOUNTDESK_SERVER !== '1') {
    problems.push("Start the app with `npm start` (scripts/server.mjs), not `next start`: only that server can tell the client's real address.");
  }
  return problems;
}

export function refuseUnsafeProductionStart(): void {
  const problems = productionStartProblems();
  if (problems.length === 0) return;
  console.error(`\nAccountdesk cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
