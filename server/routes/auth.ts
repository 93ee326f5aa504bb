import { Type } from '@fastify/type-provider-typebox';
import { login, logout } from '../commands/auth.ts';
import { userProfile } from '../commands/users.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../http/session.ts';
import type { App, AppDeps } from '../http/types.ts';
import { User, problems } from './schemas.ts';

const SessionResponse = Type.Object({ user: User, csrfToken: Type.String() });

export const authRoutes = (deps: AppDeps) => async (app: App) => {
  const me = (userId: number) => userProfile(deps.db, userId);

  app.post(
    '/auth/login',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu',
        security: [],
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: SessionResponse, ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const result = await login(deps.db, {
        ...request.body,
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
        sessionTtlHours: deps.config.sessionTtlHours,
      });
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(deps.config, result.expiresAt));
      return { user: await me(result.userId), csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/auth/session',
    { config: { policy: 'signedIn' }, schema: { tags: ['auth'], summary: 'Phiên hiện tại', response: { 200: SessionResponse, ...problems(401) } } },
    async (request) => ({ user: await me(request.access.signedIn.userId), csrfToken: request.csrfToken! }),
  );

  app.post(
    '/auth/logout',
    { config: { policy: 'signedIn' }, schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: Type.Null(), ...problems(401, 403) } } },
    async (request, reply) => {
      if (request.sessionToken) await logout(deps.db, request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
