/** Plans (a tree, with their documents, targets, tasks and budgets) and their targets. */
import { Type } from '@fastify/type-provider-typebox';
import { TARGET_LEVELS, type TargetLevel as TargetLevelValue } from '../../domain/targets.ts';
import { contentDisposition } from '../commands/files.ts';
import { createPlan, getPlan, listPlans, planDocument, updatePlan } from '../commands/plans.ts';
import { planBudget } from '../commands/tasks.ts';
import { deletePlanBudgetYear, localShare, setPlanBudgetYear } from '../commands/planBudgetYears.ts';
import { PlanBudget } from './taskSchemas.ts';
import { cascadeTarget, createTarget, deleteTarget, getTarget, listTargets, updateTarget } from '../commands/targets.ts';
import { localeFrom } from '../http/messages.ts';
import type { App, AppDeps } from '../http/types.ts';
import { Comparator, Plan, PlanDetail, PlanKind, Target, TargetLevel, TargetScope } from './catalogSchemas.ts';
import { Id, NonBlank, Page, StringEnum as StringEnumLocal, problems } from './schemas.ts';

const IdParams = Type.Object({ id: Id });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
/** JSON type lists rather than unions, so that the validator never coerces null into 0 or "". */
const NullableId = Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1 });
const NullableYear = Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 2000, maximum: 2100 });
const NullableNumber = Type.Unsafe<number | null>({ type: ['number', 'null'] });
const NullableDate = Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date', description: 'YYYY-MM-DD' });
const NullableText = (maxLength: number) => Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength });
const IndicatorRef = Type.Union([Id, NonBlank(50)], { description: 'Mã định danh (số) hoặc mã chỉ tiêu' });

