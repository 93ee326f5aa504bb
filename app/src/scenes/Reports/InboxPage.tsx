import { ExclamationCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Empty, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { foldVietnamese } from '../../../../domain/text';
import { submissionPath, useInbox } from '../../api/reports';
import { INBOX_STATUSES, type InboxItem, type InboxStatus } from '../../api/types';
import { useCurrentUser } from '../../auth/useAuth';
import { LoadError } from '../../components/LoadError';
import { formatDate, formatDateTime } from '../../lib/format';
import { langOf, periodText } from '../../lib/indicators';
import { useIsMobile } from '../../lib/useIsMobile';
import { mayDo, ReportCard, ReportsHeader, SubmissionStatusTag } from './widgets';

const refOf = (i: InboxItem) => ({ form: i.form.code, orgUnit: i.orgUnit.code, period: i.period.id });
const keyOf = (i: InboxItem) => `${i.form.code}|${i.orgUnit.code}|${i.period.id}`;

/** Days between two YYYY-MM-DD dates. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Hộp báo cáo: every report the user's units owe or have sent — form, unit, period, due date,
 * status — overdue ones first and marked, returned ones with the reason; filters by unit, form and
 * status (kept in the URL). A row opens the entry grid. Cards on a phone.
 */
export default function InboxPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const reporter = mayDo(user, 'submission.write');
  const inbox = useInbox(reporter);

  const unit = params.get('unit');
  const form = params.get('form');
  const status = (params.get('status') as InboxStatus | 'overdue' | null) || null;
  const setParam = (key: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  const items = useMemo(() => inbox.data?.items ?? [], [inbox.data]);
  const units = useMemo(() => {
    const seen = new Map<string, string>();
    for (const i of items) seen.set(i.orgUnit.code, i.orgUnit.name);
    return [...seen].map(([code, name]) => ({ value: code, label: name, search: foldVietnamese(`${name} ${code}`) })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }, [items]);
  const forms = useMemo(() => {
    const seen = new Map<string, string>();
    for (const i of items) seen.set(i.form.code, i.form.name);
    return [...seen].map(([code, name]) => ({ value: code, label: `${name} (${code})` }));
  }, [items]);
  // Counts by status follow the unit and form filters, so the chips say what a click will show.
  const scoped = useMemo(() => items.filter((i) => (!unit || i.orgUnit.code === unit) && (!form || i.form.code === form)), [items, unit, form]);
  const counts = useMemo(() => {
    const c: Record<InboxStatus | 'overdue', number> = { not_started: 0, draft: 0, submitted: 0, approved: 0, returned: 0, overdue: 0 };
    for (const i of scoped) {
      c[i.status]++;
      if (i.overdue) c.overdue++;
    }
    return c;
  }, [scoped]);
  const rows = useMemo(() => scoped.filter((i) => !status || (status === 'overdue' ? i.overdue : i.status === status)), [scoped, status]);

  if (!reporter) return <Navigate to={mayDo(user, 'submission.approve') ? '/reports/approvals' : '/reports/compliance'} replace />;

  const today = inbox.data?.today ?? '';
  const dueCell = (i: InboxItem) => (
    <div className={i.overdue ? 'inbox-due inbox-due-overdue' : 'inbox-due'}>
      <span>{formatDate(i.dueDate)}</span>
      {i.overdue ? (
        <Typography.Text type="danger" className="inbox-due-note">
          <ExclamationCircleOutlined /> {t('reports.inbox.overdueBy', { count: daysBetween(i.dueDate, today) })}
        </Typography.Text>
      ) : i.status !== 'submitted' && i.status !== 'approved' && today && daysBetween(today, i.dueDate) <= 3 ? (
        <Typography.Text type="warning" className="inbox-due-note">
          {daysBetween(today, i.dueDate) === 0 ? t('reports.inbox.dueToday') : t('reports.inbox.dueIn', { count: daysBetween(today, i.dueDate) })}
        </Typography.Text>
      ) : null}
    </div>
  );
  const statusCell = (i: InboxItem) => (
    <div className="inbox-status">
      <SubmissionStatusTag status={i.status} />
      {i.status === 'returned' && i.returnReason ? (
        <Typography.Text type="danger" className="inbox-reason" data-testid="inbox-return-reason">
          {t('reports.inbox.returnedBecause', { reason: i.returnReason })}
        </Typography.Text>
      ) : null}
      {i.submittedAt && (i.status === 'submitted' || i.status === 'approved') ? (
        <Typography.Text type="secondary" className="inbox-when">
          {t('reports.inbox.submittedAt', { at: formatDateTime(i.submittedAt) })}
        </Typography.Text>
      ) : null}
    </div>
  );

  const columns: ColumnsType<InboxItem> = [
    {
      key: 'form',
      title: t('reports.columns.form'),
      render: (_v, i) => (
        <div className="inbox-form">
          <Link to={submissionPath(refOf(i))} data-testid="inbox-link" className="inbox-form-name">
            {i.form.name}
          </Link>
          <Typography.Text type="secondary" className="inbox-form-code">
            {i.form.code}
            {units.length > 1 ? null : ` · ${i.orgUnit.name}`}
          </Typography.Text>
        </div>
      ),
    },
    // The unit has its own column when the user reports for several.
    ...(units.length > 1 ? [{ key: 'unit', title: t('reports.columns.unit'), width: 190, render: (_v: unknown, i: InboxItem) => i.orgUnit.name }] : []),
    { key: 'period', title: t('reports.columns.period'), width: 140, render: (_v, i) => periodText(i.period.id, lang) },
    { key: 'due', title: t('reports.columns.due'), width: 160, render: (_v, i) => dueCell(i) },
    { key: 'status', title: t('reports.columns.status'), width: 230, render: (_v, i) => statusCell(i) },
    { key: 'open', width: 36, render: () => <RightOutlined className="breakdown-open" aria-hidden="true" /> },
  ];

  let body;
  if (inbox.error && !inbox.data) body = <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />;
  else if (!inbox.data) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (rows.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={items.length === 0 ? t('reports.inbox.empty') : t('reports.inbox.noMatch')} data-testid="inbox-empty" />;
  else if (isMobile)
    body = (
      <div className="report-cards" data-testid="inbox-cards">
        {rows.map((i) => (
          <ReportCard
            key={keyOf(i)}
            to={submissionPath(refOf(i))}
            formName={i.form.name}
            unitName={i.orgUnit.name}
            period={periodText(i.period.id, lang)}
            label={t('reports.columns.due')}
            value={dueCell(i)}
            footer={statusCell(i)}
            testId="inbox"
            overdue={i.overdue}
          />
        ))}
      </div>
    );
  else
    body = (
      <Table<InboxItem>
        rowKey={keyOf}
        data-testid="inbox-table"
        columns={columns}
        dataSource={rows}
        size="middle"
        tableLayout="fixed"
        loading={inbox.isFetching && !inbox.isLoading}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        onRow={(i) => ({
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest('a')) navigate(submissionPath(refOf(i)));
          },
          className: i.overdue ? 'clickable-row inbox-row-overdue' : 'clickable-row',
          'data-testid': 'inbox-row',
          'data-status': i.status,
          'data-overdue': i.overdue ? 'true' : undefined,
          'data-report': keyOf(i),
        })}
      />
    );

  const chips: (InboxStatus | 'overdue')[] = ['overdue', 'returned', 'not_started', 'draft', 'submitted', 'approved'];
  return (
    <>
      <ReportsHeader active="inbox" badge={{ inbox: counts.overdue }} />
      <Card className="table-card reports-card">
        <div className="report-filters" data-testid="inbox-filters">
          {units.length > 1 ? (
            <Select<string>
              allowClear
              showSearch={{ filterOption: (input, option) => !!option?.search.includes(foldVietnamese(input)) }}
              placeholder={t('reports.filters.allUnits')}
              aria-label={t('reports.columns.unit')}
              value={unit ?? undefined}
              onChange={(v) => setParam('unit', v ?? null)}
              options={units}
              className="report-filter"
              data-testid="inbox-unit-filter"
            />
          ) : null}
          <Select<string>
            allowClear
            placeholder={t('reports.filters.allForms')}
            aria-label={t('reports.columns.form')}
            value={form ?? undefined}
            onChange={(v) => setParam('form', v ?? null)}
            options={forms}
            className="report-filter report-filter-wide"
            data-testid="inbox-form-filter"
          />
          <Select<string>
            allowClear
            placeholder={t('reports.filters.allStatuses')}
            aria-label={t('reports.columns.status')}
            value={status ?? undefined}
            onChange={(v) => setParam('status', v ?? null)}
            options={[{ value: 'overdue', label: t('reports.inbox.overdue') }, ...INBOX_STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))]}
            className="report-filter"
            data-testid="inbox-status-filter"
          />
        </div>
        {inbox.data ? (
          <div className="status-summary" data-testid="inbox-counts">
            <Typography.Text type="secondary">{t('reports.inbox.count', { count: scoped.length })}</Typography.Text>
            {chips
              .filter((s) => counts[s] > 0)
              .map((s) => (
                <Tag.CheckableTag
                  key={s}
                  checked={status === s}
                  onChange={(on) => setParam('status', on ? s : null)}
                  className={`status-chip report-chip report-chip-${s}`}
                  data-testid={`inbox-count-${s}`}
                >
                  {s === 'overdue' ? t('reports.inbox.overdue') : t(`reports.status.${s}`)}: {counts[s]}
                </Tag.CheckableTag>
              ))}
            {unit || form || status ? (
              <Typography.Link onClick={() => setParams(new URLSearchParams())}>{t('indicators.clearFilters')}</Typography.Link>
            ) : null}
          </div>
        ) : null}
        {body}
        {inbox.data && inbox.data.total > items.length ? (
          <Typography.Paragraph type="secondary" className="report-truncated">
            {t('reports.inbox.truncated', { shown: items.length, total: inbox.data.total })}
          </Typography.Paragraph>
        ) : null}
      </Card>
    </>
  );
}
