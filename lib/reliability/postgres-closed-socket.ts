// postgres.js 3.4.x defers small writes with setImmediate; when the connection closes first (the
// server terminated the backend, a proxy dropped it) the deferred write runs on a null socket and
// throws outside any query: "Cannot read properties of null (reading 'write')" in nextWrite
// (upstream porsager/postgres#1154 and #1208; the fixes are not released). The query it belonged
// to was already rejected and the pool opens a new connection, so nothing is lost. The app server
// logs it and goes on (Next's router server keeps an uncaughtException handler); vitest would
// report it as an unhandled error of the fault test that terminates a backend on purpose.

/** Whether `err` is that deferred write on a closed postgres.js connection (and nothing else). */
export function isClosedSocketWrite(err: unknown): boolean {
  // Test runners hand over a serialized copy: compare name, message and stack, not the class.
  const e = (err ?? {}) as { name?: unknown; message?: unknown; stack?: unknown };
  const stack = typeof e.stack === 'string' ? e.stack : '';
  return (
    e.name === 'TypeError' &&
    typeof e.message === 'string' &&
    /reading 'write'/.test(e.message) &&
    /nextWrite/.test(stack) &&
    /postgres[\\/](cjs[\\/])?src[\\/]connection\.js/.test(stack)
  );
}
