/**
 * Submissions (form × unit × period) and their workflow, the unit inbox, the approval queue,
 * reporting compliance and a stored value's history.
 */
import { Type } from '@fastify/type-provider-typebox';
import { INBOX_STATUSES, SUBMISSION_ACTIONS, TIMELINESS } from '../../domain/forms.ts';
import { submissionTemplate, uploadSubmission } from '../commands/submissionFiles.ts';
import { approveSubmission, getSubmission, reopenSubmission, returnSubmission, saveSubmission, submitSubmission } from '../commands/submissions.ts';
import { approvals, cellHistory, compliance, inbox } from '../commands/reporting.ts';
import { REPORTED_STATES } from '../commands/taskReports.ts';
import { TASK_STATUSES } from '../../domain/tasks.ts';
import { localeFrom } from '../http/messages.ts';
import { ProblemError } from '../http/problem.ts';
import type { App, AppDeps } from '../http/types.ts';
import { XLSX_TYPE } from '../reports/submissionWorkbook.ts';
import { DateString, NonBlank, StringEnum, problems } from './schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
/** A number or null, as one JSON type list (a union would let the validator coerce null to 0). */
const NullableNumber = Type.Unsafe<number | null>({ type: ['number', 'null'] });
const XLSX_BODY_LIMIT = 10 * 1024 * 1024;

const Ref = Type.Object({
  form: Type.String({ minLength: 1, maxLength: 50, description: 'Mã biểu mẫu' }),
  orgUnit: Type.String({ minLength: 1, maxLength: 50, description: 'Mã đơn vị báo cáo' }),
  period: Type.String({ minLength: 1, maxLength: 20, description: 'Mã kỳ: 2025-09, 2025Q3, 2025S2, 2025, 2025W38, 2025-09-30' }),
});
const BASE = '/submissions/:form/:orgUnit/:period';

const Values = Type.Array(
  Type.Object(
    {
      indicator: Type.String({ minLength: 1, maxLength: 100, description: 'Mã chỉ tiêu của biểu mẫu' }),
      value: Type.Optional(NullableNumber),
      numerator: Type.Optional(NullableNumber),
      denominator: Type.Optional(NullableNumber),
      comment: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 2000 })),
    },
    { additionalProperties: false },
  ),
  { maxItems: 1000 },
);

/** Task rows of a form with task sets (báo cáo tiến độ nhiệm vụ, e.g. the daily report). */
const TaskRows = Type.Array(
  Type.Object(
    {
      task: Type.Integer({ minimum: 1, description: 'Mã định danh nhiệm vụ (do đơn vị báo cáo chủ trì, thuộc kế hoạch của biểu mẫu)' }),
      progress: Type.Optional(Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 0, maximum: 100, description: 'Tiến độ %, không thấp hơn tiến độ hiện tại của nhiệm vụ' })),
      state: Type.Optional(
        Type.Unsafe<(typeof REPORTED_STATES)[number] | null>({
          type: ['string', 'null'],
          enum: [...REPORTED_STATES, null],
          description: 'Chuyển trạng thái: in_progress đang thực hiện; completed hoàn thành (ngày hoàn thành = ngày nộp báo cáo); paused tạm dừng (ghi chú là lý do)',
        }),
      ),
      note: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 4000, description: 'Nội dung báo cáo; lý do khi tạm dừng' })),
    },
    { additionalProperties: false },
  ),
  { maxItems: 1000, description: 'Dòng không có tiến độ, trạng thái và ghi chú thì xóa dòng nháp của nhiệm vụ' },
);

const UnitRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });
const UserRef = Nullable(Type.Object({ id: Type.Integer(), username: Type.String(), fullName: Type.String() }));
const PeriodRef = Type.Object({ id: Type.String(), label: Type.String(), start: Type.String(), end: Type.String() });
const FormRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), periodType: Type.String() });
const Status = StringEnum(INBOX_STATUSES, 'not_started: chưa bắt đầu; draft: đang soạn; submitted: đã nộp; approved: đã phê duyệt; returned: bị trả lại');
const Timeliness = StringEnum(TIMELINESS, 'on_time: đúng hạn; late: trễ hạn; missing: quá hạn chưa nộp; pending: chưa đến hạn');
const Numbers = { value: NullableNumber, numerator: NullableNumber, denominator: NullableNumber, comment: Nullable(Type.String()) };
const FieldProblem = Type.Object({ path: Type.String(), message: Type.String() });

