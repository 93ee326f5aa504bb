import { Type } from '@fastify/type-provider-typebox';
import { addMembership, createUser, getUser, listUsers, removeMembership, updateUser } from '../commands/users.ts';
import { presentMembership } from '../presenters/users.ts';
import type { App, AppDeps } from '../http/types.ts';
import { Id, Membership, NonBlank, Page, RoleSchema, User, problems } from './schemas.ts';

const tags = ['users'];
const Locale = Type.Union([Type.Literal('vi'), Type.Literal('en')]);
const Username = Type.String({ minLength: 3, maxLength: 60, pattern: '^[A-Za-z0-9._@-]+$' });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const Email = Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()]);
const Grant = Type.Object({ orgUnitId: Id, role: RoleSchema }, { additionalProperties: false });

export const userRoutes = (_deps: AppDeps) => async (app: App) => {
  app.get(
    '/users',
    {
      config: { policy: 'user.read' },
      schema: {
        tags,
        summary: 'Người dùng trong phạm vi quản trị',
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), cursor: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
        response: { 200: Page(User), ...problems(400, 401, 403) },
      },
    },
    async (request) => listUsers(request.ctx, request.query),
  );

  app.post(
    '/users',
    {
      config: { policy: 'user.write' },
      schema: {
        tags,
        summary: 'Tạo người dùng (mật khẩu băm argon2id) kèm phân quyền',
        body: Type.Object(
          {
            username: Username,
            fullName: NonBlank(200),
            email: Type.Optional(Email),
            password: Password,
            locale: Type.Optional(Locale),
            memberships: Type.Optional(Type.Array(Grant, { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: User, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(request.ctx, request.body)),
  );

  app.get(
    '/users/:id',
    { config: { policy: 'user.read' }, schema: { tags, summary: 'Chi tiết người dùng', params: Type.Object({ id: Id }), response: { 200: User, ...problems(401, 403, 404) } } },
    async (request) => getUser(request.ctx, request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      config: { policy: 'user.write' },
      schema: {
        tags,
        summary: 'Sửa thông tin, kích hoạt/vô hiệu hóa, đặt lại mật khẩu',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            fullName: Type.Optional(NonBlank(200)),
            email: Type.Optional(Email),
            isActive: Type.Optional(Type.Boolean()),
            password: Type.Optional(Password),
            locale: Type.Optional(Locale),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: User, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => updateUser(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/users/:id/memberships',
    {
      config: { policy: 'user.write' },
      schema: { tags, summary: 'Cấp vai trò tại một đơn vị (áp dụng cho cả cây con)', params: Type.Object({ id: Id }), body: Grant, response: { 201: Membership, ...problems(400, 401, 403, 404, 409) } },
    },
    async (request, reply) => reply.status(201).send(presentMembership(await addMembership(request.ctx, request.params.id, request.body))),
  );

  app.delete(
    '/users/:id/memberships/:membershipId',
    {
      config: { policy: 'user.write' },
      schema: { tags, summary: 'Thu hồi vai trò', params: Type.Object({ id: Id, membershipId: Id }), response: { 204: Type.Null(), ...problems(401, 403, 404) } },
    },
    async (request, reply) => {
      await removeMembership(request.ctx, request.params.id, request.params.membershipId);
      return reply.status(204).send(null);
    },
  );
};
