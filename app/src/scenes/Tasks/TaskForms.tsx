import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { tasksApi, usePlanList, useTaskUpdate } from '../../api/tasks';
import { BUDGET_SOURCES, type BudgetLineInput, type BudgetSource, type TaskDetail, type TaskInput } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { UnitSelect, UnitsSelect } from '../../components/UnitSelect';
import { API_DATE_FORMAT, DATE_FORMAT, formatNumber } from '../../lib/format';

interface TaskFormValues {
  planId?: number;
  ref?: string;
  group?: string;
  title: string;
  description?: string;
  leadUnitId?: number | null;
  cooperatingUnitIds: number[];
  responsibleName?: string;
  deliverable?: string;
  approvingAuthority?: string;
  startDate?: Dayjs | null;
  dueDate?: Dayjs | null;
  scheduleNote?: string;
}

/** Refusals of the server that belong to one field (422 without a field list). */
const PROBLEM_FIELDS: Record<string, keyof TaskFormValues> = {
  'task.datesOrder': 'dueDate',
  'task.leadCooperates': 'cooperatingUnitIds',
  'task.unitClosed': 'leadUnitId',
  'orgUnit.notFound': 'leadUnitId',
  'plan.notFound': 'planId',
};

const blank = (v: string | undefined) => v?.trim() || null;
const date = (d: Dayjs | null | undefined) => (d ? d.format(API_DATE_FORMAT) : null);

/**
 * Giao nhiệm vụ (a new task; in a plan, or choosing the plan) or Sửa (an existing one): the 6 rõ —
 * người, việc, thời gian, trách nhiệm (chủ trì, phối hợp), sản phẩm, thẩm quyền. The dates are
 * checked in order here as the server checks them; the server's refusals go next to their fields.
 */
