/** JSON shapes of imported plan documents (/plan-imports): the extraction, the review, the summary. */
import { Type } from '@fastify/type-provider-typebox';
import { REVIEW_DECISIONS } from '../../domain/extract/planReview.ts';
import { INDICATOR_UNITS } from '../../domain/indicators.ts';
import { PLAN_KINDS } from '../../domain/plans.ts';
import { COMPARATORS, TARGET_LEVELS } from '../../domain/targets.ts';
import { Plan } from './catalogSchemas.ts';
import { Id, StringEnum } from './schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
/** JSON type lists rather than unions in request bodies, so that the validator never coerces null into 0 or "". */
const NullableInt = (min: number, max: number, description?: string) =>
  Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: min, maximum: max, ...(description ? { description } : {}) });
const NullableNumber = Type.Unsafe<number | null>({ type: ['number', 'null'] });
const NullableDate = (description: string) => Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date', description });
const NullableText = (maxLength: number) => Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength });

const Span = Type.Object({ start: Type.Integer(), end: Type.Integer() }, { description: 'Vị trí trong source (UTF-16, end không tính)' });
const Decision = StringEnum(REVIEW_DECISIONS, 'accepted: nhận như trích xuất; edited: nhận có sửa (máy chủ tự xác định); rejected: bỏ');
export const PlanImportStatus = StringEnum(['draft', 'published', 'discarded'] as const, 'draft: đang rà soát; published: đã công bố thành kế hoạch; discarded: đã hủy');
const UnitRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });

const AgencyMatch = Type.Object({
  name: Type.String({ description: 'Tên cơ quan như văn bản viết' }),
  unitCode: Nullable(Type.String({ description: 'Mã đơn vị hiện nay (đã theo sáp nhập), nếu khớp' })),
  currentName: Nullable(Type.String({ description: 'Tên đơn vị hiện nay nếu khác' })),
  confidence: Type.Number(),
});

const Extraction = Type.Object(
  {
    document: Type.Object({
      number: Nullable(Type.String()),
      kind: Nullable(Type.String()),
      issuer: Nullable(Type.String()),
      place: Nullable(Type.String()),
      date: Nullable(Type.String()),
      title: Nullable(Type.String()),
      spans: Type.Object({ number: Type.Optional(Span), date: Type.Optional(Span), title: Type.Optional(Span), issuer: Type.Optional(Span) }),
    }),
    targets: Type.Array(
      Type.Object({
        ref: Type.String(),
        bullet: Type.Optional(Type.Integer()),
        text: Type.String(),
        indicator: Type.String(),
        value: Type.Number(),
        max: Nullable(Type.Number()),
        unit: Type.String(),
        comparator: Type.String(),
        year: Nullable(Type.Integer()),
        scope: Nullable(Type.String()),
        span: Span,
        valueSpan: Span,
        confidence: Type.Number(),
      }),
    ),
    tasks: Type.Array(
      Type.Object({
        ref: Type.String(),
        title: Type.String(),
        lead: Type.Array(Type.String()),
        cooperating: Type.Array(Type.String()),
        leadUnits: Type.Array(AgencyMatch),
        cooperatingUnits: Type.Array(AgencyMatch),
        leadBasis: Type.String(),
        span: Span,
      }),
    ),
    corrections: Type.Array(Type.Object({ span: Span, from: Type.String(), to: Type.String(), kind: Type.String(), confidence: Type.Number() })),
    warnings: Type.Array(Type.String(), { description: 'no-parts, no-targets, no-tasks, ocr-text' }),
    ocr: Type.Boolean({ description: 'Văn bản là kết quả OCR mất dấu; phần hiển thị đã khôi phục dấu (corrections)' }),
    source: Type.String({ description: 'Văn bản đọc từ tệp; mọi span trỏ vào đây' }),
  },
  { description: 'Kết quả trích xuất (chưa gồm cây đề mục và các câu giao việc)' },
);

