import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Select, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { submissionPath, useApprovals } from '../../api/reports';
import type { ApprovalItem } from '../../api/types';
import { useCurrentUser } from '../../auth/useAuth';
import { LoadError } from '../../components/LoadError';
import { formatDate, formatDateTime } from '../../lib/format';
import { langOf, periodText } from '../../lib/indicators';
import { useIsMobile } from '../../lib/useIsMobile';
import { mayDo, ReportCard, ReportsHeader, TimelinessTag } from './widgets';

const refOf = (i: ApprovalItem) => ({ form: i.form.code, orgUnit: i.orgUnit.code, period: i.period.id });
const keyOf = (i: ApprovalItem) => `${i.form.code}|${i.orgUnit.code}|${i.period.id}`;

/** Hàng chờ phê duyệt: submitted reports in the approver's units, oldest first; a row opens the grid to approve or return it. */
export default function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const approver = mayDo(user, 'submission.approve');
  const queue = useApprovals(approver);
  const form = params.get('form');
  const items = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const forms = useMemo(() => {
    const seen = new Map<string, string>();
    for (const i of items) seen.set(i.form.code, i.form.name);
    return [...seen].map(([code, name]) => ({ value: code, label: `${name} (${code})` }));
  }, [items]);
  const rows = useMemo(() => items.filter((i) => !form || i.form.code === form), [items, form]);

  if (!approver) return <Navigate to="/reports/compliance" replace />;

  const submittedCell = (i: ApprovalItem) => (
    <div className="inbox-status">
      <span>{formatDateTime(i.submittedAt)}</span>
      {i.submittedBy ? (
        <Typography.Text type="secondary" className="inbox-when">
          {i.submittedBy.fullName}
        </Typography.Text>
      ) : null}
    </div>
  );
  const columns: ColumnsType<ApprovalItem> = [
    {
      key: 'form',
      title: t('reports.columns.form'),
      render: (_v, i) => (
        <div className="inbox-form">
          <Link to={submissionPath(refOf(i))} data-testid="approval-link" className="inbox-form-name">
            {i.form.name}
          </Link>
          <Typography.Text type="secondary" className="inbox-form-code">
            {i.form.code}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'unit', title: t('reports.columns.unit'), width: 180, render: (_v, i) => i.orgUnit.name },
    {
      key: 'period',
      title: t('reports.columns.period'),
      width: 150,
      render: (_v, i) => (
        <div className="inbox-status">
          <span>{periodText(i.period.id, lang)}</span>
          <Typography.Text type="secondary" className="inbox-when">
            {t('reports.approvals.due', { date: formatDate(i.dueDate) })}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'submitted', title: t('reports.columns.submitted'), width: 200, render: (_v, i) => submittedCell(i) },
    { key: 'timeliness', title: t('reports.columns.timeliness'), width: 130, render: (_v, i) => <TimelinessTag timeliness={i.timeliness} /> },
    { key: 'open', width: 36, render: () => <RightOutlined className="breakdown-open" aria-hidden="true" /> },
  ];

  let body;
  if (queue.error && !queue.data) body = <LoadError error={queue.error} onRetry={() => void queue.refetch()} />;
  else if (!queue.data) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (rows.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.approvals.empty')} data-testid="approvals-empty" />;
  else if (isMobile)
    body = (
      <div className="report-cards" data-testid="approval-cards">
        {rows.map((i) => (
          <ReportCard
            key={keyOf(i)}
            to={submissionPath(refOf(i))}
            formName={i.form.name}
            unitName={i.orgUnit.name}
            period={periodText(i.period.id, lang)}
            label={t('reports.columns.submitted')}
            value={submittedCell(i)}
            footer={<TimelinessTag timeliness={i.timeliness} />}
            testId="approval"
          />
        ))}
      </div>
    );
  else
    body = (
      <Table<ApprovalItem>
        rowKey={keyOf}
        data-testid="approvals-table"
        columns={columns}
        dataSource={rows}
        size="middle"
        tableLayout="fixed"
        loading={queue.isFetching && !queue.isLoading}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        onRow={(i) => ({
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest('a')) navigate(submissionPath(refOf(i)));
          },
          className: 'clickable-row',
          'data-testid': 'approval-row',
          'data-report': keyOf(i),
        })}
      />
    );

  return (
    <>
      <ReportsHeader active="approvals" badge={{ approvals: items.length }} />
      <Card className="table-card reports-card">
        <div className="report-filters">
          <Select<string>
            allowClear
            placeholder={t('reports.filters.allForms')}
            aria-label={t('reports.columns.form')}
            value={form ?? undefined}
            onChange={(v) =>
              setParams((prev) => {
                const next = new URLSearchParams(prev);
                if (v) next.set('form', v);
                else next.delete('form');
                return next;
              })
            }
            options={forms}
            className="report-filter report-filter-wide"
            data-testid="approvals-form-filter"
          />
          {queue.data ? (
            <Typography.Text type="secondary" data-testid="approvals-count">
              {t('reports.approvals.count', { count: rows.length })}
            </Typography.Text>
          ) : null}
        </div>
        {body}
        {queue.data?.truncated ? (
          <Typography.Paragraph type="secondary" className="report-truncated">
            {t('reports.approvals.truncated', { count: items.length })}
          </Typography.Paragraph>
        ) : null}
      </Card>
    </>
  );
}