const Submission = Type.Object({
  form: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), periodType: Type.String(), active: Type.Boolean() }),
  orgUnit: UnitRef,
  period: Type.Object({ id: Type.String(), type: Type.String(), label: Type.String(), start: Type.String(), end: Type.String() }),
  window: Type.Object({ start: Type.String(), end: Type.String() }, { description: 'Thời gian chốt số liệu' }),
  dueDate: Type.String({ description: 'Hạn nộp, YYYY-MM-DD (giờ Việt Nam)' }),
  overdue: Type.Boolean(),
  timeliness: Timeliness,
  status: Status,
  locked: Type.Boolean({ description: 'Đã nộp hoặc đã phê duyệt: số liệu bị khóa' }),
  actions: Type.Array(StringEnum(SUBMISSION_ACTIONS), { description: 'Các thao tác người gọi được làm lúc này' }),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  firstSubmittedAt: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  submittedBy: UserRef,
  decidedAt: Nullable(Type.String()),
  decidedBy: UserRef,
  returnReason: Nullable(Type.String()),
  items: Type.Array(
    Type.Object({
      indicator: Type.Object({
        id: Type.Integer(),
        code: Type.String(),
        name: Type.String(),
        unit: Type.String(),
        spaceAggregation: Type.String(),
        decimals: Type.Integer(),
        minValue: NullableNumber,
        maxValue: NullableNumber,
      }),
      required: Type.Boolean(),
      staged: Nullable(Type.Object(Numbers, { description: 'Số liệu đang soạn của báo cáo' })),
      stored: Nullable(
        Type.Object({ ...Numbers, source: Type.String(), updatedAt: Type.String(), updatedBy: UserRef }, { description: 'Số liệu đang lưu chính thức (đã phê duyệt hoặc nhập qua API)' }),
      ),
      problems: Type.Array(Type.String()),
      history: Type.String({ description: 'Đường dẫn lịch sử của ô số liệu' }),
    }),
  ),
  rules: Type.Array(Type.Object({ id: Type.Integer(), expression: Type.String(), message: Nullable(Type.String()), problems: Type.Array(Type.String()) })),
  tasks: Type.Array(
    Type.Object({
      task: Type.Object({
        id: Type.Integer(),
        ref: Nullable(Type.String()),
        title: Type.String(),
        plan: Type.Object({ id: Type.Integer(), number: Type.String() }),
        dueDate: Nullable(Type.String()),
        status: StringEnum(TASK_STATUSES),
        progress: Type.Integer({ description: 'Tiến độ hiện tại của nhiệm vụ' }),
      }),
      progress: Nullable(Type.Integer()),
      state: Nullable(Type.String()),
      note: Nullable(Type.String()),
      problems: Type.Array(Type.String()),
    }),
    {
      description:
        'Tiến độ nhiệm vụ (khi biểu mẫu có nhóm nhiệm vụ): mỗi nhiệm vụ chưa hoàn thành do đơn vị chủ trì thuộc kế hoạch của biểu mẫu, kèm dòng báo cáo đang soạn. Khi phê duyệt, các dòng được ghi vào nhiệm vụ (tiến độ, trạng thái, dòng thời gian ghi rõ báo cáo nguồn).',
    },
  ),
  validation: Type.Object({ valid: Type.Boolean(), problems: Type.Array(FieldProblem) }, { description: 'Kết quả kiểm tra như khi nộp' }),
  events: Type.Array(
    Type.Object({
      action: Type.String(),
      fromStatus: Nullable(Type.String()),
      toStatus: Type.String(),
      reason: Nullable(Type.String()),
      detail: Type.Unknown(),
      at: Type.String(),
      actor: UserRef,
    }),
  ),
});

const Reason = Type.Object({ reason: NonBlank(2000) }, { additionalProperties: false });

