/** Tasks (nhiệm vụ) with the "6 rõ", their timeline, budgets and statistics; evidence files. */
import { Type } from '@fastify/type-provider-typebox';
import { MAX_FILE_BYTES } from '../../domain/tasks.ts';
import { contentDisposition, downloadFile, uploadFile } from '../commands/files.ts';
import { addComment, changeState, createTask, getTask, getTimeline, listTasks, reportProgress, setBudget, taskStatistics, updateTask } from '../commands/tasks.ts';
import { exportTaskAppendix, importTaskAppendix } from '../commands/taskAppendix.ts';
import { localeFrom } from '../http/messages.ts';
import { ProblemError } from '../http/problem.ts';
import { XLSX_TYPE } from '../reports/taskWorkbook.ts';
import type { App, AppDeps } from '../http/types.ts';
import { DateString, Id, NonBlank, Page, StringEnum, problems } from './schemas.ts';
import { BudgetSource, FileMeta, Task, TaskDetail, TaskState, TaskStatistics, TaskStatus, TimelineEntry } from './taskSchemas.ts';

const IdParams = Type.Object({ id: Id });
const NullableId = Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1 });
const NullableDate = Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date', description: 'YYYY-MM-DD' });
const NullableText = (maxLength: number) => Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength });
const NullableMoney = Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 0, maximum: 9e15, description: 'VND' });
const Ids = (description: string) => Type.Array(Id, { maxItems: 200, description });
const FileIds = Type.Optional(Type.Array(Id, { maxItems: 20, description: 'Tệp minh chứng đã tải lên bằng POST /files (của chính người gửi, chưa gắn ở đâu)' }));
/** Evidence may arrive with its own type or as octet-stream; the content decides (domain/tasks.ts checkEvidenceFile). */
const UPLOAD_TYPES = [
  'application/octet-stream',
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
/** Room above the limit, so that an oversize file is refused by the domain check with its own message. */
const UPLOAD_BODY_LIMIT = MAX_FILE_BYTES + 1024 * 1024;

const fields = {
  parentTaskId: Type.Optional(NullableId),
  ref: Type.Optional(NullableText(50)),
  group: Type.Optional(NullableText(500)),
  description: Type.Optional(NullableText(20000)),
  cooperatingUnitIds: Type.Optional(Ids('Rõ trách nhiệm: đơn vị phối hợp')),
  responsibleUserId: Type.Optional(NullableId),
  responsibleName: Type.Optional(NullableText(500)),
  deliverable: Type.Optional(NullableText(4000)),
  approvingAuthority: Type.Optional(NullableText(1000)),
  startDate: Type.Optional(NullableDate),
  dueDate: Type.Optional(NullableDate),
  scheduleNote: Type.Optional(NullableText(500)),
  targetIds: Type.Optional(Ids('Chỉ tiêu kế hoạch mà nhiệm vụ phục vụ')),
};

export const taskRoutes = (_deps: AppDeps) => async (app: App) => {
  const tags = ['tasks'];
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.post(
    '/files',
    {
      config: { policy: 'task.comment' },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Tải lên tệp minh chứng (PDF, PNG, JPEG, DOCX, XLSX; tối đa 10 MB): thân yêu cầu là nội dung tệp, tên tệp ở tham số name',
        description:
          'Gửi nội dung tệp làm thân yêu cầu (Content-Type application/octet-stream hoặc kiểu của tệp), tên tệp trong ?name=. Kiểu tệp được kiểm tra theo nội dung (magic bytes; DOCX/XLSX theo danh mục ZIP) và phải khớp đuôi tệp: sai kiểu 415, quá lớn 413. Sau đó gắn tệp vào báo cáo tiến độ, ý kiến hoặc kế hoạch bằng id.',
        querystring: Type.Object(
          {
            name: NonBlank(255),
            purpose: Type.Optional(StringEnum(['evidence', 'plan'], 'evidence (mặc định): minh chứng PDF, PNG, JPEG, DOCX, XLSX; plan: văn bản kế hoạch để nhập (PDF, DOCX, văn bản .txt/.md) — POST /plan-imports')),
          },
          { additionalProperties: false },
        ),
        consumes: UPLOAD_TYPES,
        body: Type.Unsafe<Buffer>({ description: 'Nội dung tệp' }),
        response: { 201: FileMeta, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new ProblemError(415, 'file.notBinary');
      return reply.status(201).send(await uploadFile(request.ctx, request.query.name, request.body, request.query.purpose));
    },
  );

  app.get(
    '/files/:id',
    {
      config: { policy: 'task.read' },
      schema: {
        tags,
        summary: 'Tải tệp (minh chứng của nhiệm vụ được xem, văn bản kế hoạch, hoặc tệp mình đã tải lên)',
        params: IdParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { meta, content } = await downloadFile(request.ctx, request.params.id);
      return reply
        .type(meta.content_type)
        .header('content-disposition', contentDisposition(meta.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  app.get(
    '/tasks',
    {
      config: { policy: 'task.read' },
      schema: {
        tags,
        summary: 'Danh sách nhiệm vụ trong phạm vi: lọc theo kế hoạch, đơn vị chủ trì (cả cây con, cả đơn vị cũ đã sáp nhập), tình trạng, chỉ quá hạn, hạn hoàn thành, tìm kiếm',
        querystring: Type.Object(
          {
            plan: Type.Optional(Id),
            leadUnit: Type.Optional(Id),
            parent: Type.Optional(Type.Integer({ minimum: 1, description: 'Nhiệm vụ con của nhiệm vụ này' })),
            status: Type.Optional(TaskStatus),
            overdue: Type.Optional(Type.Boolean({ description: 'Chỉ nhiệm vụ quá hạn (chưa triển khai hoặc đang thực hiện, đã qua hạn)' })),
            dueFrom: Type.Optional(DateString),
            dueTo: Type.Optional(DateString),
            q: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Task), ...problems(400, 401, 403) },
      },
    },
    async (request) => listTasks(request.ctx, request.query),
  );

  app.get(
    '/tasks/export.xlsx',
    {
      config: { policy: 'task.read' },
      schema: {
        tags,
        summary: 'Xuất phụ lục danh mục nhiệm vụ (XLSX) để đính kèm báo cáo: STT, nhiệm vụ, cơ quan chủ trì, cơ quan phối hợp, thời gian hoàn thành, sản phẩm, kinh phí (VND), tình trạng',
        description:
          'Cùng bộ lọc và phạm vi như GET /tasks (không phân trang: mọi nhiệm vụ khớp). Lọc theo kế hoạch thì tiêu đề nêu số kế hoạch; nhiệm vụ xếp theo thứ tự của kế hoạch, có dòng nhóm. Kinh phí là nhu cầu kinh phí của cả nhiệm vụ. Tệp này nhập lại được bằng POST /plans/{id}/tasks/import.',
        querystring: Type.Object(
          {
            plan: Type.Optional(Id),
            leadUnit: Type.Optional(Id),
            status: Type.Optional(TaskStatus),
            overdue: Type.Optional(Type.Boolean()),
            dueFrom: Type.Optional(DateString),
            dueTo: Type.Optional(DateString),
            q: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        produces: [XLSX_TYPE],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Tệp .xlsx' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { bytes, filename } = await exportTaskAppendix(request.ctx, request.query, localeFrom(request.headers['accept-language']));
      return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(filename, 'attachment')).header('cache-control', 'private, no-store').send(bytes);
    },
  );

  app.post(
    '/plans/:id/tasks/import',
    {
      config: { policy: 'task.write' },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Nhập phụ lục danh mục nhiệm vụ (XLSX) vào kế hoạch: tạo nhiệm vụ mới, cập nhật nhiệm vụ có cùng số hiệu (STT); một dòng lỗi thì không lưu gì',
        description:
          `Gửi nội dung tệp .xlsx làm thân yêu cầu (Content-Type ${XLSX_TYPE} hoặc application/octet-stream). Tiêu đề cột theo thứ tự bất kỳ, không phân biệt hoa thường, có dấu hay không: STT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành, Sản phẩm, Kinh phí (Tình trạng không được nhập). ` +
          'Tên cơ quan khớp với đơn vị thuộc cơ quan ban hành kế hoạch theo tên, tên viết tắt hoặc mã; thời gian là ngày dd/mm/yyyy, ngày Excel, hai ngày (bắt đầu - hoàn thành), "Quý IV/2025", "Năm 2025" hoặc chữ như "Thường xuyên". ' +
          'Dòng có STT trùng số hiệu của nhiệm vụ trong kế hoạch thì cập nhật nhiệm vụ đó; dòng khác tạo nhiệm vụ mới. Tệp không đọc được: 400; có dòng lỗi: 422 liệt kê mọi dòng lỗi.',
        params: IdParams,
        consumes: [XLSX_TYPE],
        body: Type.Unsafe<Buffer>({ description: 'Nội dung tệp .xlsx (tối đa 10 MB)' }),
        response: {
          200: Type.Object({
            planId: Type.Integer(),
            created: Type.Integer(),
            updated: Type.Integer(),
            unchanged: Type.Integer(),
            rows: Type.Array(Type.Object({ row: Type.Integer(), id: Type.Integer(), ref: Type.Union([Type.String(), Type.Null()]), action: Type.String() })),
          }),
          ...problems(400, 401, 403, 404, 413, 415, 422),
        },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new ProblemError(415, 'task.import.notBinary');
      return importTaskAppendix(request.ctx, request.params.id, request.body, localeFrom(request.headers['accept-language']));
    },
  );

  app.get(
    '/tasks/statistics',
    {
      config: { policy: 'task.read' },
      schema: {
        tags,
        summary: 'Thống kê nhiệm vụ như Báo cáo 01-BC/BCĐ: được giao, hoàn thành (đúng hạn/quá hạn), đang thực hiện (trong hạn/quá hạn), chưa triển khai, không thực hiện — theo kế hoạch và đơn vị chủ trì, kèm mã nhiệm vụ',
        querystring: Type.Object(
          { plan: Type.Optional(Id), leadUnit: Type.Optional(Id), asOf: Type.Optional(Type.String({ format: 'date', description: 'Ngày chốt (mặc định hôm nay, giờ Việt Nam)' })) },
          { additionalProperties: false },
        ),
        response: { 200: TaskStatistics, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => taskStatistics(request.ctx, request.query),
  );

  app.post(
    '/tasks',
    {
      config: { policy: 'task.write' },
      schema: {
        tags,
        summary: 'Giao nhiệm vụ với "6 rõ": người, việc, thời gian, trách nhiệm (chủ trì, phối hợp), sản phẩm, thẩm quyền',
        description: 'Người giao phải có quyền task.write với cơ quan ban hành kế hoạch. Ngày bắt đầu sau hạn hoàn thành: 422. Kế hoạch, đơn vị, chỉ tiêu không có: 404.',
        body: Type.Object({ planId: Id, title: NonBlank(2000), leadUnitId: Id, ...fields }, { additionalProperties: false }),
        response: { 201: TaskDetail, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await createTask(request.ctx, request.body)),
  );

  app.get(
    '/tasks/:id',
    { config: { policy: 'task.read' }, schema: { tags, summary: 'Chi tiết nhiệm vụ và kinh phí', params: IdParams, response: { 200: TaskDetail, ...problems(401, 403, 404) } } },
    async (request) => getTask(request.ctx, request.params.id),
  );

  app.patch(
    '/tasks/:id',
    {
      config: { policy: 'task.write' },
      schema: {
        tags,
        summary: 'Sửa nhiệm vụ (danh sách đơn vị phối hợp, chỉ tiêu khi có thì thay toàn bộ); ghi vào dòng thời gian',
        params: IdParams,
        body: Type.Object({ title: Type.Optional(NonBlank(2000)), leadUnitId: Type.Optional(Id), ...fields }, { additionalProperties: false, minProperties: 1 }),
        response: { 200: TaskDetail, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => updateTask(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/tasks/:id/progress',
    {
      config: { policy: 'task.report' },
      schema: {
        tags,
        summary: 'Báo cáo tiến độ (đơn vị chủ trì): nội dung, phần trăm, tệp minh chứng; nhiệm vụ chưa triển khai chuyển sang đang thực hiện',
        params: IdParams,
        body: Type.Object({ body: NonBlank(20000), progress: Type.Integer({ minimum: 0, maximum: 100 }), fileIds: FileIds }, { additionalProperties: false }),
        response: { 200: TaskDetail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => reportProgress(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/tasks/:id/comments',
    {
      config: { policy: 'task.comment' },
      schema: {
        tags,
        summary: 'Ý kiến về nhiệm vụ (đơn vị chủ trì, đơn vị phối hợp, cơ quan giao nhiệm vụ), có thể kèm tệp',
        params: IdParams,
        body: Type.Object({ body: NonBlank(20000), fileIds: FileIds }, { additionalProperties: false }),
        response: { 201: TimelineEntry, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await addComment(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/tasks/:id/state',
    {
      config: { policy: 'task.comment' },
      schema: {
        tags,
        summary: 'Đổi trạng thái: đơn vị chủ trì báo hoàn thành, tạm dừng (kèm lý do); điều phối viên quyết định không thực hiện hoặc mở lại (kèm lý do)',
        description: 'completedOn mặc định là hôm nay, không được sau hôm nay hoặc trước ngày bắt đầu. Quá hạn không phải là trạng thái: nó được tính từ hạn hoàn thành.',
        params: IdParams,
        body: Type.Object(
          { state: TaskState, reason: Type.Optional(NullableText(4000)), completedOn: Type.Optional(NullableDate) },
          { additionalProperties: false },
        ),
        response: { 200: TaskDetail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => changeState(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/tasks/:id/timeline',
    {
      config: { policy: 'task.read' },
      schema: {
        tags,
        summary: 'Dòng thời gian của nhiệm vụ: báo cáo tiến độ, ý kiến, đổi trạng thái, chỉnh sửa, kèm tệp (cũ trước)',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(TimelineEntry) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => getTimeline(request.ctx, request.params.id),
  );

  app.put(
    '/tasks/:id/budget',
    {
      config: { policy: 'task.write' },
      schema: {
        tags,
        summary: 'Đặt toàn bộ dòng kinh phí của nhiệm vụ theo nguồn và năm (VND): nhu cầu, dự toán được duyệt, đã phân bổ, đã giải ngân',
        description: 'Mỗi nguồn một dòng cho mỗi năm; năm null là nhu cầu và dự toán của cả nhiệm vụ. Đã giải ngân không vượt đã phân bổ.',
        params: IdParams,
        body: Type.Object(
          {
            lines: Type.Array(
              Type.Object(
                {
                  source: BudgetSource,
                  year: Type.Optional(Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 2000, maximum: 2100 })),
                  requested: Type.Optional(NullableMoney),
                  approved: Type.Optional(NullableMoney),
                  allocated: Type.Optional(NullableMoney),
                  disbursed: Type.Optional(NullableMoney),
                  note: Type.Optional(NullableText(2000)),
                },
                { additionalProperties: false },
              ),
              { maxItems: 100 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: TaskDetail, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => setBudget(request.ctx, request.params.id, request.body.lines),
  );
};
