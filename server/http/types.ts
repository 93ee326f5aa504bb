import type { FastifyInstance, FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Action } from '../../domain/roles.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { CommandContext } from '../commands/context.ts';
import type { Access } from '../policies/access.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface AppDeps {
  db: Db;
  config: Config;
  /** Where the built web app lives; missing in API-only test runs. */
  webRoot?: string;
}

/** Every API route says who may call it: 'public', 'signedIn', or an action of the policy table. */
export type RoutePolicy = 'public' | 'signedIn' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    access: Access;
    sessionToken: string | null;
    csrfToken: string | null;
    ctx: CommandContext;
  }
}
