/** Shared JSON shapes of the API; the OpenAPI document is generated from these. */
import { Type } from '@fastify/type-provider-typebox';
import { ORG_UNIT_KINDS, LINEAGE_SHARES } from '../../domain/orgUnits.ts';
import { ROLES } from '../../domain/roles.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
export const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Id = Type.Integer({ minimum: 1 });
/** Text that must hold something besides whitespace (it is trimmed before storing). */
export const NonBlank = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details, thông điệp tiếng Việt', additionalProperties: true },
);

/** A string limited to a fixed list, typed as the list's union. */
export const StringEnum = <const T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const OrgUnitKind = StringEnum(ORG_UNIT_KINDS);
export const RoleSchema = StringEnum(ROLES);

export const OrgUnitSummary = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: OrgUnitKind,
  parentId: Nullable(Type.Integer()),
  closedOn: Nullable(Type.String()),
  childCount: Type.Integer(),
});

const LineageLink = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: OrgUnitKind,
  share: StringEnum(LINEAGE_SHARES),
  effectiveDate: Nullable(Type.String()),
  closedOn: Nullable(Type.String()),
});

export const OrgUnitDetail = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  kind: OrgUnitKind,
  parentId: Nullable(Type.Integer()),
  validFrom: Nullable(Type.String()),
  closedOn: Nullable(Type.String()),
  childCount: Type.Integer(),
  path: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() })),
  predecessors: Type.Array(LineageLink),
  successors: Type.Array(LineageLink),
});

export const Membership = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgUnitCode: Type.String(),
  orgUnitName: Type.String(),
  role: RoleSchema,
});

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  fullName: Type.String(),
  email: Nullable(Type.String()),
  isActive: Type.Boolean(),
  locale: Type.Union([Type.Literal('vi'), Type.Literal('en')]),
  lastLoginAt: Nullable(Type.String()),
  lockedUntil: Nullable(Type.String()),
  memberships: Type.Array(Membership),
});

export const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorUsername: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  orgUnitId: Nullable(Type.Integer()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Nullable(Type.String()),
});

export const Page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

/** Error responses every route may give, for the OpenAPI document. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { ...Problem, description: 'problem+json' }]));
