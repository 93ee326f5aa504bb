import { Type } from '@fastify/type-provider-typebox';
import { listAuditEvents } from '../commands/audit.ts';
import { localeFrom } from '../http/messages.ts';
import type { App, AppDeps } from '../http/types.ts';
import { AuditEvent, Page, problems } from './schemas.ts';

export const auditRoutes = (_deps: AppDeps) => async (app: App) => {
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
    async (request) => listAuditEvents(request.ctx, request.query, localeFrom(request.headers['accept-language'])),
  );
};
