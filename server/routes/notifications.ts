import { Type } from '@fastify/type-provider-typebox';
import { listMyNotifications, markAllMyNotificationsRead, markMyNotificationRead } from '../commands/notifications.ts';
import type { App, AppDeps } from '../http/types.ts';
import { Id, problems } from './schemas.ts';

const tags = ['notifications'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const Notification = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'task.due_soon | task.due_tomorrow | task.overdue | …' }),
  title: Type.String(),
  body: Nullable(Type.String()),
  link: Nullable(Type.String({ description: 'Đường dẫn trong ứng dụng, ví dụ /tasks/12' })),
  taskId: Nullable(Type.Integer()),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Nullable(Type.String({ format: 'date-time' })),
});
const UnreadCount = Type.Integer({ minimum: 0, description: 'Số thông báo chưa đọc của người dùng' });

export const notificationRoutes = (_deps: AppDeps) => async (app: App) => {
  app.get(
    '/notifications',
    {
      config: { policy: 'signedIn' },
      schema: {
        tags,
        summary: 'Thông báo của tôi, mới nhất trước, kèm số chưa đọc',
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
            unread: Type.Optional(Type.Boolean({ description: 'Chỉ thông báo chưa đọc' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Notification), nextCursor: Nullable(Type.String()), unreadCount: UnreadCount }),
          ...problems(400, 401),
        },
      },
    },
    async (request) => listMyNotifications(request.ctx, request.query),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { policy: 'signedIn' },
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc tất cả thông báo của tôi',
        response: { 200: Type.Object({ updated: Type.Integer(), unreadCount: UnreadCount }), ...problems(401, 403) },
      },
    },
    async (request) => markAllMyNotificationsRead(request.ctx),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { policy: 'signedIn' },
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc một thông báo của tôi',
        params: Type.Object({ id: Id }),
        response: { 200: Type.Object({ ...Notification.properties, unreadCount: UnreadCount }), ...problems(401, 403, 404) },
      },
    },
    async (request) => markMyNotificationRead(request.ctx, request.params.id),
  );
};
