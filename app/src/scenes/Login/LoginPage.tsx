import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { LoginInput } from '../../api/types';
import type { LoginRedirectState } from '../../auth/RequireAuth';
import { useAuth } from '../../auth/useAuth';
import { FullPageSpin } from '../../components/FullPageSpin';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { errorMessage } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';

/** Only same-site paths are followed after login (never an absolute URL from the state). */
function safeTarget(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { user, signIn } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const target = safeTarget((location.state as LoginRedirectState | null)?.from);
  usePageTitle(t('auth.title'));

  if (user === undefined) return <FullPageSpin />;
  if (user && !submitting) return <Navigate to={target} replace />;

  const onFinish = async (values: LoginInput) => {
    setError(null);
    setSubmitting(true);
    try {
      await signIn({ username: values.username.trim(), password: values.password });
      navigate(target, { replace: true });
    } catch (e) {
      setError(errorMessage(e, t));
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <Logo size={44} />
          <div>
            <Typography.Title level={3} className="login-title">
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={4} className="login-heading">
          {t('auth.heading')}
        </Typography.Title>
        {error ? <Alert type="error" showIcon title={error} className="login-error" data-testid="login-error" /> : null}
        <Form<LoginInput> layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form" disabled={submitting}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" autoCapitalize="none" spellCheck={false} />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" className="login-footer">
        {t('auth.footer')}
      </Typography.Text>
    </div>
  );
}
