import { LogoutOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Drawer, Dropdown, Layout, Menu, Tooltip, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../auth/useAuth';
import { errorMessage } from '../lib/errors';
import { isAdmin } from '../lib/roles';
import { useIsMobile } from '../lib/useIsMobile';
import { ErrorBoundary } from './ErrorBoundary';
import { ContentSpin } from './FullPageSpin';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { NotificationBell } from './NotificationBell';
import { ADMIN_GROUP_KEY, menuItems, selectedNavKey } from './navigation';

const SIDER_COLLAPSED_KEY = 'dxpulse.siderCollapsed';

function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const selected = selectedNavKey(pathname);
  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={pathname.startsWith('/admin') ? [ADMIN_GROUP_KEY] : []}
      items={menuItems(t, isAdmin(user))}
      onClick={() => onNavigate?.()}
      className="side-menu"
      data-testid="side-menu"
    />
  );
}

function UserBox({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const doSignOut = async () => {
    try {
      await signOut();
    } catch (error) {
      message.error(errorMessage(error, t));
    }
    navigate('/login', { replace: true });
  };

  if (compact) {
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'who', label: <div className="user-menu-who"><strong>{user.fullName}</strong><br /><span>{user.username}</span></div>, disabled: true },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), onClick: () => void doSignOut() },
          ],
        }}
      >
        <Button type="text" shape="circle" aria-label={t('header.account')} data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} />
        </Button>
      </Dropdown>
    );
  }
  return (
    <div className="header-user">
      <Avatar size="small" icon={<UserOutlined />} />
      <Typography.Text className="header-user-name" ellipsis title={user.fullName} data-testid="header-user-name">
        {user.fullName}
      </Typography.Text>
      <Button icon={<LogoutOutlined />} onClick={() => void doSignOut()} data-testid="logout-button">
        {t('header.logout')}
      </Button>
    </div>
  );
}

function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(SIDER_COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function AppLayout() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(readCollapsed);

  useEffect(() => setDrawerOpen(false), [location.pathname]);
  useEffect(() => {
    if (!isMobile) setDrawerOpen(false);
  }, [isMobile]);

  const toggleCollapsed = () => {
    setCollapsed((c) => {
      try {
        window.localStorage.setItem(SIDER_COLLAPSED_KEY, c ? '0' : '1');
      } catch {
        // ignore
      }
      return !c;
    });
  };

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <div className="app-header-left">
          {isMobile ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.openMenu')}
              onClick={() => setDrawerOpen(true)}
              data-testid="nav-toggle"
            />
          ) : (
            <Tooltip title={collapsed ? t('nav.expand') : t('nav.collapse')}>
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
                onClick={toggleCollapsed}
              />
            </Tooltip>
          )}
          <Link to="/" className="app-brand" aria-label={t('app.name')}>
            <Logo />
            <span className="app-brand-name">{t('app.name')}</span>
          </Link>
        </div>
        <div className="app-header-right">
          <LanguageSwitch />
          <NotificationBell />
          <UserBox compact={isMobile} />
        </div>
      </Layout.Header>
      <Layout className="app-body">
        {isMobile ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={280}
            title={
              <span className="app-brand">
                <Logo />
                <span className="app-brand-name">{t('app.name')}</span>
              </span>
            }
            styles={{ body: { padding: 8 } }}
          >
            <div data-testid="nav-drawer">
              <SideMenu onNavigate={() => setDrawerOpen(false)} />
            </div>
          </Drawer>
        ) : (
          <Layout.Sider width={232} collapsedWidth={64} collapsed={collapsed} trigger={null} className="app-sider" theme="light">
            <SideMenu />
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<ContentSpin />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