const LocalShare = Type.Union(
  [
    Type.Object({
      year: Type.Integer(),
      spent: Type.Number({ description: 'Số đã chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, VND' }),
      spentSource: StringEnumLocal(['reported', 'budgetLines'], 'reported: số báo cáo ghi cùng năm; budgetLines: số đã giải ngân của các nhiệm vụ thuộc kế hoạch trong năm'),
      localBudgetTotal: Type.Number({ description: 'Tổng chi ngân sách địa phương của năm, VND' }),
      share: Type.Number({ description: 'spent / localBudgetTotal, %, hai chữ số thập phân' }),
      targetShare: NullableNumber,
      gap: Type.Union([Type.Number(), Type.Null()], { description: 'Mục tiêu trừ tỷ lệ đạt, điểm phần trăm' }),
      note: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ],
  { description: 'Tỷ lệ chi trên tổng chi ngân sách địa phương so với mục tiêu (Báo cáo 01-BC/BCĐ, I.10: 0,57% so với mục tiêu 3%); null khi chưa ghi tổng chi ngân sách của năm' },
);
const PlanBudgetWithShare = Type.Object({ ...PlanBudget.properties, localShare: LocalShare });
const BudgetYearParams = Type.Object({ id: Id, year: Year });

export const planRoutes = (_deps: AppDeps) => async (app: App) => {
  const planTags = ['plans'];
  const targetTags = ['targets'];

  app.get(
    '/plans',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: planTags,
        summary: 'Danh sách kế hoạch, nghị quyết… mới nhất trước; tìm theo số hiệu hoặc trích yếu (q)',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200 })),
            kind: Type.Optional(PlanKind),
            year: Type.Optional(Year),
            issuer: Type.Optional(Id),
            parent: Type.Optional(Type.Integer({ minimum: 1, description: 'Chỉ các kế hoạch triển khai kế hoạch này' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Plan), ...problems(400, 401, 403) },
      },
    },
    async (request) => listPlans(request.ctx, request.query),
  );

  app.get(
    '/plans/:id',
    { config: { policy: 'plan.read' }, schema: { tags: planTags, summary: 'Trang kế hoạch: kế hoạch, kế hoạch cấp trên và cấp dưới, chỉ tiêu (theo năm và cấp), nhiệm vụ theo thứ tự trong văn bản', params: IdParams, response: { 200: PlanDetail, ...problems(401, 403, 404) } } },
    async (request) => getPlan(request.ctx, request.params.id),
  );

  app.post(
    '/plans',
    {
      config: { policy: 'plan.write' },
      schema: {
        tags: planTags,
        summary: 'Tạo kế hoạch (loại, số hiệu như "227/KH-UBND", cơ quan ban hành, ngày, trích yếu, giai đoạn, kế hoạch cấp trên, văn bản gốc)',
        description: 'documentFileId: tệp đã tải lên bằng POST /files (PDF, DOCX…). parentPlanId: kế hoạch mà kế hoạch này triển khai (cây kế hoạch).',
        body: Type.Object(
          {
            kind: PlanKind,
            number: NonBlank(100),
            issuerUnitId: Type.Optional(NullableId),
            issuedOn: Type.Optional(NullableDate),
            title: NonBlank(2000),
            horizonYear: Type.Optional(NullableYear),
            parentPlanId: Type.Optional(NullableId),
            horizonFrom: Type.Optional(NullableYear),
            summary: Type.Optional(NullableText(10000)),
            documentFileId: Type.Optional(NullableId),
          },
          { additionalProperties: false },
        ),
        response: { 201: Plan, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan(request.ctx, request.body)),
  );

  app.patch(
    '/plans/:id',
    {
      config: { policy: 'plan.write' },
      schema: {
        tags: planTags,
        summary: 'Sửa kế hoạch',
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Optional(PlanKind),
            number: Type.Optional(NonBlank(100)),
            issuerUnitId: Type.Optional(NullableId),
            issuedOn: Type.Optional(NullableDate),
            title: Type.Optional(NonBlank(2000)),
            horizonYear: Type.Optional(NullableYear),
            parentPlanId: Type.Optional(NullableId),
            horizonFrom: Type.Optional(NullableYear),
            summary: Type.Optional(NullableText(10000)),
            documentFileId: Type.Optional(NullableId),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Plan, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updatePlan(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/plans/:id/document',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: planTags,
        summary: 'Tải văn bản gốc của kế hoạch',
        params: IdParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { meta, content } = await planDocument(request.ctx, request.params.id);
      return reply.type(meta.content_type).header('content-disposition', contentDisposition(meta.name)).header('x-content-type-options', 'nosniff').send(content);
    },
  );

  app.get(
    '/plans/:id/budget',
    {
      config: { policy: 'task.read' },
      schema: {
        tags: planTags,
        summary: 'Kinh phí của các nhiệm vụ thuộc kế hoạch theo nguồn và theo nhóm: nhu cầu kinh phí, dự toán được duyệt, nhu cầu và kinh phí đã phân bổ của năm (như Báo cáo 01-BC/BCĐ)',
        description: 'Dòng kinh phí không có năm là nhu cầu và dự toán của cả nhiệm vụ; dòng có năm là nhu cầu, phân bổ, giải ngân của năm đó. year mặc định là năm hiện tại.',
        params: IdParams,
        querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
        response: { 200: PlanBudgetWithShare, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const budget = await planBudget(request.ctx, request.params.id, request.query.year);
      return { ...budget, localShare: await localShare(request.ctx.db, budget.planId, budget.year, budget.total.disbursedYear) };
    },
  );

  app.put(
    '/plans/:id/budget-years/:year',
    {
      config: { policy: 'plan.write' },
      schema: {
        tags: planTags,
        summary: 'Ghi tổng chi ngân sách địa phương của năm, mục tiêu tỷ lệ chi (%) và số đã chi theo báo cáo, để tính tỷ lệ trong /plans/:id/budget',
        description: 'Số tiền tính bằng VND. Không ghi spent thì số đã chi lấy từ số đã giải ngân của các nhiệm vụ thuộc kế hoạch trong năm.',
        params: BudgetYearParams,
        body: Type.Object(
          {
            localBudgetTotal: Type.Integer({ minimum: 1, description: 'Tổng chi ngân sách địa phương, VND' }),
            targetShare: Type.Optional(Type.Unsafe<number | null>({ type: ['number', 'null'], minimum: 0, maximum: 100, description: 'Mục tiêu, % tổng chi (ví dụ 3)' })),
            spent: Type.Optional(Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 0, description: 'Số đã chi theo báo cáo, VND' })),
            note: Type.Optional(NullableText(2000)),
          },
          { additionalProperties: false },
        ),
        response: { 200: PlanBudgetWithShare, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await setPlanBudgetYear(request.ctx, request.params.id, request.params.year, request.body);
      const budget = await planBudget(request.ctx, request.params.id, request.params.year);
      return { ...budget, localShare: await localShare(request.ctx.db, budget.planId, budget.year, budget.total.disbursedYear) };
    },
  );

  app.delete(
    '/plans/:id/budget-years/:year',
    {
      config: { policy: 'plan.write' },
      schema: { tags: planTags, summary: 'Xóa tổng chi ngân sách địa phương đã ghi của năm', params: BudgetYearParams, response: { 204: Type.Null(), ...problems(401, 403, 404) } },
    },
    async (request, reply) => {
      await deletePlanBudgetYear(request.ctx, request.params.id, request.params.year);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/targets',
    {
      config: { policy: 'indicator.read' },
      schema: {
        tags: targetTags,
        summary: 'Danh sách chỉ tiêu kế hoạch; lọc theo chỉ tiêu (mã hoặc id), kế hoạch, năm, đơn vị (applicable=true: cả chỉ tiêu theo cấp áp dụng cho đơn vị)',
        querystring: Type.Object(
          {
            indicator: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            plan: Type.Optional(Id),
            year: Type.Optional(Year),
            orgUnit: Type.Optional(Id),
            applicable: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Target), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => listTargets(request.ctx, request.query),
  );

  app.get(
    '/targets/:id',
    { config: { policy: 'indicator.read' }, schema: { tags: targetTags, summary: 'Chi tiết chỉ tiêu kế hoạch', params: IdParams, response: { 200: Target, ...problems(401, 403, 404) } } },
    async (request) => getTarget(request.ctx, request.params.id),
  );

  app.post(
    '/targets',
    {
      config: { policy: 'target.write' },
      schema: {
        tags: targetTags,
        summary: 'Đặt chỉ tiêu kế hoạch cho một đơn vị hoặc cho mọi đơn vị của một cấp, theo năm',
        description: 'comparator mặc định là ">="; "between" cần valueMax ≥ value (ví dụ 80% - 90%). Đơn vị phải thuộc phạm vi được phân quyền.',
        body: Type.Object(
          {
            planId: Type.Optional(NullableId),
            indicator: IndicatorRef,
            scope: TargetScope,
            orgUnitId: Id,
            level: Type.Optional(Type.Unsafe<TargetLevelValue | null>({ type: ['string', 'null'], enum: [...TARGET_LEVELS, null] })),
            year: Year,
            comparator: Type.Optional(Comparator),
            value: Type.Number(),
            valueMax: Type.Optional(NullableNumber),
            parentTargetId: Type.Optional(NullableId),
            note: Type.Optional(NullableText(2000)),
          },
          { additionalProperties: false },
        ),
        response: { 201: Target, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await createTarget(request.ctx, request.body, localeFrom(request.headers['accept-language']))),
  );

  app.patch(
    '/targets/:id',
    {
      config: { policy: 'target.write' },
      schema: {
        tags: targetTags,
        summary: 'Sửa giá trị, so sánh, năm, kế hoạch hoặc ghi chú của chỉ tiêu kế hoạch',
        params: IdParams,
        body: Type.Object(
          {
            planId: Type.Optional(NullableId),
            year: Type.Optional(Year),
            comparator: Type.Optional(Comparator),
            value: Type.Optional(Type.Number()),
            valueMax: Type.Optional(NullableNumber),
            note: Type.Optional(NullableText(2000)),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Target, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => updateTarget(request.ctx, request.params.id, request.body, localeFrom(request.headers['accept-language'])),
  );

  app.delete(
    '/targets/:id',
    {
      config: { policy: 'target.write' },
      schema: { tags: targetTags, summary: 'Xóa chỉ tiêu kế hoạch (chỉ tiêu con giữ nguyên, mất liên kết)', params: IdParams, response: { 204: Type.Null(), ...problems(401, 403, 404) } },
    },
    async (request, reply) => {
      await deleteTarget(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/targets/:id/cascade',
    {
      config: { policy: 'target.write' },
      schema: {
        tags: targetTags,
        summary: 'Giao chỉ tiêu xuống mọi đơn vị đang hoạt động của một cấp trực thuộc đơn vị của chỉ tiêu (cùng giá trị)',
        params: IdParams,
        body: Type.Object({ level: TargetLevel }, { additionalProperties: false }),
        response: {
          200: Type.Object({ created: Type.Integer(), skipped: Type.Integer(), items: Type.Array(Target) }),
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (request) => cascadeTarget(request.ctx, request.params.id, request.body.level, localeFrom(request.headers['accept-language'])),
  );
};
