import { Type } from '@fastify/type-provider-typebox';
import { TABLE_COLUMNS, TABLE_LIMITS, analytics, analyticsTable, overview, series, type TableRow as TableRowType } from '../commands/analytics.ts';
import { submitDataValues } from '../commands/submitDataValues.ts';
import { localeFrom } from '../http/messages.ts';
import type { App, AppDeps } from '../http/types.ts';
import { TARGET_STATUSES } from '../../domain/targets.ts';
import { StringEnum, problems } from './schemas.ts';

const Num = Type.Union([Type.Number(), Type.Null()]);
const ImportSummary = Type.Object({
  imported: Type.Integer(),
  updated: Type.Integer(),
  ignored: Type.Integer(),
  conflicts: Type.Array(Type.Object({ index: Type.Integer(), message: Type.String() })),
});
const TargetRef = Type.Object({ id: Type.Integer(), comparator: Type.String(), value: Type.Number(), valueMax: Num });
const Cell = {
  value: Num,
  numerator: Num,
  denominator: Num,
  count: Type.Integer(),
  target: Type.Union([TargetRef, Type.Null()]),
  attainment: Num,
  status: Type.Union([StringEnum(TARGET_STATUSES), Type.Null()]),
};
/** A table row: a fixed-length array (JSON Schema 2020-12 `prefixItems`, as OpenAPI 3.1 reads it). */
const TableRow = Type.Unsafe<TableRowType>({
  type: 'array',
  prefixItems: [Type.Integer(), Type.Integer(), Type.String(), Num, Num, Num, Type.Integer(), Type.Union([Type.Integer(), Type.Null()]), Num, Cell.status].map((schema, k) => ({
    ...schema,
    title: TABLE_COLUMNS[k],
  })),
  items: false,
  minItems: TABLE_COLUMNS.length,
  maxItems: TABLE_COLUMNS.length,
});
const UnitRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), kind: Type.String(), closedOn: Type.Union([Type.String(), Type.Null()]) });
const IndicatorRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), unit: Type.String() });

