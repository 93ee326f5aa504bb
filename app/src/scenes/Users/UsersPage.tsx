import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useUserList } from '../../api/users';
import type { User } from '../../api/types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { RoleTag } from '../../components/tags';
import { formatDateTime } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useIsMobile } from '../../lib/useIsMobile';
import { CreateUserDialog } from './CreateUserDialog';
import { UserDrawer } from './UserDrawer';
import { UserStatusTag } from './UserStatusTag';
import { LoadMore } from '../../components/LoadMore';

export default function UsersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const list = useUserList(q);
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('user')) || null;
  const [creating, setCreating] = useState(false);
  const isMobile = useIsMobile();

  const openUser = (id: number | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('user', String(id));
      else next.delete('user');
      return next;
    });

  const users = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const columns: ColumnsType<User> = [
    {
      key: 'user',
      title: t('users.fields.user'),
      render: (_v, u) => (
        <div className="user-cell">
          <Typography.Text strong>{u.fullName}</Typography.Text>
          <Typography.Text type="secondary" className="user-cell-username">
            {u.username}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'email', title: t('users.fields.email'), dataIndex: 'email', responsive: ['lg'], render: (v: string | null) => v ?? t('common.none') },
    {
      key: 'roles',
      title: t('users.fields.memberships'),
      responsive: ['md'],
      render: (_v, u) =>
        u.memberships.length === 0 ? (
          <Typography.Text type="secondary">{t('users.noMemberships')}</Typography.Text>
        ) : (
          <div className="membership-tags">
            {u.memberships.slice(0, 3).map((m) => (
              <span key={m.id} className="membership-tag">
                <RoleTag role={m.role} />
                <span className="membership-tag-unit">{m.orgUnitName}</span>
              </span>
            ))}
            {u.memberships.length > 3 ? <Tag>{t('users.moreMemberships', { count: u.memberships.length - 3 })}</Tag> : null}
          </div>
        ),
    },
    { key: 'status', title: t('users.fields.status'), width: 130, render: (_v, u) => <UserStatusTag user={u} /> },
    {
      key: 'lastLogin',
      title: t('users.fields.lastLogin'),
      dataIndex: 'lastLoginAt',
      responsive: ['xl'],
      width: 160,
      render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create-button">
            {t('users.create')}
          </Button>
        }
      />
      <Card className="table-card">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="table-search"
          data-testid="user-search"
        />
        {list.error && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Table<User>
              rowKey="id"
              data-testid="users-table"
              columns={columns}
              dataSource={users}
              loading={list.isLoading || (list.isFetching && !list.isFetchingNextPage)}
              pagination={false}
              scroll={isMobile ? undefined : { x: 'max-content' }}
              size="middle"
              onRow={(u) => ({
                onClick: () => openUser(u.id),
                onKeyDown: (e) => {
                  if (e.key === 'Enter') openUser(u.id);
                },
                tabIndex: 0,
                className: 'clickable-row',
              })}
              locale={{ emptyText: q ? t('users.noMatch', { query: q }) : t('users.empty') }}
            />
            <LoadMore pager={list} testId="users-load-more" />
          </>
        )}
      </Card>
      {creating ? (
        <CreateUserDialog
          onClose={() => setCreating(false)}
          onCreated={(u) => {
            openUser(u.id);
          }}
        />
      ) : null}
      <UserDrawer userId={openId} onClose={() => openUser(null)} />
    </>
  );
}
