import { Type } from '@fastify/type-provider-typebox';
import { importOrgUnitsCsv } from '../commands/importOrgUnits.ts';
import { closeOrgUnit, createOrgUnit, mergeOrgUnits, moveOrgUnit, updateOrgUnit } from '../commands/orgUnitChanges.ts';
import { getOrgUnit, getSubtree, listOrgUnits } from '../commands/orgUnitQueries.ts';
import { localeFrom } from '../http/messages.ts';
import type { App, AppDeps } from '../http/types.ts';
import { DateString, Id, NonBlank, OrgUnitDetail, OrgUnitKind, OrgUnitSummary, Page, problems } from './schemas.ts';

const tags = ['org-units'];
const IdParams = Type.Object({ id: Id });

export const orgUnitRoutes = (_deps: AppDeps) => async (app: App) => {
  app.get(
    '/org-units',
    {
      config: { policy: 'orgUnit.read' },
      schema: {
        tags,
        summary: 'Danh sách đơn vị: con của một đơn vị (parent), tìm theo tên không dấu (q), hoặc gốc trong phạm vi',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200 })),
            parent: Type.Optional(Id),
            kind: Type.Optional(OrgUnitKind),
            includeClosed: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            cursor: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(OrgUnitSummary), ...problems(400, 401, 403) },
      },
    },
    async (request) => listOrgUnits(request.ctx, request.query),
  );

  app.get(
    '/org-units/:id',
    { config: { policy: 'orgUnit.read' }, schema: { tags, summary: 'Chi tiết đơn vị, đường dẫn và quan hệ kế thừa', params: IdParams, response: { 200: OrgUnitDetail, ...problems(401, 403, 404) } } },
    async (request) => getOrgUnit(request.ctx, request.params.id),
  );

  app.get(
    '/org-units/:id/subtree',
    {
      config: { policy: 'orgUnit.read' },
      schema: {
        tags,
        summary: 'Cây con của đơn vị (theo bảng bao đóng)',
        params: IdParams,
        querystring: Type.Object(
          { maxDepth: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })), includeClosed: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Type.Intersect([OrgUnitSummary, Type.Object({ depth: Type.Integer() })])) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => getSubtree(request.ctx, request.params.id, request.query.maxDepth ?? 20, request.query.includeClosed ?? false),
  );

  app.post(
    '/org-units',
    {
      config: { policy: 'orgUnit.write' },
      schema: {
        tags,
        summary: 'Tạo đơn vị',
        body: Type.Object(
          {
            code: NonBlank(50),
            name: NonBlank(300),
            shortName: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
            kind: OrgUnitKind,
            parentId: Type.Union([Id, Type.Null()]),
            validFrom: Type.Optional(Type.Union([DateString, Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: OrgUnitDetail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await createOrgUnit(request.ctx, request.body)),
  );

  app.patch(
    '/org-units/:id',
    {
      config: { policy: 'orgUnit.write' },
      schema: {
        tags,
        summary: 'Đổi tên, tên viết tắt, mã hoặc ngày hiệu lực',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(NonBlank(300)),
            shortName: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
            code: Type.Optional(NonBlank(50)),
            validFrom: Type.Optional(Type.Union([DateString, Type.Null()])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: OrgUnitDetail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => updateOrgUnit(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/org-units/:id/move',
    {
      config: { policy: 'orgUnit.write' },
      schema: {
        tags,
        summary: 'Chuyển đơn vị sang đơn vị cấp trên khác',
        params: IdParams,
        body: Type.Object({ parentId: Id }, { additionalProperties: false }),
        response: { 200: OrgUnitDetail, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => moveOrgUnit(request.ctx, request.params.id, request.body.parentId),
  );

  app.post(
    '/org-units/:id/close',
    {
      config: { policy: 'orgUnit.write' },
      schema: {
        tags,
        summary: 'Giải thể đơn vị, tùy chọn đơn vị kế thừa',
        params: IdParams,
        body: Type.Object({ closedOn: DateString, successorId: Type.Optional(Type.Union([Id, Type.Null()])) }, { additionalProperties: false }),
        response: { 200: OrgUnitDetail, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => closeOrgUnit(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/org-units/merge',
    {
      config: { policy: 'orgUnit.write' },
      schema: {
        tags,
        summary: 'Sáp nhập các đơn vị vào một đơn vị kế thừa',
        body: Type.Object(
          { sourceIds: Type.Array(Id, { minItems: 1, maxItems: 100 }), targetId: Id, effectiveDate: DateString },
          { additionalProperties: false },
        ),
        response: { 200: OrgUnitDetail, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => mergeOrgUnits(request.ctx, request.body),
  );

  app.post(
    '/org-units/import',
    {
      config: { policy: 'orgUnit.write' },
      schema: {
        tags,
        summary: 'Nhập đơn vị từ CSV (code,name,kind,parent_code[,short_name,valid_from]); lỗi một dòng thì không nhập dòng nào',
        consumes: ['text/csv'],
        body: Type.String({ minLength: 1 }),
        response: {
          200: Type.Object({ created: Type.Integer(), updated: Type.Integer(), errors: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })) }),
          ...problems(400, 401, 403, 413, 415, 422),
        },
      },
    },
    async (request) => importOrgUnitsCsv(request.ctx, request.body, localeFrom(request.headers['accept-language'])),
  );
};
