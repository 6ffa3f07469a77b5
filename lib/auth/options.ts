import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { DomainError } from '@/lib/actions';
import { clientIp } from '@/lib/http/request';
import { authenticate } from './login';
import { revokeSession, SESSION_DAYS } from './sessions';
import { appSecret } from '@/lib/http/secret';
import { sameOriginPath } from '@/lib/http/same-origin-path';

declare module 'next-auth' {
  interface Session {
    sid?: string;
  }
  interface User {
    sessionId: string;
    role: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
    role?: string;
  }
}


export const authOptions: AuthOptions = {
  secret: appSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_DAYS * 86_400 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      // `botCheck` is sent only when a sign-in was answered with LOGIN_ERRORS.checkRequired.
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
        botCheck: { label: 'Bot check', type: 'text' },
      },
      async authorize(credentials, req) {
        const h = new Headers();
        for (const [k, v] of Object.entries(req?.headers ?? {})) if (typeof v === 'string') h.set(k, v);
        const db = await getDb();
        try {
          const r = await authenticate(
            db,
            {
              email: String(credentials?.email ?? ''),
              password: String(credentials?.password ?? ''),
              botCheck: typeof credentials?.botCheck === 'string' ? credentials.botCheck : null,
            },
            { ip: clientIp(h), userAgent: (h.get('user-agent') ?? '').slice(0, 400) },
          );
          return { id: r.userId, name: r.name, email: r.email, sessionId: r.sessionId, role: r.role };
        } catch (err) {
          if (err instanceof DomainError) throw new Error(err.message);
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    // Where next-auth goes after signing in or out (a `callbackUrl` may come from the request):
    // only somewhere on this site, by the same rule as every other redirect.
    async redirect({ url, baseUrl }) {
      const origin = new URL(baseUrl).origin;
      return `${origin}${sameOriginPath(url, origin, '/')}`;
    },
    async jwt({ token, user }) {
      if (user) {
        token.sid = user.sessionId;
        token.role = user.role;
      }
      return token;
    },
    async session({ session, token }) {
      // Only the session id travels; lib/auth/guards resolves the user and account from the
      // sessions table on every request, so revoked sessions stop working at once.
      return { ...session, sid: token.sid };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(await getDb(), token.sid);
    },
  },
};
