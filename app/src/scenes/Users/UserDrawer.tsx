import { EditOutlined, KeyOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser, userKeys, usersApi } from '../../api/users';
import type { User } from '../../api/types';
import { useAuth, useCurrentUser } from '../../auth/useAuth';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useIsMobile } from '../../lib/useIsMobile';
import { EditUserDialog, ResetPasswordDialog } from './UserDialogs';
import { MembershipEditor } from './MembershipEditor';
import { UserStatusTag } from './UserStatusTag';

/** One user: facts, activation, password reset and the roles held at units. */
export function UserDrawer({ userId, onClose }: { userId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const query = useUser(userId);
  const user = query.data;
  return (
    <Drawer
      open={userId !== null}
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      title={user ? user.fullName : t('users.detailTitle')}
      destroyOnHidden
    >
      {query.error ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : !user ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <UserDetail user={user} />
      )}
    </Drawer>
  );
}

function UserDetail({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const { refreshSession } = useAuth();
  const [dialog, setDialog] = useState<'edit' | 'password' | null>(null);
  const [toggling, setToggling] = useState(false);
  const isMe = user.id === me.id;

  const changed = async (updated?: User) => {
    if (updated) queryClient.setQueryData(userKeys.detail(updated.id), updated);
    await queryClient.invalidateQueries({ queryKey: userKeys.all });
    if (isMe) await refreshSession();
  };

  const toggleActive = async () => {
    setToggling(true);
    try {
      const updated = await usersApi.update(user.id, { isActive: !user.isActive });
      await changed(updated);
      message.success(updated.isActive ? t('users.activated') : t('users.deactivated'));
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setToggling(false);
    }
  };

  return (
    <div className="user-detail" data-testid="user-detail">
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'username', label: t('users.fields.username'), children: <Typography.Text copyable>{user.username}</Typography.Text> },
          { key: 'fullName', label: t('users.fields.fullName'), children: user.fullName },
          { key: 'email', label: t('users.fields.email'), children: user.email ?? t('common.none') },
          { key: 'status', label: t('users.fields.status'), children: <UserStatusTag user={user} /> },
          {
            key: 'lastLogin',
            label: t('users.fields.lastLogin'),
            children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.neverLoggedIn'),
          },
          ...(user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now()
            ? [{ key: 'locked', label: t('users.fields.lockedUntil'), children: formatDateTime(user.lockedUntil) }]
            : []),
        ]}
      />
      <Space wrap className="user-actions">
        <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="user-edit">
          {t('users.edit')}
        </Button>
        <Button icon={<KeyOutlined />} onClick={() => setDialog('password')} data-testid="user-reset-password">
          {t('users.resetPassword')}
        </Button>
        <Popconfirm
          title={user.isActive ? t('users.confirmDeactivate', { name: user.fullName }) : t('users.confirmActivate', { name: user.fullName })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: user.isActive }}
          onConfirm={() => toggleActive()}
          disabled={isMe && user.isActive}
        >
          <Button
            danger={user.isActive}
            icon={user.isActive ? <LockOutlined /> : <UnlockOutlined />}
            loading={toggling}
            disabled={isMe && user.isActive}
            title={isMe && user.isActive ? t('users.cannotDeactivateSelf') : undefined}
            data-testid="user-toggle-active"
          >
            {user.isActive ? t('users.deactivate') : t('users.activate')}
          </Button>
        </Popconfirm>
      </Space>

      <MembershipEditor user={user} onChanged={() => changed()} />

      {dialog === 'edit' ? <EditUserDialog user={user} onClose={() => setDialog(null)} onDone={(u) => void changed(u)} /> : null}
      {dialog === 'password' ? <ResetPasswordDialog user={user} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
