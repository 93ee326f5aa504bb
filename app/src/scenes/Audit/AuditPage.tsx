import { FilterOutlined, ReloadOutlined } from '@ant-design/icons';
import { AutoComplete, Badge, Button, Card, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuditEvents } from '../../api/audit';
import type { AuditEvent, AuditQuery } from '../../api/types';
import { JsonDiff } from '../../components/JsonDiff';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { DATE_FORMAT, formatDateTime } from '../../lib/format';
import { useIsMobile } from '../../lib/useIsMobile';
import { actionLabel, entityTypeLabel, KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from './labels';
import { LoadMore } from '../../components/LoadMore';

interface FilterValues {
  actor?: string;
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Form values → API filters. "to" is exclusive on the server, so the end day is included by asking up to the next midnight. */
function toQuery(v: FilterValues): AuditQuery {
  const [from, to] = v.range ?? [null, null];
  return {
    actor: v.actor?.trim() || undefined,
    action: v.action?.trim() || undefined,
    entityType: v.entityType || undefined,
    from: from ? from.startOf('day').toISOString() : undefined,
    to: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditQuery>({});
  const events = useAuditEvents(filters);
  const rows = useMemo(() => events.data?.pages.flatMap((p) => p.items) ?? [], [events.data]);
  const isMobile = useIsMobile();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = Object.values(filters).filter(Boolean).length;

  // On a phone one column tells the whole event; the wide table scrolls on larger screens.
  const phoneColumns: ColumnsType<AuditEvent> = [
    {
      key: 'event',
      title: t('audit.fields.event'),
      render: (_v, e) => (
        <div className="audit-event">
          <Typography.Text strong>{actionLabel(e.action, t)}</Typography.Text>
          <Typography.Text type="secondary" className="audit-event-meta">
            {formatDateTime(e.at, true)} · {e.actorUsername ?? t('audit.system')}
          </Typography.Text>
          <Typography.Text type="secondary" className="audit-event-meta">
            {entityTypeLabel(e.entityType, t)}
            {e.entityId !== null ? ` #${String(e.entityId)}` : ''}
            {e.ip ? ` · ${e.ip}` : ''}
          </Typography.Text>
        </div>
      ),
    },
  ];

  const columns: ColumnsType<AuditEvent> = [
    { key: 'at', title: t('audit.fields.at'), dataIndex: 'at', render: (v: string) => <span className="audit-time">{formatDateTime(v, true)}</span> },
    {
      key: 'actor',
      title: t('audit.fields.actor'),
      dataIndex: 'actorUsername',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      key: 'action',
      title: t('audit.fields.action'),
      dataIndex: 'action',
      render: (v: string) => (
        <div className="audit-action">
          <span>{actionLabel(v, t)}</span>
          <Typography.Text type="secondary" className="audit-code">
            {v}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'entity',
      title: t('audit.fields.entity'),
      responsive: ['sm'],
      render: (_v, e) => (
        <span>
          {entityTypeLabel(e.entityType, t)}
          {e.entityId !== null ? <Typography.Text type="secondary"> #{String(e.entityId)}</Typography.Text> : null}
        </span>
      ),
    },
    {
      key: 'unit',
      title: t('audit.fields.unit'),
      dataIndex: 'orgUnitId',
      responsive: ['md'],
      render: (v: number | null) => (v ? <Link to={`/admin/units?unit=${v}`}>#{v}</Link> : t('common.none')),
    },
    { key: 'ip', title: t('audit.fields.ip'), dataIndex: 'ip', responsive: ['lg'], render: (v: string | null) => v ?? t('common.none') },
  ];

  return (
    <>
      <PageHeader title={t('nav.audit')} subtitle={t('audit.subtitle')} />
      <Card className="table-card">
        {isMobile ? (
          <Badge count={activeFilters} size="small" className="audit-filter-toggle">
            <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen((o) => !o)} aria-expanded={filtersOpen} data-testid="audit-filter-toggle">
              {filtersOpen ? t('audit.hideFilters') : t('audit.showFilters')}
            </Button>
          </Badge>
        ) : null}
        <Form<FilterValues>
          form={form}
          name="audit-filters"
          layout="vertical"
          className={isMobile && !filtersOpen ? 'audit-filters audit-filters-hidden' : 'audit-filters'} onFinish={(v) => {
            setFilters(toQuery(v));
            setFiltersOpen(false);
          }}
          data-testid="audit-filters"
        >
          <Form.Item name="actor" label={t('audit.fields.actor')}>
            <Input allowClear placeholder={t('audit.actorPlaceholder')} />
          </Form.Item>
          <Form.Item name="action" label={t('audit.fields.action')}>
            <AutoComplete
              allowClear
              placeholder={t('audit.actionPlaceholder')}
              options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a, t)} (${a})` }))}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.label ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase()),
              }}
            />
          </Form.Item>
          <Form.Item name="entityType" label={t('audit.fields.entityType')}>
            <Select allowClear placeholder={t('audit.any')} options={KNOWN_ENTITY_TYPES.map((e) => ({ value: e, label: entityTypeLabel(e, t) }))} />
          </Form.Item>
          <Form.Item name="range" label={t('audit.fields.range')} className="audit-filter-range">
            <DatePicker.RangePicker format={DATE_FORMAT} allowEmpty={[true, true]} placeholder={[t('audit.fromDate'), t('audit.toDate')]} style={{ width: '100%' }} />
          </Form.Item>
          <div className="audit-filter-buttons">
            <Button type="primary" htmlType="submit" icon={<FilterOutlined />} data-testid="audit-apply">
              {t('audit.apply')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {t('audit.clear')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void events.refetch()} aria-label={t('common.refresh')} title={t('common.refresh')} />
          </div>
        </Form>

        {events.error && !events.data ? (
          <LoadError error={events.error} onRetry={() => void events.refetch()} />
        ) : (
          <>
            <Table<AuditEvent>
              rowKey="id"
              data-testid="audit-table"
              columns={isMobile ? phoneColumns : columns}
              dataSource={rows}
              loading={events.isLoading || (events.isFetching && !events.isFetchingNextPage)}
              pagination={false}
              size="middle"
              scroll={isMobile ? undefined : { x: 'max-content' }}
              expandable={{
                expandedRowRender: (e) => <JsonDiff before={e.before} after={e.after} />,
                rowExpandable: (e) => e.before != null || e.after != null,
              }}
              locale={{ emptyText: t('audit.empty') }}
            />
            <LoadMore pager={events} testId="audit-load-more" />
          </>
        )}
      </Card>
    </>
  );
}
