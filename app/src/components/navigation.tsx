import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export interface NavLeaf {
  path: string;
  labelKey:
    | 'nav.home'
    | 'nav.plans'
    | 'nav.indicators'
    | 'nav.tasks'
    | 'nav.reports'
    | 'nav.rankings'
    | 'nav.units'
    | 'nav.users'
    | 'nav.audit';
  icon: ReactNode;
  adminOnly?: boolean;
}

export const MAIN_NAV: NavLeaf[] = [
  { path: '/', labelKey: 'nav.home', icon: <DashboardOutlined /> },
  { path: '/plans', labelKey: 'nav.plans', icon: <FileTextOutlined /> },
  { path: '/indicators', labelKey: 'nav.indicators', icon: <AimOutlined /> },
  { path: '/tasks', labelKey: 'nav.tasks', icon: <CheckSquareOutlined /> },
  { path: '/reports', labelKey: 'nav.reports', icon: <FileDoneOutlined /> },
  { path: '/rankings', labelKey: 'nav.rankings', icon: <TrophyOutlined /> },
];

export const ADMIN_NAV: NavLeaf[] = [
  { path: '/admin/units', labelKey: 'nav.units', icon: <ApartmentOutlined /> },
  { path: '/admin/users', labelKey: 'nav.users', icon: <TeamOutlined />, adminOnly: true },
  { path: '/admin/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, adminOnly: true },
];

export const ADMIN_GROUP_KEY = 'admin';

type MenuItem = Required<MenuProps>['items'][number];

const leaf = (item: NavLeaf, t: TFunction): MenuItem => ({
  key: item.path,
  icon: item.icon,
  label: <Link to={item.path}>{t(item.labelKey)}</Link>,
});

/**
 * The side menu. "Đơn vị" is open to everyone; the rest of Quản trị only to users who hold the
 * admin role somewhere.
 */
export function menuItems(t: TFunction, admin: boolean): MenuItem[] {
  const adminItems = ADMIN_NAV.filter((item) => admin || !item.adminOnly).map((item) => leaf(item, t));
  return [
    ...MAIN_NAV.map((item) => leaf(item, t)),
    { type: 'divider' },
    { key: ADMIN_GROUP_KEY, icon: <SettingOutlined />, label: t('nav.admin'), children: adminItems },
  ];
}

/** The menu key for a location: the longest nav path that prefixes it. */
export function selectedNavKey(pathname: string): string {
  const all = [...MAIN_NAV, ...ADMIN_NAV].map((i) => i.path);
  let best = '/';
  for (const path of all) {
    if (path === '/') continue;
    if ((pathname === path || pathname.startsWith(`${path}/`)) && path.length > best.length) best = path;
  }
  return best === '/' && pathname !== '/' ? '' : best;
}
