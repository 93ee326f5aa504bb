import { useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { userKeys, usersApi } from '../../api/users';
import { ROLES, type Role, type User } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { UnitSelect } from '../../components/UnitSelect';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from './rules';

interface Values {
  username: string;
  fullName: string;
  email?: string;
  password: string;
  orgUnitId?: number | null;
  role?: Role;
}

export function CreateUserDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (user: User) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const orgUnitId = Form.useWatch('orgUnitId', form);

  return (
    <FormModal<Values>
      title={t('users.createTitle')}
      okText={t('users.createOk')}
      form={form}
      testId="user-form"
      width={640}
      initialValues={{ role: 'reporter' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const created = await usersApi.create({
          username: v.username.trim(),
          fullName: v.fullName.trim(),
          email: v.email?.trim() || null,
          password: v.password,
          memberships: v.orgUnitId && v.role ? [{ orgUnitId: v.orgUnitId, role: v.role }] : undefined,
        });
        await queryClient.invalidateQueries({ queryKey: userKeys.all });
        message.success(t('users.created', { name: created.fullName }));
        onCreated(created);
      }}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="username"
            label={t('users.fields.username')}
            rules={[
              { required: true, message: t('validation.required') },
              { min: 3, message: t('validation.minLength', { count: 3 }) },
              { max: 60 },
              { pattern: USERNAME_PATTERN, message: t('users.usernameRule') },
            ]}
          >
            <Input autoFocus autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="fullName" label={t('users.fields.fullName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('users.fields.email')} rules={[{ type: 'email', message: t('validation.email') }, { max: 200 }]}>
            <Input type="email" autoComplete="off" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="password"
            label={t('users.fields.password')}
            rules={[
              { required: true, message: t('validation.required') },
              { min: MIN_PASSWORD_LENGTH, message: t('validation.minLength', { count: MIN_PASSWORD_LENGTH }) },
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} placeholder={t('users.passwordHelp', { count: MIN_PASSWORD_LENGTH })} />
          </Form.Item>
        </Col>
      </Row>
      <fieldset className="form-fieldset">
        <legend>{t('users.initialMembership')}</legend>
        <Row gutter={16}>
          <Col xs={24} sm={14}>
            <Form.Item name="orgUnitId" label={t('users.fields.unit')}>
              <UnitSelect data-testid="user-form-unit" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="role" label={t('users.fields.role')} rules={[{ required: !!orgUnitId, message: t('validation.required') }]}>
              <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="user-form-role" />
            </Form.Item>
          </Col>
        </Row>
      </fieldset>
    </FormModal>
  );
}