const IndicatorChoice = Type.Union(
  [
    Type.Object({ kind: Type.Literal('existing'), id: Id }, { additionalProperties: false }),
    Type.Object(
      {
        kind: Type.Literal('new'),
        name: Type.String({ maxLength: 500 }),
        unit: StringEnum(INDICATOR_UNITS),
        code: Type.Optional(NullableText(50)),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'Chỉ tiêu đo: một chỉ tiêu có trong danh mục, hoặc tạo mới khi công bố (mã tự sinh nếu không nêu)' },
);

export const PlanImportReview = Type.Object(
  {
    document: Type.Object(
      {
        kind: Type.Union([StringEnum(PLAN_KINDS), Type.Null()]),
        number: Type.String({ maxLength: 100 }),
        title: Type.String({ maxLength: 2000 }),
        issuedOn: NullableDate('Ngày ban hành, YYYY-MM-DD'),
        horizonFrom: NullableInt(2000, 2100),
        horizonYear: NullableInt(2000, 2100, 'Năm kết thúc giai đoạn; hạn mặc định của nhiệm vụ là 31/12 năm này'),
        issuerUnitId: Id,
      },
      { additionalProperties: false },
    ),
    targets: Type.Array(
      Type.Object(
        {
          decision: Decision,
          text: Type.String({ maxLength: 4000 }),
          value: Type.Number(),
          max: NullableNumber,
          unit: StringEnum(INDICATOR_UNITS),
          comparator: StringEnum(COMPARATORS),
          year: NullableInt(2000, 2100),
          level: Type.Union([StringEnum(TARGET_LEVELS), Type.Null()], { description: 'null: chính đơn vị ban hành; một cấp: mọi đơn vị cấp đó trực thuộc đơn vị ban hành' }),
          indicator: Type.Union([IndicatorChoice, Type.Null()]),
        },
        { additionalProperties: false },
      ),
      { maxItems: 2000, description: 'Một mục cho mỗi chỉ tiêu trích xuất, cùng thứ tự' },
    ),
    tasks: Type.Array(
      Type.Object(
        {
          decision: Decision,
          ref: NullableText(50),
          group: NullableText(500),
          title: Type.String({ maxLength: 2000 }),
          leadUnitId: Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1 }),
          cooperatingUnitIds: Type.Array(Id, { maxItems: 200 }),
          dueDate: NullableDate('Hạn hoàn thành; null: 31/12 năm kết thúc giai đoạn của kế hoạch (văn bản không nêu hạn)'),
        },
        { additionalProperties: false },
      ),
      { maxItems: 2000, description: 'Một mục cho mỗi nhiệm vụ trích xuất, cùng thứ tự' },
    ),
  },
  { additionalProperties: false },
);

const Counts = Type.Object({ total: Type.Integer(), accepted: Type.Integer(), edited: Type.Integer(), rejected: Type.Integer() });

export const PlanImportSummary = Type.Object({
  id: Type.Integer(),
  status: PlanImportStatus,
  filename: Type.String(),
  format: Type.String(),
  fileId: Type.Integer(),
  issuer: UnitRef,
  createdBy: Type.Object({ id: Type.Integer(), username: Type.String(), fullName: Type.String() }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  publishedPlan: Nullable(Type.Object({ id: Type.Integer(), number: Type.String() })),
  number: Nullable(Type.String()),
  title: Nullable(Type.String()),
  counts: Type.Object({ targets: Counts, tasks: Counts }),
});

const Suggestion = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), unit: Type.String(), score: Type.Number({ description: '0–1: độ trùng từ (đã bỏ dấu) giữa cụm chỉ tiêu và tên chỉ tiêu' }) });

export const PlanImportDetail = Type.Intersect([
  PlanImportSummary,
  Type.Object({
    reading: Type.Object({ encoding: Type.String(), pages: Nullable(Type.Integer()), warnings: Type.Array(Type.String()) }),
    extraction: Extraction,
    review: PlanImportReview,
    proposal: PlanImportReview,
    defaultDueDate: Nullable(Type.String({ description: 'Hạn của nhiệm vụ không nêu hạn: 31/12 năm kết thúc giai đoạn' })),
    suggestions: Type.Array(Type.Array(Suggestion), { description: 'Tối đa 3 chỉ tiêu gợi ý cho mỗi chỉ tiêu trích xuất' }),
    indicators: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), unit: Type.String(), archived: Type.Boolean() })),
    units: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), closed: Type.Boolean() })),
    duplicate: Nullable(Type.Object({ id: Type.Integer(), number: Type.String() }, { description: 'Kế hoạch cùng số hiệu, cùng cơ quan ban hành đã có' })),
  }),
]);

export const PublishResult = Type.Object({
  plan: Plan,
  created: Type.Object({ targets: Type.Integer(), tasks: Type.Integer(), indicators: Type.Integer() }),
  rejected: Type.Object({ targets: Type.Integer(), tasks: Type.Integer() }),
  tasksDueAtHorizon: Type.Integer({ description: 'Số nhiệm vụ văn bản không nêu hạn, lấy hạn 31/12 năm kết thúc giai đoạn' }),
  dueDateDefault: Nullable(Type.String()),
});
