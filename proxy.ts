// Runs before every page and route: gives each request a fresh CSP nonce. The policy goes on the
// request too, so Next.js finds the nonce while rendering and stamps it on its own scripts (which
// is why every page renders per request), and on the response for the browser to enforce.
import { NextResponse, type NextRequest } from 'next/server';
import { appUrl, PATH_HEADER } from '@/lib/http/request';
import { createNonce, securityHeaders } from '@/lib/http/security-headers';

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = securityHeaders({ nonce, dev: process.env.NODE_ENV !== 'production', publicUrl: appUrl() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // ACC-10: pages opened through staff access are audited with their path.
  requestHeaders.set(PATH_HEADER, request.nextUrl.pathname);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the build's static files (hashed, immutable, never HTML).
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
