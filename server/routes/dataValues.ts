import { Type } from '@fastify/type-provider-typebox';
import { analytics, overview, series } from '../commands/analytics.ts';
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
const Cell = {
  value: Num,
  numerator: Num,
  denominator: Num,
  count: Type.Integer(),
  target: Type.Union([Type.Object({ id: Type.Integer(), comparator: Type.String(), value: Type.Number(), valueMax: Num }), Type.Null()]),
  attainment: Num,
  status: Type.Union([StringEnum(TARGET_STATUSES), Type.Null()]),
};
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