export const submissionRoutes = (_deps: AppDeps) => async (app: App) => {
  const tags = ['submissions'];
  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: XLSX_BODY_LIMIT }, (_req, body, done) => done(null, body));
  const locale = (h: { 'accept-language'?: string }) => localeFrom(h['accept-language']);

  app.get(
    '/inbox',
    {
      config: { policy: 'submission.write' },
      schema: {
        tags,
        summary: 'Hộp báo cáo: các báo cáo đơn vị phải nộp (kỳ đã bắt đầu, hạn trong năm nay), trạng thái, hạn nộp, quá hạn',
        querystring: Type.Object(
          {
            orgUnit: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Chỉ các đơn vị thuộc cây con của đơn vị này' })),
            form: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            status: Type.Optional(Status),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            today: Type.String(),
            total: Type.Integer(),
            overdue: Type.Optional(Type.Integer()),
            items: Type.Array(
              Type.Object({
                form: FormRef,
                orgUnit: UnitRef,
                period: PeriodRef,
                status: Status,
                dueDate: Type.String(),
                overdue: Type.Boolean(),
                submittedAt: Nullable(Type.String()),
                updatedAt: Nullable(Type.String()),
                returnReason: Nullable(Type.String()),
              }),
            ),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => inbox(request.ctx, request.query, locale(request.headers)),
  );

  app.get(
    '/approvals',
    {
      config: { policy: 'submission.approve' },
      schema: {
        tags,
        summary: 'Hàng chờ phê duyệt: báo cáo đã nộp của các đơn vị trong phạm vi, cũ nhất trước',
        querystring: Type.Object(
          {
            orgUnit: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            form: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ form: FormRef, orgUnit: UnitRef, period: PeriodRef, dueDate: Type.String(), submittedAt: Type.String(), submittedBy: UserRef, timeliness: Timeliness }),
            ),
            truncated: Type.Boolean(),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => approvals(request.ctx, request.query, locale(request.headers)),
  );

  app.get(
    '/compliance',
    {
      config: { policy: 'form.read' },
      schema: {
        tags,
        summary: 'Tình hình báo cáo của một biểu mẫu trong một kỳ: từng đơn vị (trạng thái, thời điểm nộp, đúng hạn/trễ/chưa nộp) và tỷ lệ đầy đủ, đúng hạn',
        description: 'completeness = số báo cáo đã nộp hoặc đã phê duyệt / số đơn vị phải báo cáo (%); timeliness = số báo cáo nộp đúng hạn (lần nộp đầu) / số đơn vị phải báo cáo (%). asOf: ngày xét quá hạn, mặc định hôm nay.',
        querystring: Type.Object(
          {
            form: Type.String({ minLength: 1, maxLength: 50 }),
            period: Type.String({ minLength: 1, maxLength: 20 }),
            orgUnit: Type.String({ minLength: 1, maxLength: 50 }),
            asOf: Type.Optional(DateString),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            form: FormRef,
            period: PeriodRef,
            orgUnit: UnitRef,
            dueDate: Type.String(),
            asOf: Type.String(),
            totals: Type.Object({
              expected: Type.Integer(),
              received: Type.Integer(),
              approved: Type.Integer(),
              onTime: Type.Integer(),
              late: Type.Integer(),
              missing: Type.Integer(),
              pending: Type.Integer(),
              completeness: NullableNumber,
              timeliness: NullableNumber,
            }),
            items: Type.Array(
              Type.Object({
                orgUnit: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), kind: Type.String() }),
                status: Status,
                firstSubmittedAt: Nullable(Type.String()),
                submittedAt: Nullable(Type.String()),
                decidedAt: Nullable(Type.String()),
                timeliness: Timeliness,
              }),
            ),
          }),
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (request) => compliance(request.ctx, request.query, locale(request.headers)),
  );

  app.get(
    '/data-values/history',
    {
      config: { policy: 'data.read' },
      schema: {
        tags: ['data'],
        summary: 'Lịch sử một ô số liệu (chỉ tiêu × đơn vị × kỳ): ai, khi nào, giá trị trước, nguồn (form, api, import), mới nhất trước',
        querystring: Type.Object(
          {
            indicator: Type.String({ minLength: 1, maxLength: 100 }),
            orgUnit: Type.String({ minLength: 1, maxLength: 50 }),
            period: Type.String({ minLength: 1, maxLength: 20 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            indicator: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), unit: Type.String() }),
            orgUnit: UnitRef,
            period: Type.String(),
            current: Nullable(Type.Object({ ...Numbers, source: Type.String(), updatedAt: Type.String(), updatedBy: UserRef })),
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                action: Type.String(),
                value: NullableNumber,
                numerator: NullableNumber,
                denominator: NullableNumber,
                previousValue: NullableNumber,
                previousNumerator: NullableNumber,
                previousDenominator: NullableNumber,
                comment: Nullable(Type.String()),
                source: Nullable(Type.String()),
                changedAt: Type.String(),
                changedBy: UserRef,
              }),
            ),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => cellHistory(request.ctx, request.query),
  );

  app.get(
    BASE,
    {
      config: { policy: 'form.read' },
      schema: {
        tags,
        summary: 'Báo cáo của đơn vị theo biểu mẫu và kỳ: chỉ tiêu, số liệu đang soạn và đang lưu, kết quả kiểm tra, trạng thái, lịch sử thao tác (không tạo gì)',
        params: Ref,
        response: { 200: Submission, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => getSubmission(request.ctx, request.params, locale(request.headers)),
  );

  app.put(
    BASE,
    {
      config: { policy: 'submission.write' },
      schema: {
        tags,
        summary: 'Lưu nháp số liệu và tiến độ nhiệm vụ (chỉ các chỉ tiêu, nhiệm vụ được gửi; dòng trống xóa dòng nháp)',
        description: 'Nguyên tử: một dòng lỗi (kể cả nhiệm vụ không do đơn vị chủ trì, tiến độ thấp hơn hiện tại) thì không lưu gì và liệt kê mọi lỗi (422). Thiếu chỉ tiêu bắt buộc hoặc vi phạm quy tắc kiểm tra chéo không chặn việc lưu nháp (xem validation) nhưng chặn việc nộp.',
        params: Ref,
        body: Type.Object({ values: Type.Optional(Values), tasks: Type.Optional(TaskRows) }, { additionalProperties: false }),
        response: { 200: Submission, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => saveSubmission(request.ctx, request.params, request.body.values ?? [], locale(request.headers), { tasks: request.body.tasks ?? [] }),
  );

  app.post(
    `${BASE}/submit`,
    {
      config: { policy: 'submission.write' },
      // The body is optional: a bare POST submits the staged values.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Nộp báo cáo (có thể kèm số liệu cần lưu trước); có lỗi thì không lưu gì, báo cáo giữ trạng thái cũ (422)',
        params: Ref,
        body: Type.Object({ values: Type.Optional(Values), tasks: Type.Optional(TaskRows) }, { additionalProperties: false }),
        response: { 200: Submission, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => submitSubmission(request.ctx, request.params, request.body.values ?? [], locale(request.headers), request.body.tasks ?? []),
  );

  app.post(
    `${BASE}/approve`,
    {
      config: { policy: 'submission.approve' },
      schema: {
        tags,
        summary: 'Phê duyệt báo cáo đã nộp: số liệu trở thành số liệu chính thức (nguồn form) và được tổng hợp ngay; tiến độ, trạng thái nhiệm vụ được ghi vào nhiệm vụ (người báo cáo là tác giả, dòng thời gian ghi số báo cáo)',
        params: Ref,
        response: { 200: Submission, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => approveSubmission(request.ctx, request.params, locale(request.headers)),
  );

  app.post(
    `${BASE}/return`,
    {
      config: { policy: 'submission.approve' },
      schema: { tags, summary: 'Trả lại báo cáo đã nộp kèm lý do', params: Ref, body: Reason, response: { 200: Submission, ...problems(400, 401, 403, 404, 409, 422) } },
    },
    async (request) => returnSubmission(request.ctx, request.params, request.body.reason, locale(request.headers)),
  );

  app.post(
    `${BASE}/reopen`,
    {
      config: { policy: 'submission.reopen' },
      schema: {
        tags,
        summary: 'Mở lại báo cáo đã phê duyệt (điều phối viên) kèm lý do: báo cáo về trạng thái bị trả lại, mở khóa số liệu; số liệu đã phê duyệt giữ nguyên đến lần phê duyệt sau',
        params: Ref,
        body: Reason,
        response: { 200: Submission, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => reopenSubmission(request.ctx, request.params, request.body.reason, locale(request.headers)),
  );

  app.get(
    `${BASE}/template.xlsx`,
    {
      config: { policy: 'form.read' },
      schema: {
        tags,
        summary: 'Tải mẫu Excel của báo cáo (đã điền số liệu đang soạn) để nhập ngoại tuyến và tải lên lại',
        params: Ref,
        produces: [XLSX_TYPE],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Tệp .xlsx' }), ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const { bytes, filename } = await submissionTemplate(request.ctx, request.params, locale(request.headers));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(bytes);
    },
  );

  app.post(
    `${BASE}/upload`,
    {
      config: { policy: 'submission.write' },
      bodyLimit: XLSX_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Tải lên mẫu Excel đã điền: lưu nháp mọi chỉ tiêu trong tệp (ô trống xóa số liệu nháp); một lỗi thì không lưu gì',
        description: `Gửi nội dung tệp .xlsx làm thân yêu cầu với Content-Type ${XLSX_TYPE}. Tệp không phải Excel hoặc không phải mẫu của DX Pulse: 400; mẫu của biểu mẫu, đơn vị hoặc kỳ khác: 422.`,
        params: Ref,
        consumes: [XLSX_TYPE],
        body: Type.Unsafe<Buffer>({ description: 'Nội dung tệp .xlsx (tối đa 10 MB)' }),
        response: { 200: Submission, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new ProblemError(415, 'submission.xlsx.notBinary');
      return uploadSubmission(request.ctx, request.params, request.body, locale(request.headers));
    },
  );
};
