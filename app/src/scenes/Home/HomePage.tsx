import { ApartmentOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../auth/useAuth';
import { ADMIN_NAV, MAIN_NAV } from '../../components/navigation';
import { RoleTag } from '../../components/tags';
import { formatDateTime } from '../../lib/format';
import { isAdmin } from '../../lib/roles';
import { usePageTitle } from '../../lib/usePageTitle';

/** Areas whose pages exist today; the others show their "being built" page. */
const READY = new Set(['/indicators', '/reports', '/admin/units', '/admin/users', '/admin/audit']);

export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  usePageTitle(t('nav.home'));
  const links = [...ADMIN_NAV, ...MAIN_NAV.filter((n) => n.path !== '/')]
    .filter((n) => !n.adminOnly || isAdmin(user))
    .sort((a, b) => Number(READY.has(b.path)) - Number(READY.has(a.path)));

  return (
    <div className="home">
      <Card className="home-welcome" data-testid="home-welcome">
        <Typography.Title level={3} className="home-welcome-title">
          {t('home.welcome', { name: user.fullName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="home-welcome-intro">
          {t('home.intro')}
        </Typography.Paragraph>
        {user.lastLoginAt ? (
          <Typography.Text type="secondary">{t('home.lastLogin', { at: formatDateTime(user.lastLoginAt) })}</Typography.Text>
        ) : null}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('home.memberships')} className="home-card" data-testid="home-memberships">
            {user.memberships.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noMemberships')} />
            ) : (
              <ul className="plain-list">
                {user.memberships.map((m) => (
                  <li key={m.id} className="plain-list-item">
                    <ApartmentOutlined className="plain-list-icon" />
                    <div className="plain-list-main">
                      <Link to={`/admin/units?unit=${m.orgUnitId}`}>{m.orgUnitName}</Link>
                      <Typography.Text type="secondary" className="plain-list-sub">
                        {t('units.fields.code')}: {m.orgUnitCode}
                      </Typography.Text>
                    </div>
                    <RoleTag role={m.role} />
                  </li>
                ))}
              </ul>
            )}
            <Typography.Paragraph type="secondary" className="home-note">
              {t('home.membershipNote')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('home.quickLinks')} className="home-card" data-testid="home-quick-links">
            <div className="quick-links">
              {links.map((n) => (
                <Link key={n.path} to={n.path} className="quick-link">
                  <span className="quick-link-icon" aria-hidden="true">
                    {n.icon}
                  </span>
                  <span className="quick-link-label">{t(n.labelKey)}</span>
                  {READY.has(n.path) ? <ArrowRightOutlined className="quick-link-arrow" /> : <Tag className="quick-link-tag">{t('home.soon')}</Tag>}
                </Link>
              ))}
            </div>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
