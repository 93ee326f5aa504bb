import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { orgUnitsApi } from '../../../api/orgUnits';
import { ORG_UNIT_KINDS, type OrgUnitDetail, type OrgUnitKind } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../../lib/format';

interface Values {
  code: string;
  name: string;
  kind: OrgUnitKind;
  validFrom?: Dayjs | null;
}

/** The kind a new child most likely has, from its parent's kind. */
function defaultKind(parent: OrgUnitDetail): OrgUnitKind {
  if (parent.kind === 'province') return 'commune';
  if (parent.kind === 'district') return 'commune';
  return 'organization';
}

export function CreateUnitDialog({ parent, onClose, onDone }: { parent: OrgUnitDetail; onClose: () => void; onDone: (unit: OrgUnitDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      title={t('units.dialogs.create.title', { parent: parent.name })}
      okText={t('units.dialogs.create.ok')}
      form={form}
      testId="unit-create-form"
      initialValues={{ kind: defaultKind(parent) }}
      onClose={onClose}
      onSubmit={async (v) => {
        const created = await orgUnitsApi.create({
          code: v.code.trim(),
          name: v.name.trim(),
          kind: v.kind,
          parentId: parent.id,
          validFrom: v.validFrom ? v.validFrom.format(API_DATE_FORMAT) : undefined,
        });
        onDone(created);
      }}
    >
      <Form.Item name="code" label={t('units.fields.code')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 50 }]}>
        <Input autoFocus maxLength={50} spellCheck={false} />
      </Form.Item>
      <Form.Item name="name" label={t('units.fields.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 300 }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="kind" label={t('units.fields.kind')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="validFrom" label={t('units.fields.validFrom')}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
