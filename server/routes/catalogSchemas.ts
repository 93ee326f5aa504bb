/** JSON shapes of indicators, plans and targets; the OpenAPI document is generated from these. */
import { Type } from '@fastify/type-provider-typebox';
import { Task } from './taskSchemas.ts';
import { DIRECTIONS, INDICATOR_PERIOD_TYPES, INDICATOR_UNITS, PILLARS, SPACE_AGGREGATIONS, TIME_AGGREGATIONS } from '../../domain/indicators.ts';
import { PLAN_KINDS } from '../../domain/plans.ts';
import { COMPARATORS, TARGET_LEVELS, TARGET_SCOPES } from '../../domain/targets.ts';
import { StringEnum } from './schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const IndicatorUnit = StringEnum(INDICATOR_UNITS, 'Đơn vị tính');
export const Pillar = StringEnum(PILLARS, 'Trụ cột chuyển đổi số');
export const Direction = StringEnum(DIRECTIONS, 'higher: càng cao càng tốt; lower: càng thấp càng tốt');
export const SpaceAggregation = StringEnum(SPACE_AGGREGATIONS, 'Tổng hợp theo đơn vị; ratio = tổng tử số / tổng mẫu số (×100 với đơn vị %)');
export const TimeAggregation = StringEnum(TIME_AGGREGATIONS, 'Tổng hợp theo thời gian: sum (luồng), latest (tồn), avg, min, max');
export const PeriodType = StringEnum(INDICATOR_PERIOD_TYPES, 'Kỳ báo cáo');
export const PlanKind = StringEnum(PLAN_KINDS, 'Loại văn bản: NQ, KH, QĐ, CT, CTr, ĐA, BC, TB, HD, KL, CV, TTr');
export const Comparator = StringEnum(COMPARATORS);
export const TargetScope = StringEnum(TARGET_SCOPES, 'unit: một đơn vị; level: mọi đơn vị của một cấp dưới đơn vị neo');
export const TargetLevel = StringEnum(TARGET_LEVELS, 'commune gồm xã, phường, đặc khu');

export const Indicator = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  unit: Type.String(),
  pillar: Nullable(Type.String()),
  direction: Direction,
  spaceAggregation: SpaceAggregation,
  timeAggregation: TimeAggregation,
  periodType: PeriodType,
  decimals: Type.Integer(),
  minValue: Nullable(Type.Number()),
  maxValue: Nullable(Type.Number()),
  isDemo: Type.Boolean(),
  archivedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const Option = Type.Object({ value: Type.String(), label: Type.String() });
export const IndicatorOptions = Type.Object({
  units: Type.Array(Option),
  pillars: Type.Array(Option),
  directions: Type.Array(Option),
  spaceAggregations: Type.Array(Option),
  timeAggregations: Type.Array(Option),
  periodTypes: Type.Array(Option),
});

const UnitRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });
const IndicatorRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), unit: Type.String(), direction: Direction });

export const Target = Type.Object({
  id: Type.Integer(),
  planId: Nullable(Type.Integer()),
  plan: Nullable(Type.Object({ id: Type.Integer(), kind: Type.String(), number: Type.String() })),
  indicator: IndicatorRef,
  scope: TargetScope,
  orgUnit: UnitRef,
  level: Nullable(TargetLevel),
  year: Type.Integer(),
  comparator: Comparator,
  value: Type.Number(),
  valueMax: Nullable(Type.Number()),
  parentTargetId: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const Plan = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  number: Type.String(),
  issuer: Nullable(UnitRef),
  issuedOn: Nullable(Type.String()),
  title: Type.String(),
  horizonYear: Nullable(Type.Integer()),
  horizonFrom: Nullable(Type.Integer()),
  parentPlan: Nullable(Type.Object({ id: Type.Integer(), number: Type.String() }, { description: 'Kế hoạch mà kế hoạch này triển khai' })),
  summary: Nullable(Type.String()),
  document: Nullable(Type.Object({ id: Type.Integer(), name: Type.String(), size: Type.Integer(), url: Type.String() }, { description: 'Văn bản gốc' })),
  targetCount: Type.Integer(),
  taskCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const PlanDetail = Type.Intersect([
  Plan,
  Type.Object({
    children: Type.Array(Plan),
    targets: Type.Array(Target),
    targetsByYearAndLevel: Type.Array(Type.Object({ year: Type.Integer(), level: Nullable(Type.String()), count: Type.Integer() })),
    tasks: Type.Array(Task),
  }),
]);
