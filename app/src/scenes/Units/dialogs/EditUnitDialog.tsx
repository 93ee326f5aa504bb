import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgUnitsApi } from '../../../api/orgUnits';
import type { OrgUnitDetail, UpdateOrgUnitInput } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';

interface Values {
  name: string;
  shortName?: string;
}

export function EditUnitDialog({ unit, onClose, onDone }: { unit: OrgUnitDetail; onClose: () => void; onDone: (unit: OrgUnitDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      title={t('units.dialogs.edit.title', { name: unit.name })}
      okText={t('common.save')}
      form={form}
      testId="unit-edit-form"
      initialValues={{ name: unit.name, shortName: unit.shortName ?? '' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const change: UpdateOrgUnitInput = {};
        const name = v.name.trim();
        const shortName = v.shortName?.trim() || null;
        if (name !== unit.name) change.name = name;
        if (shortName !== unit.shortName) change.shortName = shortName;
        if (Object.keys(change).length === 0) return;
        onDone(await orgUnitsApi.update(unit.id, change));
      }}
    >
      <Form.Item name="name" label={t('units.fields.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 300 }]}>
        <Input autoFocus maxLength={300} />
      </Form.Item>
      <Form.Item name="shortName" label={t('units.fields.shortName')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