export function TaskFormDialog({ task, planId, onClose, onSaved }: { task?: TaskDetail; planId?: number; onClose: () => void; onSaved?: (task: TaskDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TaskFormValues>();
  const refresh = useTaskUpdate(task?.id ?? 0);
  const plans = usePlanList({ limit: 200 });
  const choosePlan = !task && planId === undefined;
  const planOptions = (plans.data?.pages.flatMap((p) => p.items) ?? []).map((p) => ({ value: p.id, label: `${p.kind} ${p.number} — ${p.title}` }));
  const initialValues: Partial<TaskFormValues> = task
    ? {
        ref: task.ref ?? undefined,
        group: task.group ?? undefined,
        title: task.title,
        description: task.description ?? undefined,
        leadUnitId: task.leadUnit.id,
        cooperatingUnitIds: task.cooperatingUnits.map((u) => u.id),
        responsibleName: task.responsible.userId === null ? (task.responsible.name ?? undefined) : undefined,
        deliverable: task.deliverable ?? undefined,
        approvingAuthority: task.approvingAuthority ?? undefined,
        startDate: task.startDate ? dayjs(task.startDate) : null,
        dueDate: task.dueDate ? dayjs(task.dueDate) : null,
        scheduleNote: task.scheduleNote ?? undefined,
      }
    : { planId, cooperatingUnitIds: [] };
  const leadUnitId = Form.useWatch('leadUnitId', form);

  const submit = async (v: TaskFormValues) => {
    const body: TaskInput = {
      ref: blank(v.ref),
      group: blank(v.group),
      title: v.title.trim(),
      description: blank(v.description),
      leadUnitId: v.leadUnitId!,
      cooperatingUnitIds: v.cooperatingUnitIds ?? [],
      deliverable: blank(v.deliverable),
      approvingAuthority: blank(v.approvingAuthority),
      startDate: date(v.startDate),
      dueDate: date(v.dueDate),
      scheduleNote: blank(v.scheduleNote),
      // A named account stays the responsible person unless a name is typed in its place.
      ...(task?.responsible.userId == null
        ? { responsibleName: blank(v.responsibleName) }
        : blank(v.responsibleName)
          ? { responsibleName: blank(v.responsibleName), responsibleUserId: null }
          : {}),
    };
    try {
      const saved = task ? await tasksApi.update(task.id, body) : await tasksApi.create({ ...body, planId: v.planId ?? planId });
      await refresh(task ? saved : undefined);
      onSaved?.(saved);
    } catch (e) {
      if (e instanceof ApiError) {
        const key = e.type.replace('https://dxpulse.vn/problems/', '');
        const field = PROBLEM_FIELDS[key];
        if (field) form.setFields([{ name: field, errors: [e.detail] }]);
      }
      throw e;
    }
  };

  return (
    <FormModal<TaskFormValues>
      title={task ? t('tasks.form.editTitle') : t('tasks.form.createTitle')}
      okText={task ? t('common.save') : t('tasks.form.create')}
      form={form}
      initialValues={initialValues}
      onSubmit={submit}
      onClose={onClose}
      testId="task-form"
      width={760}
    >
      {choosePlan ? (
        <Form.Item name="planId" label={t('tasks.form.plan')} rules={[{ required: true, message: t('tasks.form.planRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={planOptions} loading={plans.isLoading} data-testid="task-form-plan" />
        </Form.Item>
      ) : null}
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="ref" label={t('tasks.form.ref')} rules={[{ max: 50 }]} extra={t('tasks.form.refHelp')}>
            <Input maxLength={50} data-testid="task-form-ref" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="group" label={t('tasks.form.group')} rules={[{ max: 500 }]}>
            <Input maxLength={500} data-testid="task-form-group" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5} className="task-form-section">{t('tasks.detail.what')}</Typography.Title>
      <Form.Item name="title" label={t('tasks.form.title')} rules={[{ required: true, whitespace: true, message: t('tasks.form.titleRequired') }, { max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="task-form-title" />
      </Form.Item>
      <Form.Item name="description" label={t('tasks.form.description')} rules={[{ max: 20000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} data-testid="task-form-description" />
      </Form.Item>
      <Typography.Title level={5} className="task-form-section">{t('tasks.detail.responsibility')}</Typography.Title>
      <Form.Item name="leadUnitId" label={t('tasks.form.lead')} rules={[{ required: true, message: t('tasks.form.leadRequired') }]}>
        <UnitSelect initialOption={task ? task.leadUnit : null} allowClear={false} data-testid="task-form-lead" />
      </Form.Item>
      <Form.Item
        name="cooperatingUnitIds"
        label={t('tasks.form.cooperating')}
        dependencies={['leadUnitId']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_r, value: number[] | undefined) =>
              value?.includes(getFieldValue('leadUnitId')) ? Promise.reject(new Error(t('tasks.form.leadCooperates'))) : Promise.resolve(),
          }),
        ]}
      >
        <UnitsSelect initialOptions={task?.cooperatingUnits} excludeIds={leadUnitId ? [leadUnitId] : []} data-testid="task-form-cooperating" />
      </Form.Item>
      <Form.Item
        name="responsibleName"
        label={t('tasks.form.responsible')}
        extra={task?.responsible.userId != null ? t('tasks.form.responsibleAccount', { name: task.responsible.name ?? '' }) : t('tasks.form.responsibleHelp')}
        rules={[{ max: 500 }]}
      >
        <Input maxLength={500} data-testid="task-form-responsible" />
      </Form.Item>
      <Typography.Title level={5} className="task-form-section">{t('tasks.detail.when')}</Typography.Title>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="startDate" label={t('tasks.form.start')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="task-form-start" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="dueDate"
            label={t('tasks.form.due')}
            dependencies={['startDate']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, value: Dayjs | null | undefined) => {
                  const start = getFieldValue('startDate') as Dayjs | null | undefined;
                  return start && value && value.isBefore(start, 'day')
                    ? Promise.reject(new Error(t('tasks.form.datesOrder', { start: start.format(DATE_FORMAT), due: value.format(DATE_FORMAT) })))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="task-form-due" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="scheduleNote" label={t('tasks.form.schedule')} extra={t('tasks.form.scheduleHelp')} rules={[{ max: 500 }]}>
        <Input maxLength={500} data-testid="task-form-schedule" />
      </Form.Item>
      <Typography.Title level={5} className="task-form-section">{t('tasks.form.productAndAuthority')}</Typography.Title>
      <Form.Item name="deliverable" label={t('tasks.detail.deliverable')} rules={[{ max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} data-testid="task-form-deliverable" />
      </Form.Item>
      <Form.Item name="approvingAuthority" label={t('tasks.detail.authority')} rules={[{ max: 1000 }]}>
        <Input maxLength={1000} data-testid="task-form-authority" />
      </Form.Item>
    </FormModal>
  );
}

interface BudgetFormValues {
  lines: { source?: BudgetSource; year?: number | null; requested?: number | null; approved?: number | null; allocated?: number | null; disbursed?: number | null; note?: string }[];
}

const MONEY = ['requested', 'approved', 'allocated', 'disbursed'] as const;

/**
 * The task's budget lines (PUT /tasks/:id/budget replaces them all): per source and year, the
 * need, the approved estimate, what was allocated and disbursed, in VND written as officials write
 * it (1.234.000.000). A line without a year is the whole task's need.
 */
export function BudgetDialog({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'vi';
  const [form] = Form.useForm<BudgetFormValues>();
  const refresh = useTaskUpdate(task.id);
  const money = (v: number | string | undefined) => (v === undefined || v === null || v === '' ? '' : formatNumber(Number(v), lang, 0));
  const parse = (v: string | undefined) => (v ? Number(v.replace(/\D/g, '')) : (null as unknown as number));

  const submit = async (v: BudgetFormValues) => {
    const lines: BudgetLineInput[] = (v.lines ?? []).map((l) => ({
      source: l.source!,
      year: l.year ?? null,
      requested: l.requested ?? null,
      approved: l.approved ?? null,
      allocated: l.allocated ?? null,
      disbursed: l.disbursed ?? null,
      note: l.note?.trim() || null,
    }));
    try {
      await refresh(await tasksApi.setBudget(task.id, lines));
    } catch (e) {
      // "lines.2.disbursed" → the field of that line, in the user's language.
      if (e instanceof ApiError && e.errors.length) {
        form.setFields(
          e.errors.flatMap((p) => {
            const m = /lines\.(\d+)(?:\.(\w+))?/.exec(p.path);
            if (!m) return [];
            const field = m[2] ?? 'year';
            const message = field === 'disbursed' ? t('tasks.budgetForm.disbursedOver') : m[2] ? p.message : t('tasks.budgetForm.duplicate');
            return [{ name: ['lines', Number(m[1]), field as 'year'] as ['lines', number, 'year'], errors: [message] }];
          }),
        );
      }
      throw e;
    }
  };

  return (
    <FormModal<BudgetFormValues>
      title={t('tasks.budgetForm.title')}
      okText={t('common.save')}
      form={form}
      initialValues={{ lines: task.budget.map((b) => ({ ...b, source: b.source as BudgetSource, note: b.note ?? undefined })) }}
      onSubmit={submit}
      onClose={onClose}
      testId="budget-form"
      width={960}
    >
      <Typography.Paragraph type="secondary">{t('tasks.budgetForm.help')}</Typography.Paragraph>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <div key={f.key} className="budget-line" data-testid="budget-line">
                <Row gutter={8}>
                  <Col xs={24} sm={10}>
                    <Form.Item name={[f.name, 'source']} label={t('tasks.detail.source')} rules={[{ required: true, message: t('tasks.budgetForm.sourceRequired') }]}>
                      <Select options={BUDGET_SOURCES.map((s) => ({ value: s, label: t(`budgetSource.${s}`) }))} data-testid="budget-source" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={5}>
                    <Form.Item name={[f.name, 'year']} label={t('tasks.detail.year')} extra={t('tasks.budgetForm.yearHelp')}>
                      <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="budget-year" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={9} className="budget-line-remove">
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('tasks.budgetForm.remove')} data-testid="budget-remove">
                      {t('tasks.budgetForm.remove')}
                    </Button>
                  </Col>
                  {MONEY.map((k) => (
                    <Col xs={24} sm={12} md={6} key={k}>
                      <Form.Item
                        name={[f.name, k]}
                        label={`${t(`tasks.detail.${k}`)} (VND)`}
                        dependencies={k === 'disbursed' ? [['lines', f.name, 'allocated']] : undefined}
                        rules={
                          k === 'disbursed'
                            ? [
                                ({ getFieldValue }) => ({
                                  validator: (_r, value: number | null | undefined) => {
                                    const allocated = getFieldValue(['lines', f.name, 'allocated']) as number | null | undefined;
                                    return value != null && allocated != null && value > allocated ? Promise.reject(new Error(t('tasks.budgetForm.disbursedOver'))) : Promise.resolve();
                                  },
                                }),
                              ]
                            : []
                        }
                      >
                        <InputNumber<number>
                          min={0}
                          max={9e15}
                          precision={0}
                          formatter={money}
                          parser={parse}
                          style={{ width: '100%' }}
                          data-testid={`budget-${k}`}
                        />
                      </Form.Item>
                    </Col>
                  ))}
                  <Col xs={24}>
                    <Form.Item name={[f.name, 'note']} label={t('tasks.detail.note')} rules={[{ max: 2000 }]}>
                      <Input maxLength={2000} data-testid="budget-note" />
                    </Form.Item>
                  </Col>
                </Row>
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ source: undefined, year: new Date().getFullYear() })} data-testid="budget-add-line">
              {t('tasks.budgetForm.add')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
