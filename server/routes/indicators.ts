import { Type } from '@fastify/type-provider-typebox';
import { archiveIndicator, createIndicator, getIndicator, listIndicators, restoreIndicator, updateIndicator } from '../commands/indicators.ts';
import { exportIndicatorsXlsx, importIndicatorsXlsx } from '../commands/importIndicators.ts';
import { localeFrom } from '../http/messages.ts';
import { ProblemError } from '../http/problem.ts';
import type { App, AppDeps } from '../http/types.ts';
import { indicatorOptions } from '../presenters/indicatorLabels.ts';
import { XLSX_TYPE } from '../reports/indicatorWorkbook.ts';
import { PILLARS, type Pillar } from '../../domain/indicators.ts';
import { Direction, Indicator, IndicatorOptions, IndicatorUnit, PeriodType, Pillar as PillarSchema, SpaceAggregation, TimeAggregation } from './catalogSchemas.ts';
import { NonBlank, Page, problems } from './schemas.ts';

const tags = ['indicators'];
/** Numeric: an id; anything else: a code (codes always hold a letter). */
const RefParams = Type.Object({ idOrCode: Type.String({ minLength: 1, maxLength: 50, description: 'Mã định danh (số) hoặc mã chỉ tiêu' }) });
/** A number or null, as one JSON type list (a union would let the validator coerce null to 0). */
const NullableNumber = Type.Unsafe<number | null>({ type: ['number', 'null'] });
const NullableText = (maxLength: number) => Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength });
const XLSX_BODY_LIMIT = 10 * 1024 * 1024;

const definition = {
  description: Type.Optional(NullableText(4000)),
  pillar: Type.Optional(Type.Unsafe<Pillar | null>({ type: ['string', 'null'], enum: [...PILLARS, null], description: 'Trụ cột chuyển đổi số' })),
  direction: Type.Optional(Direction),
  periodType: Type.Optional(PeriodType),
  decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
  minValue: Type.Optional(NullableNumber),
  maxValue: Type.Optional(NullableNumber),
};

