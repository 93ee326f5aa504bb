/**
 * Shapes of the DX Pulse REST API (/api/v1), mirroring the server's route schemas
 * (server/routes/schemas.ts, published as /api/v1/openapi.json).
 */

// The vocabularies live in domain/, shared by server and app, so the two cannot drift apart.
export { ROLES, type Role } from '../../../domain/roles';
export { ORG_UNIT_KINDS, type OrgUnitKind, type LineageShare } from '../../../domain/orgUnits';
import type { Role } from '../../../domain/roles';
import type { OrgUnitKind, LineageShare } from '../../../domain/orgUnits';

export type Locale = 'vi' | 'en';

/** RFC 9457 problem details as the server sends them (detail is already localised). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
}
export interface FieldProblem {
  path: string;
  message: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---- auth & users ---------------------------------------------------------

export interface Membership {
  id: number;
  orgUnitId: number;
  orgUnitCode: string;
  orgUnitName: string;
  role: Role;
}

export interface User {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  isActive: boolean;
  locale: Locale;
  lastLoginAt: string | null;
  lockedUntil?: string | null;
  memberships: Membership[];
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface LoginInput {
  username: string;
  password: string;
}

export interface Grant {
  orgUnitId: number;
  role: Role;
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string | null;
  password: string;
  locale?: Locale;
  memberships?: Grant[];
}

export interface UpdateUserInput {
  fullName?: string;
  email?: string | null;
  isActive?: boolean;
  password?: string;
  locale?: Locale;
}

// ---- organisation units -----------------------------------------------------

export interface OrgUnitSummary {
  id: number;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: number | null;
  closedOn: string | null;
  childCount: number;
}

export interface OrgUnitPathItem {
  id: number;
  code: string;
  name: string;
}

export interface LineageLink {
  id: number;
  code: string;
  name: string;
  kind?: OrgUnitKind;
  share: LineageShare;
  effectiveDate: string | null;
  closedOn?: string | null;
}

export interface OrgUnitDetail {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgUnitKind;
  parentId: number | null;
  validFrom: string | null;
  closedOn: string | null;
  childCount: number;
  /** Ancestors from the root down to the parent. */
  path: OrgUnitPathItem[];
  predecessors: LineageLink[];
  successors: LineageLink[];
}

export interface OrgUnitListQuery {
  q?: string;
  parent?: number;
  kind?: OrgUnitKind;
  includeClosed?: boolean;
  limit?: number;
  cursor?: string;
}

export interface CreateOrgUnitInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: OrgUnitKind;
  parentId: number | null;
  validFrom?: string | null;
}

export interface UpdateOrgUnitInput {
  name?: string;
  shortName?: string | null;
  code?: string;
  validFrom?: string | null;
}

export interface CloseOrgUnitInput {
  closedOn: string;
  successorId?: number | null;
}

export interface MergeOrgUnitsInput {
  sourceIds: number[];
  targetId: number;
  effectiveDate: string;
}

/** One problem row of a CSV import; the server names the row in `path` ("row 3") or `row`. */
export interface ImportRowError {
  row?: number;
  path?: string;
  message: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  errors: ImportRowError[];
}

// ---- audit ------------------------------------------------------------------

export interface AuditEvent {
  id: number;
  at: string;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  orgUnitId: number | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}
