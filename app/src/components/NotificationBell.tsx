/**
 * The bell in the header: the unread count, and on click the list of the user's notifications
 * (a popover on a desktop, a full-width drawer on a phone). Opening one marks it read and follows
 * its link (a task page).
 */
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Empty, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications, type Notification } from '../api/notifications';
import { errorMessage } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';
import { LoadMore } from './LoadMore';

function NotificationList({ onOpen, heading = true }: { onOpen: (n: Notification) => void; heading?: boolean }) {
  const { t } = useTranslation();
  const query = useNotifications();
  const markAll = useMarkAllNotificationsRead();
  const { message } = App.useApp();
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = query.data?.pages[0]?.unreadCount ?? 0;

  return (
    <div className="notifications-panel" data-testid="notifications-list">
      <div className="notifications-head">
        {heading ? <Typography.Text strong>{t('notifications.title')}</Typography.Text> : <span />}
        <Button
          size="small"
          type="link"
          icon={<CheckOutlined />}
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined, { onError: (e) => void message.error(errorMessage(e, t)) })}
          data-testid="notifications-read-all"
        >
          {t('notifications.readAll')}
        </Button>
      </div>
      {query.isPending ? (
        <div className="notifications-empty"><Spin /></div>
      ) : query.isError ? (
        <Typography.Text type="danger">{errorMessage(query.error, t)}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty className="notifications-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul className="notifications-items">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={`notification-item${n.readAt ? '' : ' notification-unread'}`}
                onClick={() => onOpen(n)}
                data-testid="notification-item"
              >
                <span className="notification-title">{n.title}</span>
                {n.body && <span className="notification-body">{n.body}</span>}
                <span className="notification-time">
                  {formatDateTime(n.createdAt)}
                  {!n.readAt && <span className="notification-dot" aria-label={t('notifications.unread')} />}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <LoadMore pager={query} testId="notifications-load-more" />
    </div>
  );
}

export function NotificationBell() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const query = useNotifications();
  const markRead = useMarkNotificationRead();
  const unread = query.data?.pages[0]?.unreadCount ?? 0;

  const openNotification = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (n.link) navigate(n.link);
  };

  const bell = (
    <Button
      type="text"
      shape="circle"
      aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
      onClick={isMobile ? () => setOpen(true) : undefined}
      data-testid="notifications-bell"
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="notifications-count">
        <BellOutlined className="notifications-bell-icon" />
      </Badge>
    </Button>
  );

  if (isMobile) {
    return (
      <>
        {bell}
        <Drawer placement="top" open={open} onClose={() => setOpen(false)} size="80vh" title={t('notifications.title')} styles={{ body: { padding: 8 } }}>
          {open && <NotificationList onOpen={openNotification} heading={false} />}
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      content={<NotificationList onOpen={openNotification} />}
      arrow={false}
    >
      {bell}
    </Popover>
  );
}
