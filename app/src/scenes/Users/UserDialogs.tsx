import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/users';
import type { UpdateUserInput, User } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { MIN_PASSWORD_LENGTH } from './rules';

export function EditUserDialog({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: (user: User) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ fullName: string; email?: string }>();
  return (
    <FormModal<{ fullName: string; email?: string }>
      title={t('users.editTitle', { name: user.username })}
      okText={t('common.save')}
      form={form}
      testId="user-edit-form"
      initialValues={{ fullName: user.fullName, email: user.email ?? '' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const change: UpdateUserInput = {};
        const fullName = v.fullName.trim();
        const email = v.email?.trim() || null;
        if (fullName !== user.fullName) change.fullName = fullName;
        if (email !== user.email) change.email = email;
        if (Object.keys(change).length === 0) return;
        onDone(await usersApi.update(user.id, change));
        message.success(t('users.saved'));
      }}
    >
      <Form.Item name="fullName" label={t('users.fields.fullName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}>
        <Input autoFocus maxLength={200} />
      </Form.Item>
      <Form.Item name="email" label={t('users.fields.email')} rules={[{ type: 'email', message: t('validation.email') }, { max: 200 }]}>
        <Input type="email" maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

interface PasswordValues {
  password: string;
  confirm: string;
}

export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  return (
    <FormModal<PasswordValues>
      title={t('users.resetPasswordTitle', { name: user.username })}
      okText={t('users.resetPasswordOk')}
      form={form}
      testId="user-password-form"
      onClose={onClose}
      onSubmit={async (v) => {
        await usersApi.update(user.id, { password: v.password });
        message.success(t('users.passwordReset'));
      }}
    >
      <Form.Item
        name="password"
        label={t('users.fields.newPassword')}
        rules={[
          { required: true, message: t('validation.required') },
          { min: MIN_PASSWORD_LENGTH, message: t('validation.minLength', { count: MIN_PASSWORD_LENGTH }) },
        ]}
      >
        <Input.Password autoFocus autoComplete="new-password" maxLength={200} placeholder={t('users.passwordHelp', { count: MIN_PASSWORD_LENGTH })} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('users.fields.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: (_r, value) =>
              !value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('users.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
