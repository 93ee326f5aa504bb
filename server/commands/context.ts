import type { Db, Tx } from '../db/database.ts';
import type { Access, Actor } from '../policies/access.ts';
import { appendAudit, type AuditEntry } from '../store/audit.ts';

/** What every use case receives: storage, the caller and their rights, and request metadata for the audit trail. */
export interface CommandContext {
  db: Db;
  access: Access;
  meta: { ip: string | null; requestId: string | null };
}

export const actorOf = (ctx: CommandContext): Actor => ctx.access.signedIn;

export function audit(tx: Db | Tx, ctx: CommandContext, entry: Omit<AuditEntry, 'actorUserId' | 'actorUsername' | 'ip' | 'requestId'>) {
  const actor = ctx.access.actor;
  return appendAudit(tx, {
    ...entry,
    actorUserId: actor?.userId ?? null,
    actorUsername: actor?.username ?? null,
    ip: ctx.meta.ip,
    requestId: ctx.meta.requestId,
  });
}
