import { Type } from '@fastify/type-provider-typebox';
import { listAudit } from '../store/audit.ts';
import { presentAuditEvent } from '../presenters/users.ts';
import { decodeCursor, encodeCursor, isCursorId, AuditEvent, Page, problems } from './schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { badRequest } from '../http/problem.ts';
import { localeFrom, translate } from '../http/messages.ts';

export const auditRoutes = (deps: AppDeps) => async (app: App) => {
  app.get(
    '/audit-events',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thay đổi (chỉ ghi thêm), mới nhất trước',
        querystring: Type.Object(
          {
            actor: Type.Optional(Type.String({ maxLength: 100 })),
            action: Type.Optional(Type.String({ maxLength: 100 })),
            entityType: Type.Optional(Type.String({ maxLength: 50 })),
            entityId: Type.Optional(Type.String({ maxLength: 50 })),
            from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}', maxLength: 40 })),
            to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}', maxLength: 40 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            cursor: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(AuditEvent), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const limit = q.limit ?? 50;
      const access = request.access;
      // The pattern admits "2025-99-99"; a date that does not parse must not reach the database.
      for (const field of ['from', 'to'] as const) {
        const value = q[field];
        if (value !== undefined && Number.isNaN(Date.parse(value))) {
          const message = translate(localeFrom(request.headers['accept-language']), 'validation.format', { field, format: 'date' });
          throw badRequest('validation', {}, [{ path: `querystring.${field}`, message }]);
        }
      }
      const rows = await listAudit(deps.db, {
        ...q,
        beforeId: decodeCursor(q.cursor, isCursorId),
        orgUnitScope: access.signedIn.topAdmin ? null : access.scopeRoots('audit.read'),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      return { items: page.map(presentAuditEvent), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.id) : null };
    },
  );
};
