/**
 * The policy gate every API route passes: it resolves the session cookie to an actor, enforces the
 * route's declared policy, and checks the CSRF token on cookie-authenticated writes.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { Access, type Actor } from '../policies/access.ts';
import { findSession } from '../store/sessions.ts';
import { grantsOf } from '../store/users.ts';
import { ProblemError, forbidden, unauthorized } from './problem.ts';
import type { Config } from '../config.ts';

export const SESSION_COOKIE = 'dxp_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function loadActor(db: Db, userId: number, username: string): Promise<Actor> {
  const grants = await grantsOf(db, userId);
  const adminUnits = grants.filter((g) => g.role === 'admin').map((g) => g.orgUnitId);
  const topAdmin =
    adminUnits.length > 0 &&
    (await db.selectFrom('org_units').select('id').where('id', 'in', adminUnits).where('parent_id', 'is', null).executeTakeFirst()) !==
      undefined;
  return { userId, username, grants, topAdmin };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sessionCookieOptions(config: Config, expires?: Date) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, ...(expires ? { expires } : {}) };
}

export function policyGate(db: Db) {
  return async function gate(request: FastifyRequest, _reply: FastifyReply) {
    request.access = new Access(null);
    request.sessionToken = null;
    request.csrfToken = null;
    request.ctx = { db, access: request.access, meta: { ip: request.ip ?? null, requestId: String(request.id) } };
    const policy = request.routeOptions.config?.policy;
    if (!request.url.startsWith('/api/') || policy === undefined) return;

    const token = request.cookies?.[SESSION_COOKIE];
    if (token) {
      const session = await findSession(db, token);
      if (session) {
        request.sessionToken = token;
        request.csrfToken = session.csrf_token;
        request.access = new Access(await loadActor(db, session.user_id, session.username));
        request.ctx = { ...request.ctx, access: request.access };
      }
    }
    if (policy === 'public') return;
    if (!request.access.actor) throw token ? new ProblemError(401, 'sessionExpired') : unauthorized();
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !request.csrfToken || !sameToken(header, request.csrfToken)) throw forbidden('csrf');
    }
    if (policy !== 'signedIn') request.access.require(policy);
  };
}
