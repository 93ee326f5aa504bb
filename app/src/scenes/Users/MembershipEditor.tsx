import { ApartmentOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usersApi } from '../../api/users';
import { ROLES, type Role, type User } from '../../api/types';
import { RoleTag } from '../../components/tags';
import { UnitSelect } from '../../components/UnitSelect';
import { applyFieldErrors } from '../../lib/formErrors';
import { errorMessage } from '../../lib/errors';

interface AddValues {
  orgUnitId: number | null;
  role: Role;
}

/** The roles a user holds at units (each over the unit's whole subtree): list, revoke, grant. */
export function MembershipEditor({ user, onChanged }: { user: User; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<number | null>(null);

  const add = async (v: AddValues) => {
    if (!v.orgUnitId) return;
    setAdding(true);
    try {
      await usersApi.addMembership(user.id, { orgUnitId: v.orgUnitId, role: v.role });
      form.resetFields();
      await onChanged();
      message.success(t('users.membershipAdded'));
    } catch (e) {
      if (!applyFieldErrors(form, e)) message.error(errorMessage(e, t));
    } finally {
      setAdding(false);
    }
  };

  const remove = async (membershipId: number) => {
    setRemoving(membershipId);
    try {
      await usersApi.removeMembership(user.id, membershipId);
      await onChanged();
      message.success(t('users.membershipRemoved'));
    } catch (e) {
      message.error(errorMessage(e, t));
    } finally {
      setRemoving(null);
    }
  };

  return (
    <section className="memberships" data-testid="user-memberships">
      <Typography.Title level={5}>{t('users.fields.memberships')}</Typography.Title>
      <Typography.Paragraph type="secondary" className="memberships-help">
        {t('users.membershipHelp')}
      </Typography.Paragraph>
      {user.memberships.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.noMemberships')} />
      ) : (
        <ul className="plain-list">
          {user.memberships.map((m) => (
            <li key={m.id} className="plain-list-item" data-testid="membership-row">
              <ApartmentOutlined className="plain-list-icon" />
              <div className="plain-list-main">
                <Link to={`/admin/units?unit=${m.orgUnitId}`}>{m.orgUnitName}</Link>
                <Typography.Text type="secondary" className="plain-list-sub">
                  {m.orgUnitCode}
                </Typography.Text>
              </div>
              <RoleTag role={m.role} />
              <Popconfirm
                title={t('users.confirmRemoveMembership', { role: t(`roles.${m.role}`), unit: m.orgUnitName })}
                okText={t('common.remove')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(m.id)}
              >
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  loading={removing === m.id}
                  aria-label={t('users.removeMembership')}
                  title={t('users.removeMembership')}
                />
              </Popconfirm>
            </li>
          ))}
        </ul>
      )}
      <Form<AddValues> form={form} name="membership-add" layout="vertical" className="membership-add" initialValues={{ role: 'reporter' }} onFinish={(v) => void add(v)} disabled={adding}>
        <Typography.Text strong>{t('users.addMembership')}</Typography.Text>
        <div className="membership-add-row">
          <Form.Item name="orgUnitId" className="membership-add-unit" rules={[{ required: true, message: t('validation.required') }]}>
            <UnitSelect placeholder={t('users.fields.unit')} data-testid="membership-unit" />
          </Form.Item>
          <Form.Item name="role" className="membership-add-role" rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} aria-label={t('users.fields.role')} data-testid="membership-role" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={adding} data-testid="membership-add">
            {t('common.add')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
