// What limits a target the benches measure, from the CPU time they read (issue 13: where a target
// is not met, the bench says what limits it, measured). Pure arithmetic, so it is tested on its own.

/** What one run of a page under load measured (milliseconds of CPU per request). */
export interface LoadRunCpu {
  connections: number;
  /** The server's main thread: the one thread that runs JavaScript, so renders every page. */
  mainThreadCpuPerRequest: number | null;
  /** The whole machine: server, database and load generator together, on `cores` cores. */
  machineCpuPerRequest: number | null;
}

/**
 * The least mean wait (ms) a run with this many connections can see on this machine. Each
 * connection sends its next request when its last one is answered, so the mean wait is
 * connections ÷ req/s (Little's law); and req/s can exceed neither what one JavaScript thread
 * renders (1 s ÷ its CPU per request) nor what the cores give (cores ÷ the machine's CPU per
 * request). Null for a single connection (it only waits for its own request) or when the CPU
 * times are unknown.
 */
export function leastMeanWaitMs(run: LoadRunCpu, cores: number): number | null {
  if (run.connections < 2 || run.mainThreadCpuPerRequest === null || run.machineCpuPerRequest === null) return null;
  return run.connections * Math.max(run.mainThreadCpuPerRequest, run.machineCpuPerRequest / cores);
}

/**
 * The best sweep/INSERT … SELECT ratio a renewal sweep's measured CPU allows: the sweep cannot
 * take less than its CPU (app + database) ÷ cores, so its ratio cannot exceed the baseline's time
 * over that; and with the app's CPU taken as nothing, the database's own work alone sets
 * `databaseAlone`. Null when the database's CPU is unknown (a server on another machine).
 */
export function renewalRatioCeilings(m: { insertSeconds: number; appCpuSeconds: number; dbCpuSeconds: number | null; cores: number }): {
  all: number | null;
  databaseAlone: number | null;
} {
  if (m.dbCpuSeconds === null) return { all: null, databaseAlone: null };
  return {
    all: m.insertSeconds / ((m.appCpuSeconds + m.dbCpuSeconds) / m.cores),
    databaseAlone: m.insertSeconds / (m.dbCpuSeconds / m.cores),
  };
}
