/** Report forms (biểu mẫu) and unit groups; the submission routes are registered with them. */
import { Type } from '@fastify/type-provider-typebox';
import { CUTOFFS, DEADLINE_BASES } from '../../domain/forms.ts';
import { INDICATOR_PERIOD_TYPES } from '../../domain/indicators.ts';
import { TARGET_LEVELS } from '../../domain/targets.ts';
import { createForm, createGroup, deleteForm, deleteGroup, getForm, getGroup, listForms, listGroups, updateForm, updateGroup } from '../commands/forms.ts';
import { localeFrom } from '../http/messages.ts';
import type { App, AppDeps } from '../http/types.ts';
import { NonBlank, Page, StringEnum, problems } from './schemas.ts';
import { submissionRoutes } from './submissions.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const NullableText = (maxLength: number) => Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength });
const NullablePeriod = Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 20, description: 'Mã kỳ cùng loại với biểu mẫu, ví dụ 2025-01' });
const Code = (description: string) => Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', description });
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 50, description: 'Mã biểu mẫu' }) });
const GroupParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 50, description: 'Mã nhóm đơn vị' }) });

const PeriodType = StringEnum(INDICATOR_PERIOD_TYPES, 'Kỳ báo cáo của biểu mẫu; mọi chỉ tiêu của biểu mẫu phải cùng kỳ');
const Cutoff = StringEnum(CUTOFFS, 'Thời gian chốt số liệu: calendar = theo lịch; nd09 = từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ (Nghị định 09/2019/NĐ-CP)');
const DeadlineFrom = StringEnum(DEADLINE_BASES, 'Hạn nộp tính từ: periodEnd = ngày cuối kỳ; windowEnd = ngày chốt số liệu');
const Level = StringEnum(TARGET_LEVELS, 'commune gồm xã, phường, đặc khu');
const UnitRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });

const ItemInput = Type.Object(
  { indicator: Code('Mã chỉ tiêu (cùng loại kỳ với biểu mẫu)'), required: Type.Optional(Type.Boolean({ description: 'Mặc định true' })) },
  { additionalProperties: false },
);
const RuleInput = Type.Object(
  {
    expression: Type.String({ minLength: 1, maxLength: 1000, description: 'Ví dụ: HS_TRUC_TUYEN <= HS_TONG; TK_TT_num <= DAN_SO; phép toán + - * / ( ), so sánh < <= > >= = !=, and, or' }),
    message: Type.Optional(NullableText(500)),
  },
  { additionalProperties: false },
);
const AssignmentInput = Type.Object(
  {
    kind: StringEnum(['unit', 'level', 'group'] as const, 'unit: một đơn vị; level: mọi đơn vị của một cấp dưới đơn vị neo; group: các đơn vị của một nhóm'),
    orgUnit: Type.Optional(Code('Mã đơn vị (unit) hoặc đơn vị neo (level)')),
    level: Type.Optional(Level),
    group: Type.Optional(Code('Mã nhóm đơn vị (group)')),
  },
  { additionalProperties: false },
);

const definition = {
  description: Type.Optional(NullableText(4000)),
  cutoff: Type.Optional(Cutoff),
  deadlineOffsetDays: Type.Optional(Type.Integer({ minimum: -366, maximum: 366, description: 'Số ngày sau mốc (âm: trước mốc); mặc định 0' })),
  deadlineFrom: Type.Optional(DeadlineFrom),
  firstPeriod: Type.Optional(NullablePeriod),
  active: Type.Optional(Type.Boolean()),
  rules: Type.Optional(Type.Array(RuleInput, { maxItems: 200 })),
  assignments: Type.Optional(Type.Array(AssignmentInput, { maxItems: 2000 })),
  taskSets: Type.Optional(
    Type.Array(
      Type.Object(
        { plan: Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, description: 'Mã định danh kế hoạch; null = mọi kế hoạch' }) },
        { additionalProperties: false },
      ),
      {
        maxItems: 100,
        description:
          'Nhóm nhiệm vụ báo cáo tiến độ: mỗi kỳ, đơn vị báo cáo các nhiệm vụ chưa hoàn thành mình chủ trì thuộc kế hoạch (và các kế hoạch triển khai nó). Biểu mẫu kỳ ngày có nhóm nhiệm vụ là báo cáo hằng ngày. Khi có thì thay toàn bộ danh sách.',
      },
    ),
  ),
};

