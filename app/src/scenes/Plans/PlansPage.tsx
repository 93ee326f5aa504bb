import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PLAN_KINDS } from '../../../../domain/plans';
import { usePlanList } from '../../api/tasks';
import type { PlanFull } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useIsMobile } from '../../lib/useIsMobile';
import { useCurrentUser } from '../../auth/useAuth';
import { mayDo } from '../Tasks/widgets';
import '../Tasks/tasks.css';

/** Kế hoạch: resolutions, plans, decisions… newest first, with their issuer and counts. */
export default function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const user = useCurrentUser();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const q = useDebouncedValue(text.trim(), 300);
  const list = usePlanList({ q: q || undefined, kind });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const columns: ColumnsType<PlanFull> = [
    { key: 'kind', title: t('plans.columns.kind'), width: 70, render: (_v, p) => <Tag>{p.kind}</Tag> },
    { key: 'number', title: t('plans.columns.number'), width: 150, render: (_v, p) => <Link to={`/plans/${p.id}`} data-testid="plan-link">{p.number}</Link> },
    { key: 'title', title: t('plans.columns.title'), render: (_v, p) => p.title },
    { key: 'issuer', title: t('plans.columns.issuer'), width: 200, render: (_v, p) => p.issuer?.name ?? '' },
    { key: 'issuedOn', title: t('plans.columns.issuedOn'), width: 120, render: (_v, p) => formatDate(p.issuedOn) },
    { key: 'tasks', title: t('plans.columns.tasks'), width: 100, align: 'right', render: (_v, p) => p.taskCount },
    { key: 'targets', title: t('plans.columns.targets'), width: 100, align: 'right', render: (_v, p) => p.targetCount },
  ];

  let body;
  if (list.error && !list.data) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (!list.data) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (!items.length) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.empty')} />;
  else if (isMobile)
    body = (
      <div className="task-cards" data-testid="plan-cards">
        {items.map((p) => (
          <Card key={p.id} size="small" className="task-card" data-testid="plan-card" onClick={() => navigate(`/plans/${p.id}`)}>
            <Link to={`/plans/${p.id}`} className="task-title-link" data-testid="plan-link">
              {p.kind} {p.number}
            </Link>
            <div>{p.title}</div>
            <Typography.Text type="secondary">
              {[p.issuer?.name, formatDate(p.issuedOn), t('plans.taskCount', { count: p.taskCount }), t('plans.targetCount', { count: p.targetCount })].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Card>
        ))}
      </div>
    );
  else
    body = (
      <Table<PlanFull>
        rowKey="id"
        data-testid="plans-table"
        columns={columns}
        dataSource={items}
        size="middle"
        tableLayout="fixed"
        pagination={false}
        onRow={(p) => ({
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest('a')) navigate(`/plans/${p.id}`);
          },
          className: 'clickable-row',
          'data-testid': 'plan-row',
        })}
      />
    );

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        subtitle={isMobile ? undefined : t('plans.subtitle')}
        extra={
          mayDo(user, 'plan.write') ? (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => navigate('/plans/import')} data-testid="plan-import-button">
              {t('planImport.button')}
            </Button>
          ) : undefined
        }
      />
      <Card className="table-card">
        <div className="task-filters" data-testid="plan-filters">
          <Select<string>
            allowClear
            placeholder={t('plans.allKinds')}
            aria-label={t('plans.kind')}
            value={kind}
            onChange={setKind}
            options={PLAN_KINDS.map((k) => ({ value: k, label: k }))}
            className="task-filter"
            data-testid="plan-kind-filter"
          />
          <Input.Search allowClear placeholder={t('plans.search')} value={text} onChange={(e) => setText(e.target.value)} className="task-filter task-filter-wide" data-testid="plan-search" />
        </div>
        {body}
        <LoadMore pager={list} testId="plans-load-more" />
      </Card>
    </>
  );
}
