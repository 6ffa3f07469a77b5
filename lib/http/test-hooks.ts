import { NextResponse } from 'next/server';

export function testHooksEnabled(): boolean {
  return process.env.TEST_HOOKS === '1';
}

/** Every test hook answers 404 unless TEST_HOOKS=1. */
export function notFoundUnlessTestHooks(): NextResponse | null {
  return testHooksEnabled() ? null : NextResponse.json({ error: 'Not found' }, { status: 404 });
}