const FormSummary = {
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  periodType: Type.String(),
  cutoff: Type.String(),
  deadlineOffsetDays: Type.Integer(),
  deadlineFrom: Type.String(),
  firstPeriod: Nullable(Type.String()),
  ownerUnit: UnitRef,
  active: Type.Boolean(),
  assignedUnitCount: Type.Integer({ description: 'Số đơn vị đang hoạt động được giao biểu mẫu' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};
const Form = Type.Object({
  ...FormSummary,
  items: Type.Array(
    Type.Object({
      indicator: Type.Object({
        id: Type.Integer(),
        code: Type.String(),
        name: Type.String(),
        unit: Type.String(),
        spaceAggregation: Type.String(),
        periodType: Type.String(),
        decimals: Type.Integer(),
        minValue: Nullable(Type.Number()),
        maxValue: Nullable(Type.Number()),
      }),
      position: Type.Integer(),
      required: Type.Boolean(),
    }),
  ),
  rules: Type.Array(Type.Object({ id: Type.Integer(), expression: Type.String(), message: Nullable(Type.String()) })),
  assignments: Type.Array(
    Type.Object({
      kind: Type.String(),
      orgUnit: Nullable(UnitRef),
      level: Nullable(Type.String()),
      group: Nullable(UnitRef),
    }),
  ),
  taskSets: Type.Array(Type.Object({ plan: Nullable(Type.Object({ id: Type.Integer(), number: Type.String(), title: Type.String() })) }), {
    description: 'Nhóm nhiệm vụ báo cáo tiến độ; plan null = mọi kế hoạch',
  }),
});
const Group = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  ownerUnit: UnitRef,
  members: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), closedOn: Nullable(Type.String()) })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const formRoutes = (deps: AppDeps) => async (app: App) => {
  const tags = ['forms'];
  const groupTags = ['org-unit-groups'];

  app.get(
    '/forms',
    {
      config: { policy: 'form.read' },
      schema: {
        tags,
        summary: 'Danh sách biểu mẫu báo cáo theo mã; tìm theo mã hoặc tên (q)',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200 })),
            periodType: Type.Optional(PeriodType),
            includeInactive: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Type.Object(FormSummary)), ...problems(400, 401, 403) },
      },
    },
    async (request) => listForms(request.ctx, request.query),
  );

  app.post(
    '/forms',
    {
      config: { policy: 'form.write' },
      schema: {
        tags,
        summary: 'Tạo biểu mẫu báo cáo: chỉ tiêu, quy tắc kiểm tra chéo, lịch (chốt số liệu, hạn nộp) và đơn vị được giao',
        description:
          'ownerUnit mặc định là đơn vị cao nhất mà người gọi có quyền form.write; chỉ giao được cho đơn vị thuộc phạm vi của ownerUnit. firstPeriod mặc định là kỳ hiện tại (các kỳ trước không hiện là nợ báo cáo). Mọi lỗi được liệt kê cùng lúc (422), không lưu gì.',
        body: Type.Object(
          {
            code: Code('Mã biểu mẫu, ví dụ BM-CDS-01'),
            name: NonBlank(500),
            periodType: PeriodType,
            ownerUnit: Type.Optional(Code('Mã đơn vị chủ quản')),
            items: Type.Array(ItemInput, { maxItems: 500, description: 'Có thể rỗng khi biểu mẫu chỉ báo cáo tiến độ nhiệm vụ (taskSets)' }),
            ...definition,
          },
          { additionalProperties: false },
        ),
        response: { 201: Form, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await createForm(request.ctx, request.body, localeFrom(request.headers['accept-language']))),
  );

  app.get(
    '/forms/:code',
    { config: { policy: 'form.read' }, schema: { tags, summary: 'Chi tiết biểu mẫu: chỉ tiêu, quy tắc, phân công', params: CodeParams, response: { 200: Form, ...problems(401, 403, 404) } } },
    async (request) => getForm(request.ctx, request.params.code),
  );

  app.patch(
    '/forms/:code',
    {
      config: { policy: 'form.write' },
      schema: {
        tags,
        summary: 'Sửa biểu mẫu; items, rules, assignments khi có thì thay toàn bộ danh sách. Không đổi được kỳ báo cáo khi đã có báo cáo (409)',
        params: CodeParams,
        body: Type.Object(
          { code: Type.Optional(Code('Mã biểu mẫu')), name: Type.Optional(NonBlank(500)), periodType: Type.Optional(PeriodType), items: Type.Optional(Type.Array(ItemInput, { maxItems: 500, description: 'Có thể rỗng khi biểu mẫu chỉ báo cáo tiến độ nhiệm vụ (taskSets)' })), ...definition },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Form, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => updateForm(request.ctx, request.params.code, request.body, localeFrom(request.headers['accept-language'])),
  );

  app.delete(
    '/forms/:code',
    {
      config: { policy: 'form.write' },
      schema: { tags, summary: 'Xóa biểu mẫu chưa có báo cáo nào (đã có báo cáo: 409, hãy đặt active = false)', params: CodeParams, response: { 204: Type.Null(), ...problems(401, 403, 404, 409) } },
    },
    async (request, reply) => {
      await deleteForm(request.ctx, request.params.code);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/org-unit-groups',
    { config: { policy: 'form.read' }, schema: { tags: groupTags, summary: 'Các nhóm đơn vị (để giao biểu mẫu theo nhóm)', response: { 200: Type.Object({ items: Type.Array(Group) }), ...problems(401, 403) } } },
    async (request) => listGroups(request.ctx),
  );

  const groupBody = {
    description: Type.Optional(NullableText(4000)),
    members: Type.Array(Code('Mã đơn vị thành viên'), { maxItems: 5000 }),
  };

  app.post(
    '/org-unit-groups',
    {
      config: { policy: 'form.write' },
      schema: {
        tags: groupTags,
        summary: 'Tạo nhóm đơn vị; thành viên phải thuộc phạm vi đơn vị chủ quản',
        body: Type.Object({ code: Code('Mã nhóm'), name: NonBlank(500), ownerUnit: Type.Optional(Code('Mã đơn vị chủ quản')), ...groupBody }, { additionalProperties: false }),
        response: { 201: Group, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await createGroup(request.ctx, request.body, localeFrom(request.headers['accept-language']))),
  );

  app.get(
    '/org-unit-groups/:code',
    { config: { policy: 'form.read' }, schema: { tags: groupTags, summary: 'Chi tiết nhóm đơn vị', params: GroupParams, response: { 200: Group, ...problems(401, 403, 404) } } },
    async (request) => getGroup(request.ctx, request.params.code),
  );

  app.patch(
    '/org-unit-groups/:code',
    {
      config: { policy: 'form.write' },
      schema: {
        tags: groupTags,
        summary: 'Sửa nhóm đơn vị (members khi có thì thay toàn bộ danh sách)',
        params: GroupParams,
        body: Type.Object(
          { code: Type.Optional(Code('Mã nhóm')), name: Type.Optional(NonBlank(500)), description: groupBody.description, members: Type.Optional(groupBody.members) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Group, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => updateGroup(request.ctx, request.params.code, request.body, localeFrom(request.headers['accept-language'])),
  );

  app.delete(
    '/org-unit-groups/:code',
    {
      config: { policy: 'form.write' },
      schema: { tags: groupTags, summary: 'Xóa nhóm đơn vị không còn được dùng để giao biểu mẫu', params: GroupParams, response: { 204: Type.Null(), ...problems(401, 403, 404, 409) } },
    },
    async (request, reply) => {
      await deleteGroup(request.ctx, request.params.code);
      return reply.status(204).send(null);
    },
  );

  await app.register(submissionRoutes(deps));
};
