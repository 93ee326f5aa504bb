/**
 * Official reports of a plan for a period (issue 6, points 3–4): the draft (prefilled when none is
 * saved), saving it, starting the generation (a job with progress), polling the job and downloading
 * its DOCX, XLSX appendix and PDF.
 */
import { Type } from '@fastify/type-provider-typebox';
import { DRAFT_LIMITS, NARRATIVE_KEYS, SIGNING_FORMS } from '../../domain/officialReport.ts';
import { contentDisposition } from '../commands/files.ts';
import { getReportDraft, getReportJob, presentJob, reportJobFile, saveReportDraft, startReportGeneration } from '../commands/officialReports.ts';
import { localeFrom } from '../http/messages.ts';
import type { App, AppDeps } from '../http/types.ts';
import { DateString, Id, StringEnum, problems } from './schemas.ts';

const tags = ['official-reports'];
const Params = Type.Object({ id: Id, period: Type.String({ minLength: 1, maxLength: 20, description: 'Kỳ báo cáo: 2025Q3 (quý), 2025S1 (6 tháng), 2025 (năm)' }) });
const Line = (max: number = DRAFT_LIMITS.line) => Type.String({ maxLength: max });

const Narratives = Type.Object(Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, Line(DRAFT_LIMITS.narrative)])) as Record<(typeof NARRATIVE_KEYS)[number], ReturnType<typeof Line>>, {
  additionalProperties: false,
  description: 'intro: mở đầu; results: đánh giá chung kết quả; shortcomings: tồn tại, hạn chế; causes: nguyên nhân; priorities: nhiệm vụ trọng tâm kỳ tới; proposals: đề xuất, kiến nghị (bỏ trống thì không in mục này). Mỗi dòng một đoạn.',
});

const Draft = Type.Object(
  {
    issuerParent: Line(),
    issuerName: Type.String({ minLength: 1, maxLength: DRAFT_LIMITS.line }),
    numberSymbol: Type.String({ minLength: 1, maxLength: 60, description: 'Số, ký hiệu: «15/BC-UBND» (để trống số: «   /BC-UBND»)' }),
    place: Type.String({ minLength: 1, maxLength: 100 }),
    reportDate: DateString,
    signingForm: StringEnum(SIGNING_FORMS, 'TM. (thay mặt tập thể), KT. (ký thay người đứng đầu), Q. (quyền), none (người đứng đầu ký)'),
    collective: Line(),
    authorityTitle: Line(),
    signerTitle: Line(),
    signerName: Line(),
    recipients: Type.Array(Line(), { maxItems: DRAFT_LIMITS.recipients }),
    narratives: Narratives,
  },
  { additionalProperties: false },
);

const Job = Type.Object({
  id: Type.String(),
  planId: Type.Integer(),
  period: Type.String(),
  status: StringEnum(['running', 'done', 'failed'] as const),
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  step: StringEnum(['collect', 'docx', 'xlsx', 'pdf', 'done'] as const),
  stepText: Type.String({ description: 'Bước đang chạy: Thu thập số liệu, Tạo DOCX, Tạo phụ lục XLSX, Chuyển PDF, Hoàn tất' }),
  error: Type.Union([Type.String(), Type.Null()]),
  files: Type.Array(Type.Object({ kind: StringEnum(['docx', 'xlsx', 'pdf'] as const), name: Type.String(), size: Type.Integer(), url: Type.String() })),
});

const DraftView = Type.Object({
  plan: Type.Object({ id: Type.Integer(), number: Type.String(), kind: Type.String(), title: Type.String() }),
  period: Type.Object({ id: Type.String(), label: Type.String(), next: Type.String() }),
  periods: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
  saved: Type.Boolean(),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  canWrite: Type.Boolean(),
  pdfAvailable: Type.Boolean({ description: 'LibreOffice có trên máy chủ: báo cáo được chuyển thêm sang PDF' }),
  draft: Draft,
  prefilled: Narratives,
  preview: Type.Any({ description: 'Nội dung báo cáo (tiêu đề, các mục, bảng) với số liệu hiện tại' }),
});

export const officialReportRoutes = (_deps: AppDeps) => async (app: App) => {
  app.get(
    '/plans/:id/official-reports/:period',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags,
        summary: 'Bản nháp báo cáo tình hình thực hiện kế hoạch trong kỳ (điền sẵn từ số liệu khi chưa lưu), các kỳ có thể chọn và nội dung xem trước',
        params: Params,
        response: { 200: DraftView, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => getReportDraft(request.ctx, request.params.id, request.params.period),
  );

  app.put(
    '/plans/:id/official-reports/:period',
    {
      config: { policy: 'plan.write' },
      schema: {
        tags,
        summary: 'Lưu nháp: thể thức (cơ quan ban hành, số ký hiệu, địa danh, ngày), người ký, nơi nhận và các phần lời văn. Số liệu không lưu: luôn lấy khi tạo báo cáo.',
        params: Params,
        body: Draft,
        response: { 200: DraftView, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => saveReportDraft(request.ctx, request.params.id, request.params.period, request.body),
  );

  app.post(
    '/plans/:id/official-reports/:period/generate',
    {
      config: { policy: 'plan.write' },
      schema: {
        tags,
        summary: 'Tạo báo cáo DOCX (Nghị định 30/2020/NĐ-CP), phụ lục XLSX và PDF (khi máy chủ có LibreOffice); trả về công việc để theo dõi tiến độ',
        params: Params,
        body: Type.Object({ pdf: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 202: Job, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const job = await startReportGeneration(request.ctx, request.params.id, request.params.period, request.body ?? {});
      return reply.status(202).send(presentJob(job, localeFrom(request.headers['accept-language'])));
    },
  );

  app.get(
    '/report-jobs/:job',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags,
        summary: 'Tiến độ tạo báo cáo (0–100, bước đang chạy) và các tệp khi xong',
        params: Type.Object({ job: Type.String({ format: 'uuid' }) }),
        response: { 200: Job, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => presentJob(getReportJob(request.ctx, request.params.job), localeFrom(request.headers['accept-language'])),
  );

  app.get(
    '/report-jobs/:job/:kind',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags,
        summary: 'Tải tệp báo cáo: docx, xlsx (phụ lục) hoặc pdf',
        params: Type.Object({ job: Type.String({ format: 'uuid' }), kind: StringEnum(['docx', 'xlsx', 'pdf'] as const) }),
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = reportJobFile(request.ctx, request.params.job, request.params.kind);
      return reply.type(file.contentType).header('content-disposition', contentDisposition(file.name)).header('x-content-type-options', 'nosniff').send(file.bytes);
    },
  );
};
