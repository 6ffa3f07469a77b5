// The arithmetic behind "what limits it" in `npm run bench` (issue 13): the CPU times read from
// /proc and the bounds drawn from them. A wrong bound would tell a reader a target is out of
// reach when it is not, so each is checked against figures worked out by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leastMeanWaitMs, renewalRatioCeilings } from '../../scripts/bench-limits';
import { busySecondsOf, isLocalDatabase, parseProcStat } from '../../scripts/proc-cpu';

describe('reading CPU time from /proc', () => {
  it('a process line gives its own and its reaped children\'s time in seconds, whatever its name holds', () => {
    // pid (comm) state ppid … utime=250 stime=50 cutime=1000 cstime=200 …
    const fields = 'S 1 1 1 0 -1 4194304 97 0 0 0 250 50 1000 200 20 0 1 0 106377';
    expect(parseProcStat(`2212 (postgres) ${fields}`)).toEqual({ name: 'postgres', own: 3, children: 12 });
    // A thread or program may name itself with spaces and parentheses.
    expect(parseProcStat(`77 (node (worker) 2) ${fields}`)).toEqual({ name: 'node (worker) 2', own: 3, children: 12 });
  });

  it('the machine is busy in user, nice, system and interrupt time, over all cores (not idle, iowait or steal)', () => {
    // cpu user nice system idle iowait irq softirq steal guest guest_nice
    expect(busySecondsOf('cpu  81744 10 19569 106844 1916 5 3002 20 7 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n')).toBeCloseTo((81744 + 10 + 19569 + 5 + 3002) / 100, 6);
  });

  it('PostgreSQL\'s CPU is read only for a database on this machine', () => {
    for (const url of ['postgres://postgres@127.0.0.1:5432/test', 'postgres://u@localhost/db', 'postgres://u@[::1]:5432/db', 'postgres:///db?host=/var/run/postgresql'])
      expect(isLocalDatabase(url), url).toBe(true);
    for (const url of ['postgres://u@db.internal:5432/db', 'postgres://u@10.0.0.5/db', 'postgres://u@127.0.0.1.example.com/db'])
      expect(isLocalDatabase(url), url).toBe(false);
  });
});

describe('the least mean wait under load', () => {
  it('is set by the one JavaScript thread when it is the busier resource', () => {
    // 8 ms per request on the main thread: at most 125 req/s; 50 connections wait 400 ms.
    expect(leastMeanWaitMs({ connections: 50, mainThreadCpuPerRequest: 8, machineCpuPerRequest: 14 }, 2)).toBeCloseTo(400, 6);
  });

  it('is set by the cores when the machine as a whole is the busier resource', () => {
    // 20 ms of machine CPU on 2 cores: at most 100 req/s; 50 connections wait 500 ms.
    expect(leastMeanWaitMs({ connections: 50, mainThreadCpuPerRequest: 6, machineCpuPerRequest: 20 }, 2)).toBeCloseTo(500, 6);
  });

  it('says nothing for a single connection or unknown CPU times', () => {
    expect(leastMeanWaitMs({ connections: 1, mainThreadCpuPerRequest: 8, machineCpuPerRequest: 14 }, 2)).toBeNull();
    expect(leastMeanWaitMs({ connections: 50, mainThreadCpuPerRequest: null, machineCpuPerRequest: 14 }, 2)).toBeNull();
  });

  it('is never above the mean the run measured when the CPU figures come from that run', () => {
    // Throughput × CPU per request cannot exceed the capacity used, so a run's own figures
    // always give a bound at or under its measured mean wait (connections ÷ req/s).
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200 }),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (connections, cores, rps, mainShare, machineShare) => {
          // A run at `rps` uses a share of one thread and of all cores.
          const mainThreadCpuPerRequest = (1000 * mainShare) / rps;
          const machineCpuPerRequest = (1000 * cores * machineShare) / rps;
          const measuredMean = (1000 * connections) / rps;
          expect(leastMeanWaitMs({ connections, mainThreadCpuPerRequest, machineCpuPerRequest }, cores)!).toBeLessThanOrEqual(measuredMean * (1 + 1e-9));
        },
      ),
    );
  });
});

describe('the renewal ratio a sweep\'s CPU allows', () => {
  it('divides the baseline by the CPU time spread over the cores', () => {
    // 100 000 invoices: baseline 2.5 s; app 15 s and database 26 s of CPU on 2 cores → at
    // least 20.5 s, so at best 2.5 / 20.5; the database alone needs 13 s → 2.5 / 13.
    const c = renewalRatioCeilings({ insertSeconds: 2.5, appCpuSeconds: 15, dbCpuSeconds: 26, cores: 2 });
    expect(c.all).toBeCloseTo(2.5 / 20.5, 9);
    expect(c.databaseAlone).toBeCloseTo(2.5 / 13, 9);
  });

  it('is unknown when the database runs elsewhere', () => {
    expect(renewalRatioCeilings({ insertSeconds: 2.5, appCpuSeconds: 15, dbCpuSeconds: null, cores: 2 })).toEqual({ all: null, databaseAlone: null });
  });

  it('is never below the ratio the sweep reached with that CPU', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (sweepSeconds, insertSeconds, cores, appShare, dbShare) => {
          // App and database together cannot use more than the cores for the sweep's time.
          const appCpuSeconds = sweepSeconds * cores * appShare * 0.5;
          const dbCpuSeconds = sweepSeconds * cores * dbShare * 0.5;
          const c = renewalRatioCeilings({ insertSeconds, appCpuSeconds, dbCpuSeconds, cores });
          const reached = insertSeconds / sweepSeconds;
          expect(c.all!).toBeGreaterThanOrEqual(reached * (1 - 1e-9));
          expect(c.databaseAlone!).toBeGreaterThanOrEqual(c.all! * (1 - 1e-9));
        },
      ),
    );
  });
});