export const dataValueRoutes = (_deps: AppDeps) => async (app: App) => {
  app.post(
    '/data-values',
    {
      config: { policy: 'data.write' },
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags: ['data'],
        summary: 'Ghi số liệu hàng loạt (nguyên tử theo mặc định; ?atomic=false lưu các dòng hợp lệ); hỗ trợ Idempotency-Key',
        querystring: Type.Object({ atomic: Type.Optional(Type.Boolean({ default: true })) }, { additionalProperties: false }),
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        body: Type.Object(
          {
            dataValues: Type.Array(
              Type.Object(
                {
                  indicator: Type.String({ minLength: 1, maxLength: 100 }),
                  orgUnit: Type.String({ minLength: 1, maxLength: 50 }),
                  period: Type.String({ minLength: 1, maxLength: 20 }),
                  value: Type.Optional(Num),
                  numerator: Type.Optional(Num),
                  denominator: Type.Optional(Num),
                  comment: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 200_000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ImportSummary, ...problems(400, 401, 403, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const result = await submitDataValues(request.ctx, request.body.dataValues, {
        atomic: request.query.atomic ?? true,
        idempotencyKey: request.headers['idempotency-key'],
        source: 'api',
        locale: localeFrom(request.headers['accept-language']),
      });
      return reply.status(200).send(result.body);
    },
  );

  app.get(
    '/analytics',
    {
      config: { policy: 'data.read' },
      schema: {
        tags: ['data'],
        summary: 'Số liệu tổng hợp của một chỉ tiêu cho cả cây con của đơn vị trong một kỳ; by=children cho từng đơn vị trực thuộc',
        querystring: Type.Object(
          {
            indicator: Type.String({ minLength: 1, maxLength: 100 }),
            orgUnit: Type.String({ minLength: 1, maxLength: 50 }),
            period: Type.String({ minLength: 1, maxLength: 20 }),
            by: Type.Optional(Type.Literal('children')),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Union([
            Type.Object({ indicator: IndicatorRef, period: Type.String(), orgUnit: UnitRef, ...Cell }),
            Type.Object({ indicator: IndicatorRef, period: Type.String(), items: Type.Array(Type.Object({ orgUnit: UnitRef, period: Type.String(), ...Cell })) }),
          ]),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => analytics(request.ctx, request.query),
  );

  app.get(
    '/analytics/table',
    {
      config: { policy: 'data.read' },
      // Tens of thousands of rows: JSON.stringify writes them several times faster than the serializer
      // compiled from the schema (which tests every nullable field against each branch of its union).
      // The schema still documents the response; the command builds exactly that shape.
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['data'],
        summary: 'Bảng số liệu tổng hợp: nhiều chỉ tiêu × đơn vị (hoặc các đơn vị trực thuộc với by=children) × kỳ trong một lần đọc',
        description:
          'Mỗi tham số indicator, orgUnit, period lặp lại được (indicator=A&indicator=B…). Mỗi dòng của `rows` là một ô (chỉ tiêu, đơn vị, kỳ), ' +
          'một mảng theo thứ tự `columns` (như API analytics của DHIS2): id chỉ tiêu, id đơn vị, kỳ, giá trị, tử số, mẫu số, số đơn vị báo cáo, ' +
          'id chỉ tiêu kế hoạch áp dụng, mức đạt, trạng thái — cùng nghĩa với GET /analytics. Mã và tên ở `indicators`, `orgUnits`, ' +
          'ngưỡng của chỉ tiêu kế hoạch ở `targets`. Thứ tự dòng: theo chỉ tiêu (như yêu cầu), rồi đơn vị (như `orgUnits`), rồi kỳ (như yêu cầu). ' +
          'Với by=children, đơn vị cũ (đã giải thể, sáp nhập) chỉ hiện ở các ô có số liệu. ' +
          `Tối đa ${TABLE_LIMITS.indicators} chỉ tiêu, ${TABLE_LIMITS.orgUnits} đơn vị, ${TABLE_LIMITS.periods} kỳ và ${TABLE_LIMITS.cells.toLocaleString('vi-VN')} ô mỗi lần đọc.`,
        querystring: Type.Object(
          {
            indicator: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: TABLE_LIMITS.indicators }),
            orgUnit: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { minItems: 1, maxItems: TABLE_LIMITS.orgUnits }),
            period: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 1, maxItems: TABLE_LIMITS.periods }),
            by: Type.Optional(Type.Literal('children')),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            indicators: Type.Array(IndicatorRef),
            orgUnits: Type.Array(UnitRef),
            periods: Type.Array(Type.String()),
            targets: Type.Array(TargetRef),
            columns: Type.Array(Type.String(), { description: TABLE_COLUMNS.join(', ') }),
            rows: Type.Array(TableRow, { description: `Mỗi dòng một ô: ${TABLE_COLUMNS.join(', ')}` }),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => analyticsTable(request.ctx, request.query, localeFrom(request.headers['accept-language'])),
  );

  app.get(
    '/analytics/series',
    {
      config: { policy: 'data.read' },
      schema: {
        tags: ['data'],
        summary: 'Chuỗi số liệu theo thời gian của một chỉ tiêu tại một đơn vị (theo loại kỳ của chỉ tiêu)',
        querystring: Type.Object(
          {
            indicator: Type.String({ minLength: 1, maxLength: 100 }),
            orgUnit: Type.String({ minLength: 1, maxLength: 50 }),
            from: Type.String({ minLength: 1, maxLength: 20 }),
            to: Type.String({ minLength: 1, maxLength: 20 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            indicator: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), unit: Type.String(), periodType: Type.String() }),
            orgUnit: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
            items: Type.Array(Type.Object({ period: Type.String(), value: Num, numerator: Num, denominator: Num, count: Type.Integer() })),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => series(request.ctx, request.query),
  );

  app.get(
    '/analytics/overview',
    {
      config: { policy: 'data.read' },
      schema: {
        tags: ['data'],
        summary: 'Mọi chỉ tiêu tại một đơn vị trong năm: số mới nhất, chỉ tiêu kế hoạch, mức đạt, trạng thái và dự báo cuối năm',
        querystring: Type.Object(
          { orgUnit: Type.String({ minLength: 1, maxLength: 50 }), year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            orgUnit: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
            year: Type.Integer(),
            items: Type.Array(
              Type.Object({
                indicator: Type.Object({
                  id: Type.Integer(),
                  code: Type.String(),
                  name: Type.String(),
                  unit: Type.String(),
                  pillar: Type.Union([Type.String(), Type.Null()]),
                  direction: Type.String(),
                  periodType: Type.String(),
                  decimals: Type.Integer(),
                }),
                latestPeriod: Type.Union([Type.String(), Type.Null()]),
                forecast: Num,
                ...Cell,
              }),
            ),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => overview(request.ctx, request.query),
  );
};
