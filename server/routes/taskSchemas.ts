/** JSON shapes of tasks, their timeline, budgets and statistics (OpenAPI). */
import { Type } from '@fastify/type-provider-typebox';
import { BUDGET_SOURCES, TASK_ACTIONS, TASK_STATES, TASK_STATUSES } from '../../domain/tasks.ts';
import { StringEnum } from './schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const TaskState = StringEnum(TASK_STATES, 'Trạng thái do người dùng đặt: not_started (chưa triển khai), in_progress (đang thực hiện), completed (hoàn thành), paused (tạm dừng), cancelled (không thực hiện)');
export const TaskStatus = StringEnum(
  TASK_STATUSES,
  'Tình trạng tính từ trạng thái và ngày (giờ Việt Nam): not_started, in_progress_on_time, in_progress_overdue, completed_on_time, completed_late, paused, cancelled. Quá hạn luôn được tính, không nhập tay.',
);
export const BudgetSource = StringEnum(BUDGET_SOURCES, 'Nguồn kinh phí: chi thường xuyên, sự nghiệp CNTT, đầu tư công, quỹ phát triển của đơn vị, xã hội hóa, khác');

const UnitRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });
const UnitRefClosed = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), closedOn: Nullable(Type.String()) });

export const FileMeta = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: Type.String(),
  url: Type.String(),
});

export const Task = Type.Object({
  id: Type.Integer(),
  plan: Type.Object({ id: Type.Integer(), kind: Type.String(), number: Type.String(), title: Type.String() }),
  parentTaskId: Nullable(Type.Integer()),
  ref: Nullable(Type.String({ description: 'Số hiệu trong kế hoạch, ví dụ II.1.c.(2)' })),
  group: Nullable(Type.String()),
  title: Type.String({ description: 'Rõ việc' }),
  description: Nullable(Type.String()),
  leadUnit: UnitRefClosed,
  currentLeadUnit: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }, { description: 'Đơn vị chủ trì hiện nay: chính nó, hoặc đơn vị kế thừa nếu đơn vị chủ trì đã sáp nhập' }),
  cooperatingUnits: Type.Array(UnitRefClosed),
  responsible: Type.Object({ userId: Nullable(Type.Integer()), name: Nullable(Type.String()) }, { description: 'Rõ người' }),
  deliverable: Nullable(Type.String({ description: 'Rõ sản phẩm' })),
  approvingAuthority: Nullable(Type.String({ description: 'Rõ thẩm quyền' })),
  startDate: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  scheduleNote: Nullable(Type.String()),
  state: TaskState,
  stateReason: Nullable(Type.String()),
  status: TaskStatus,
  overdue: Type.Boolean(),
  progress: Type.Integer(),
  completedOn: Nullable(Type.String()),
  targetIds: Type.Array(Type.Integer()),
  subTaskCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  actions: Type.Array(
    StringEnum(TASK_ACTIONS),
    {
      description:
        'Việc người gọi được làm với nhiệm vụ lúc này, theo đúng kiểm tra của các lệnh: edit (sửa, PATCH), report (báo cáo tiến độ), comment (ý kiến), state (đơn vị chủ trì đổi trạng thái: triển khai, tạm dừng, hoàn thành), budget (kinh phí), cancel (quyết định không thực hiện), reopen (mở lại nhiệm vụ đã hoàn thành hoặc không thực hiện)',
    },
  ),
});

export const BudgetLine = Type.Object({
  id: Type.Integer(),
  source: Type.String(),
  year: Nullable(Type.Integer()),
  requested: Nullable(Type.Number()),
  approved: Nullable(Type.Number()),
  allocated: Nullable(Type.Number()),
  disbursed: Nullable(Type.Number()),
  note: Nullable(Type.String()),
});

export const TaskDetail = Type.Intersect([Task, Type.Object({ budget: Type.Array(BudgetLine) })]);

export const TimelineEntry = Type.Object({
  id: Type.Integer(),
  kind: StringEnum(['progress', 'comment', 'state', 'edit'] as const),
  body: Nullable(Type.String()),
  progress: Nullable(Type.Integer()),
  stateFrom: Nullable(Type.String()),
  stateTo: Nullable(Type.String()),
  detail: Type.Unknown(),
  author: Nullable(Type.Object({ id: Type.Integer(), username: Type.String(), fullName: Type.String() })),
  at: Type.String(),
  files: Type.Array(FileMeta),
});

const Counts = {
  assigned: Type.Integer({ description: 'được giao' }),
  completed: Type.Object({ total: Type.Integer(), onTime: Type.Integer(), late: Type.Integer() }, { description: 'đã hoàn thành (đúng hạn / quá hạn)' }),
  inProgress: Type.Object({ total: Type.Integer(), onTime: Type.Integer(), overdue: Type.Integer() }, { description: 'đang thực hiện (trong hạn / quá hạn)' }),
  notStarted: Type.Integer({ description: 'chưa triển khai' }),
  paused: Type.Integer({ description: 'tạm dừng' }),
  notCarriedOut: Type.Integer({ description: 'không thực hiện' }),
  doneOrInProgress: Type.Integer({ description: 'đã và đang thực hiện' }),
  overdue: Type.Integer({ description: 'quá hạn (chưa triển khai hoặc đang thực hiện)' }),
  taskIds: Type.Record(Type.String(), Type.Array(Type.Integer()), { description: 'Mã nhiệm vụ của từng con số, để xem chi tiết' }),
};

export const TaskStatistics = Type.Object({
  asOf: Type.String(),
  total: Type.Object(Counts),
  byPlan: Type.Array(Type.Object({ plan: Type.Object({ id: Type.Integer(), kind: Type.String(), number: Type.String(), title: Type.String() }), ...Counts })),
  byLeadUnit: Type.Array(Type.Object({ unit: UnitRef, ...Counts })),
});

const Money = {
  tasks: Type.Integer(),
  leadUnits: Type.Integer({ description: 'số sở/đơn vị chủ trì' }),
  requested: Type.Number({ description: 'nhu cầu kinh phí (cả nhiệm vụ), VND' }),
  approved: Type.Number({ description: 'dự toán được duyệt, VND' }),
  requestedYear: Type.Number({ description: 'nhu cầu kinh phí của năm, VND' }),
  allocatedYear: Type.Number({ description: 'kinh phí của năm đã phân bổ, VND' }),
  disbursedYear: Type.Number({ description: 'kinh phí của năm đã giải ngân, VND' }),
};

export const PlanBudget = Type.Object({
  planId: Type.Integer(),
  year: Type.Integer(),
  total: Type.Object(Money),
  bySource: Type.Array(Type.Object({ source: Type.String(), ...Money })),
  byGroup: Type.Array(Type.Object({ group: Nullable(Type.String()), ...Money })),
});
