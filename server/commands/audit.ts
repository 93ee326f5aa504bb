import { badRequest } from '../http/problem.ts';
import { translate, type Locale } from '../http/messages.ts';
import { decodeCursor, encodeCursor, isCursorId } from '../presenters/cursor.ts';
import { presentAuditEvent } from '../presenters/users.ts';
import { listAudit } from '../store/audit.ts';
import type { CommandContext } from './context.ts';

export interface ListAuditInput {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** Newest first; a subtree's admin sees the events about units in the subtree, top admins everything. */
export async function listAuditEvents(ctx: CommandContext, input: ListAuditInput, locale: Locale) {
  // The route's pattern admits "2025-99-99"; a date that does not parse must not reach the database.
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (value !== undefined && Number.isNaN(Date.parse(value))) {
      const message = translate(locale, 'validation.format', { field, format: 'date' });
      throw badRequest('validation', {}, [{ path: `querystring.${field}`, message }]);
    }
  }
  const limit = input.limit ?? 50;
  const actor = ctx.access.signedIn;
  const rows = await listAudit(ctx.db, {
    ...input,
    beforeId: decodeCursor(input.cursor, isCursorId),
    orgUnitScope: actor.topAdmin ? null : ctx.access.scopeRoots('audit.read'),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { items: page.map(presentAuditEvent), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.id) : null };
}