export const indicatorRoutes = (_deps: AppDeps) => async (app: App) => {
  // The xlsx bytes of an import arrive as a Buffer; only this plugin's routes accept them.
  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: XLSX_BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/indicators',
    {
      config: { policy: 'indicator.read' },
      schema: {
        tags,
        summary: 'Danh sách chỉ tiêu theo mã; tìm không dấu theo mã và tên (q), lọc theo trụ cột',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200 })),
            pillar: Type.Optional(PillarSchema),
            includeArchived: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Indicator), ...problems(400, 401, 403) },
      },
    },
    async (request) => listIndicators(request.ctx, request.query),
  );

  app.get(
    '/indicators/options',
    {
      config: { policy: 'indicator.read' },
      schema: { tags, summary: 'Các giá trị hợp lệ của đơn vị tính, trụ cột, chiều tốt, cách tổng hợp, kỳ báo cáo, kèm nhãn', response: { 200: IndicatorOptions, ...problems(401, 403) } },
    },
    async (request) => indicatorOptions(localeFrom(request.headers['accept-language'])),
  );

  app.get(
    '/indicators/export.xlsx',
    {
      config: { policy: 'indicator.read' },
      schema: {
        tags,
        summary: 'Xuất danh mục chỉ tiêu ra tệp Excel (nhập lại được bằng POST /indicators/import)',
        produces: [XLSX_TYPE],
        querystring: Type.Object({ includeArchived: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Tệp .xlsx' }), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const bytes = await exportIndicatorsXlsx(request.ctx, request.query);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="chi-tieu.xlsx"; filename*=UTF-8''${encodeURIComponent('chỉ-tiêu.xlsx')}`)
        .send(bytes);
    },
  );

  app.post(
    '/indicators/import',
    {
      config: { policy: 'indicator.write' },
      bodyLimit: XLSX_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Nhập danh mục chỉ tiêu từ tệp Excel: tạo mới hoặc cập nhật theo mã; một dòng lỗi thì không nhập dòng nào',
        description: `Gửi nội dung tệp .xlsx làm thân yêu cầu với Content-Type ${XLSX_TYPE}. Cột: Mã, Tên chỉ tiêu, Đơn vị tính, Trụ cột, Chiều tốt, Tổng hợp theo đơn vị, Tổng hợp theo thời gian, Kỳ báo cáo, Mô tả, Số chữ số thập phân, Giá trị nhỏ nhất, Giá trị lớn nhất.`,
        consumes: [XLSX_TYPE],
        body: Type.Unsafe<Buffer>({ description: 'Nội dung tệp .xlsx (tối đa 10 MB)' }),
        response: {
          200: Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() }),
          ...problems(400, 401, 403, 409, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const locale = localeFrom(request.headers['accept-language']);
      if (!Buffer.isBuffer(request.body)) throw new ProblemError(415, 'indicator.xlsx.notBinary');
      return importIndicatorsXlsx(request.ctx, request.body, locale);
    },
  );

  app.post(
    '/indicators',
    {
      config: { policy: 'indicator.write' },
      schema: {
        tags,
        summary: 'Tạo chỉ tiêu',
        description:
          'Mặc định: direction = higher, periodType = month, decimals = 2; chỉ tiêu % có khoảng giá trị 0–100, số lượng và tiền không âm (gửi null để bỏ giới hạn). Chỉ tiêu ratio báo cáo tử số và mẫu số; với đơn vị % giá trị là 100 × Σ tử số / Σ mẫu số.',
        body: Type.Object(
          {
            code: NonBlank(50),
            name: NonBlank(500),
            unit: IndicatorUnit,
            spaceAggregation: SpaceAggregation,
            timeAggregation: TimeAggregation,
            ...definition,
          },
          { additionalProperties: false },
        ),
        response: { 201: Indicator, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await createIndicator(request.ctx, request.body, localeFrom(request.headers['accept-language']))),
  );

  app.get(
    '/indicators/:idOrCode',
    { config: { policy: 'indicator.read' }, schema: { tags, summary: 'Chi tiết chỉ tiêu (theo mã định danh hoặc mã chỉ tiêu)', params: RefParams, response: { 200: Indicator, ...problems(401, 403, 404) } } },
    async (request) => getIndicator(request.ctx, request.params.idOrCode),
  );

  app.patch(
    '/indicators/:idOrCode',
    {
      config: { policy: 'indicator.write' },
      schema: {
        tags,
        summary: 'Sửa chỉ tiêu; khi đã có số liệu thì không đổi được đơn vị tính, cách tổng hợp và kỳ báo cáo (409)',
        params: RefParams,
        body: Type.Object(
          {
            code: Type.Optional(NonBlank(50)),
            name: Type.Optional(NonBlank(500)),
            unit: Type.Optional(IndicatorUnit),
            spaceAggregation: Type.Optional(SpaceAggregation),
            timeAggregation: Type.Optional(TimeAggregation),
            ...definition,
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Indicator, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => updateIndicator(request.ctx, request.params.idOrCode, request.body, localeFrom(request.headers['accept-language'])),
  );

  app.delete(
    '/indicators/:idOrCode',
    {
      config: { policy: 'indicator.write' },
      schema: { tags, summary: 'Lưu trữ chỉ tiêu (ẩn khỏi danh sách, giữ nguyên số liệu và chỉ tiêu kế hoạch)', params: RefParams, response: { 200: Indicator, ...problems(401, 403, 404) } },
    },
    async (request) => archiveIndicator(request.ctx, request.params.idOrCode),
  );

  app.post(
    '/indicators/:idOrCode/restore',
    {
      config: { policy: 'indicator.write' },
      schema: { tags, summary: 'Khôi phục chỉ tiêu đã lưu trữ', params: RefParams, response: { 200: Indicator, ...problems(401, 403, 404) } },
    },
    async (request) => restoreIndicator(request.ctx, request.params.idOrCode),
  );
};
