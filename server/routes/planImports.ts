/** Plan documents imported for review and published as plans with their targets and tasks. */
import { Type } from '@fastify/type-provider-typebox';
import { publishPlanImport } from '../commands/planImportPublish.ts';
import { createPlanImport, discardPlanImport, getPlanImport, listPlanImports, savePlanImportReview } from '../commands/planImports.ts';
import { localeFrom } from '../http/messages.ts';
import type { App, AppDeps } from '../http/types.ts';
import { PlanImportDetail, PlanImportReview, PlanImportStatus, PlanImportSummary, PublishResult } from './planImportSchemas.ts';
import { Id, Page, problems } from './schemas.ts';

const IdParams = Type.Object({ id: Id });

export const planImportRoutes = (_deps: AppDeps) => async (app: App) => {
  const tags = ['plan-imports'];

  app.post(
    '/plan-imports',
    {
      config: { policy: 'plan.write' },
      schema: {
        tags,
        summary: 'Nhập văn bản kế hoạch: đọc tệp đã tải lên, trích xuất chỉ tiêu và nhiệm vụ, tạo bản nháp để rà soát',
        description:
          'Tải tệp lên trước bằng POST /files?purpose=plan (PDF có lớp văn bản, DOCX, .txt, .md). issuerUnitId: đơn vị ban hành kế hoạch (cần quyền plan.write); bỏ trống thì lấy cơ quan ban hành văn bản nêu nếu thuộc phạm vi, nếu không thì đơn vị cao nhất trong phạm vi. Tệp không đọc được: 415/422 với hướng dẫn.',
        body: Type.Object({ fileId: Id, issuerUnitId: Type.Optional(Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1 })) }, { additionalProperties: false }),
        response: { 201: PlanImportDetail, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlanImport(request.ctx, request.body, localeFrom(request.headers['accept-language']))),
  );

  app.get(
    '/plan-imports',
    {
      config: { policy: 'plan.write' },
      schema: {
        tags,
        summary: 'Văn bản đang nhập của các đơn vị trong phạm vi (mặc định: bản nháp), mới nhất trước',
        querystring: Type.Object(
          {
            status: Type.Optional(PlanImportStatus),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(PlanImportSummary), ...problems(400, 401, 403) },
      },
    },
    async (request) => listPlanImports(request.ctx, request.query),
  );

  app.get(
    '/plan-imports/:id',
    {
      config: { policy: 'plan.write' },
      schema: {
        tags,
        summary: 'Bản nháp: văn bản nguồn, các chỉ tiêu và nhiệm vụ trích xuất với vị trí trong văn bản, bản rà soát, chỉ tiêu gợi ý',
        params: IdParams,
        response: { 200: PlanImportDetail, ...problems(401, 403, 404) },
      },
    },
    async (request) => getPlanImport(request.ctx, request.params.id),
  );

  app.patch(
    '/plan-imports/:id/review',
    {
      config: { policy: 'plan.write' },
      schema: {
        tags,
        summary: 'Lưu bản rà soát: thông tin văn bản, quyết định từng chỉ tiêu và nhiệm vụ (nhận, sửa, bỏ), chỉ tiêu đo, đơn vị chủ trì và phối hợp',
        description: 'Gửi cả bản rà soát (mỗi chỉ tiêu, nhiệm vụ trích xuất một mục, cùng thứ tự). 422 liệt kê mọi điểm sai; bản nháp có thể chưa đủ để công bố.',
        params: IdParams,
        body: PlanImportReview,
        response: { 200: PlanImportDetail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => savePlanImportReview(request.ctx, request.params.id, request.body, localeFrom(request.headers['accept-language'])),
  );

  app.post(
    '/plan-imports/:id/publish',
    {
      config: { policy: 'plan.write' },
      schema: {
        tags,
        summary: 'Công bố: tạo kế hoạch (văn bản gốc là tệp đã tải), các chỉ tiêu kế hoạch và nhiệm vụ đã nhận, trong một giao dịch',
        description:
          'Nhiệm vụ văn bản không nêu hạn lấy hạn 31/12 năm kết thúc giai đoạn. Chỉ tiêu "tạo mới" được thêm vào danh mục (cần quyền indicator.write cấp thành phố). Có lỗi thì không lưu gì: 422 liệt kê các mục chưa đủ, hoặc lỗi của mục đầu tiên bị từ chối.',
        params: IdParams,
        response: { 201: PublishResult, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await publishPlanImport(request.ctx, request.params.id, localeFrom(request.headers['accept-language']))),
  );

  app.delete(
    '/plan-imports/:id',
    {
      config: { policy: 'plan.write' },
      schema: {
        tags,
        summary: 'Hủy bản nháp (giữ lại trong nhật ký, tệp có thể nhập lại)',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await discardPlanImport(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
