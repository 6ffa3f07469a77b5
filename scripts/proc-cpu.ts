// CPU time of processes on this machine, read from /proc (Linux), for the benches: what the app
// server or the database spent on a run, whatever else the machine was doing meanwhile. Every
// function answers null where there is no /proc (or no such process).
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** The cores the processes of a bench share: the app, the database and the load generator. */
export const CORES = availableParallelism();

/** Linux's USER_HZ, the unit of the times in /proc/<pid>/stat (100 on every common platform). */
const CLOCK_TICKS_PER_SECOND = 100;

export interface ProcStat {
  name: string;
  /** utime + stime, seconds. */
  own: number;
  /** cutime + cstime: the reaped children's time, seconds. */
  children: number;
}

/** One /proc/<pid>/stat (or /proc/<pid>/task/<tid>/stat) line. */
export function parseProcStat(stat: string): ProcStat {
  // The command name is in parentheses and may hold spaces and parentheses of its own; utime,
  // stime, cutime and cstime are the 12th to 15th fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const seconds = (i: number) => Number(fields[i]) / CLOCK_TICKS_PER_SECOND;
  return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), own: seconds(11) + seconds(12), children: seconds(13) + seconds(14) };
}

function readStat(pid: number | string): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Starts measuring with one of the readings below: the function it returns gives the seconds
 * used since, or null when either reading is unknown.
 */
export function cpuSince(read: () => number | null): () => number | null {
  const before = read();
  return () => {
    const after = read();
    return before === null || after === null ? null : after - before;
  };
}

/** CPU seconds (user + system) one process has used so far, all its threads together. */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  const stat = readStat(pid);
  return stat ? stat.own : null;
}

/**
 * CPU seconds a process's main thread has used so far. In Node.js that is the one thread that
 * runs JavaScript (the collector's and libuv's helper threads are the rest of the process's time).
 */
export function mainThreadCpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  const stat = readStat(`${pid}/task/${pid}`);
  return stat ? stat.own : null;
}

/**
 * Whether a PostgreSQL URL points at this machine (loopback or a Unix socket): only then are the
 * PostgreSQL processes here the ones doing its work.
 */
export function isLocalDatabase(url: string): boolean {
  const u = new URL(url);
  const host = u.searchParams.get('host') ?? u.hostname;
  return host === '' || host.startsWith('/') || host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]' || host === '::1';
}

/**
 * CPU seconds every PostgreSQL process on this machine has used so far: the server, its
 * backends and helpers, and the backends that exited (the server reaps them, so their time is in
 * its children's). Null when no local PostgreSQL runs, e.g. a database on another machine.
 */
export function postgresCpuSeconds(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  let total: number | null = null;
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat?.name === 'postgres') total = (total ?? 0) + stat.own + stat.children;
  }
  return total;
}

/**
 * CPU seconds the whole machine has been busy so far, over all cores (/proc/stat's first line:
 * user, nice, system, irq and softirq; not idle, iowait, or steal, the time a hypervisor gave
 * to others): the app, the database and the load generator together.
 */
export function machineBusySeconds(): number | null {
  try {
    return busySecondsOf(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return null;
  }
}

/** The busy seconds in /proc/stat's text: its first line, all cores together. */
export function busySecondsOf(procStat: string): number {
  // cpu user nice system idle iowait irq softirq steal guest… (guest time is already in user).
  const [user, nice, system, , , irq, softirq] = procStat.split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq) / CLOCK_TICKS_PER_SECOND;
}
