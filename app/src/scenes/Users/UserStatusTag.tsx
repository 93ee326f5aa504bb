import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';

export function UserStatusTag({ user }: { user: User }) {
  const { t } = useTranslation();
  if (!user.isActive) return <Tag color="default">{t('users.status.inactive')}</Tag>;
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now()) return <Tag color="orange">{t('users.status.locked')}</Tag>;
  return <Tag color="green">{t('users.status.active')}</Tag>;
}
