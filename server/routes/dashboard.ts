/** Tổng quan: the leaders' dashboard in one read (server/commands/dashboard.ts). */
import { Type } from '@fastify/type-provider-typebox';
import { TILE_STATUSES } from '../../domain/dashboard.ts';
import { dashboard } from '../commands/dashboard.ts';
import type { App, AppDeps } from '../http/types.ts';
import { Id, StringEnum, problems } from './schemas.ts';

const Loose = (description: string) => Type.Object({}, { additionalProperties: true, description });
const UnitRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), kind: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Counts = {
  expected: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer(),
  missing: Type.Integer(),
  pending: Type.Integer(),
  rate: Nullable(Type.Number({ description: 'Tỷ lệ đúng hạn (%) trên số báo cáo đã đến hạn' })),
};

const Dashboard = Type.Object({
  asOf: Type.String({ format: 'date' }),
  year: Type.Integer(),
  years: Type.Array(Type.Integer()),
  plan: Nullable(Type.Object({ id: Type.Integer(), kind: Type.String(), number: Type.String(), title: Type.String() })),
  plans: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), number: Type.String(), title: Type.String(), parentPlanId: Nullable(Type.Integer()), targets: Type.Integer() })),
  planTree: Type.Array(Type.Integer(), { description: 'Kế hoạch đã chọn và các kế hoạch triển khai nó' }),
  unit: UnitRef,
  path: Type.Array(UnitRef, { description: 'Từ đơn vị gốc của người dùng đến đơn vị đang xem' }),
  pillars: Type.Array(
    Type.Object({
      pillar: Type.String(),
      counts: Loose('Số chỉ tiêu theo tình trạng'),
      tiles: Type.Array(
        Type.Object(
          {
            id: Type.Integer({ description: 'Mã chỉ tiêu kế hoạch (target)' }),
            planId: Type.Integer(),
            pillar: Type.String(),
            mode: StringEnum(['unit', 'level'], 'unit: số liệu của chính đơn vị; level: chỉ tiêu theo cấp, tính trên các đơn vị cấp đó bên dưới'),
            indicator: Loose('Chỉ tiêu (indicator)'),
            target: Loose('comparator, value, valueMax, year, scope, level, deadline'),
            actual: Nullable(Type.Number({ description: 'Số liệu năm (như GET /analytics?period=YYYY); chỉ tiêu theo cấp: trung bình các đơn vị có số liệu' })),
            numerator: Nullable(Type.Number()),
            denominator: Nullable(Type.Number()),
            latestPeriod: Nullable(Type.String()),
            gap: Nullable(Type.Number({ description: 'Còn thiếu so với mục tiêu (dương) hoặc đã vượt (âm, bằng 0)' })),
            attainment: Nullable(Type.Number()),
            forecast: Nullable(Type.Number({ description: 'Dự báo đến hạn' })),
            forecastMethod: StringEnum(['final', 'trend', 'last', 'none']),
            status: StringEnum(TILE_STATUSES),
            level: Nullable(Loose('units, withData, meeting, share, average, counts, status')),
          },
          { additionalProperties: false },
        ),
      ),
    }),
  ),
  tasks: Type.Object({
    total: Loose('Như GET /tasks/statistics: assigned, completed, inProgress, notStarted, paused, notCarriedOut, doneOrInProgress, overdue'),
    byLeadUnit: Type.Array(Loose('unit và các số như total')),
    overdueCount: Type.Integer(),
    overdue: Type.Array(
      Type.Object({
        id: Type.Integer(),
        ref: Nullable(Type.String()),
        title: Type.String(),
        plan: Type.Object({ id: Type.Integer(), number: Type.String() }),
        leadUnit: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
        dueDate: Type.String({ format: 'date' }),
        daysOverdue: Type.Integer(),
        state: Type.String(),
      }),
    ),
  }),
  compliance: Type.Object({
    asOf: Type.String({ format: 'date' }),
    totals: Type.Object(Counts),
    forms: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), periods: Type.Array(Type.String()), ...Counts, rate: Type.Optional(Counts.rate) })),
    units: Type.Array(Type.Object({ unit: UnitRef, ...Counts })),
  }),
  children: Type.Array(
    Type.Object({
      id: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      targets: Type.Integer(),
      attainmentShare: Nullable(Type.Number({ description: '% chỉ tiêu đạt trong số chỉ tiêu có số liệu' })),
      overdueTasks: Type.Integer(),
      complianceRate: Nullable(Type.Number()),
    }),
  ),
});

export const dashboardRoutes = (_deps: AppDeps) => async (app: App) => {
  app.get(
    '/dashboard',
    {
      config: { policy: 'data.read' },
      schema: {
        tags: ['dashboard'],
        summary: 'Tổng quan cho lãnh đạo: chỉ tiêu theo trụ cột (thực hiện, mục tiêu, khoảng cách, dự báo, tình trạng), nhiệm vụ, tình hình báo cáo và các đơn vị trực thuộc để xem chi tiết',
        description:
          'Mặc định: kế hoạch do đơn vị cao nhất của người dùng ban hành có nhiều chỉ tiêu nhất (tính cả các kế hoạch triển khai nó), năm gần nhất có số liệu, đơn vị gốc của người dùng. Xếp hạng đọc riêng ở GET /rankings/top.',
        querystring: Type.Object(
          {
            planId: Type.Optional(Id),
            year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
            unitId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: { 200: Dashboard, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => dashboard(request.ctx, request.query),
  );
};
