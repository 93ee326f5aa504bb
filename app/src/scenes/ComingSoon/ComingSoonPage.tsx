import { CheckCircleOutlined, ToolOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export type Area = 'plans' | 'indicators' | 'tasks' | 'reports' | 'rankings';

/** A tidy page for an area that is not built yet: what it will hold, in the user's language. */
export default function ComingSoonPage({ area }: { area: Area }) {
  const { t } = useTranslation();
  const features = t(`comingSoon.${area}.features`, { returnObjects: true }) as unknown as string[];
  return (
    <>
      <PageHeader title={t(`nav.${area}`)} />
      <Card className="coming-soon" data-testid="coming-soon">
        <div className="coming-soon-icon" aria-hidden="true">
          <ToolOutlined />
        </div>
        <Typography.Title level={4}>{t('comingSoon.title')}</Typography.Title>
        <Typography.Paragraph className="coming-soon-description">{t(`comingSoon.${area}.description`)}</Typography.Paragraph>
        {Array.isArray(features) && features.length > 0 ? (
          <>
            <Typography.Text strong>{t('comingSoon.willInclude')}</Typography.Text>
            <ul className="coming-soon-features">
              {features.map((f) => (
                <li key={f}>
                  <CheckCircleOutlined /> <span>{f}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
    </>
  );
}
