import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgUnitsApi } from '../../../api/orgUnits';
import type { OrgUnitDetail } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { UnitSelect } from '../../../components/UnitSelect';

interface Values {
  parentId: number;
}

export function MoveUnitDialog({ unit, onClose, onDone }: { unit: OrgUnitDetail; onClose: () => void; onDone: (unit: OrgUnitDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const parent = unit.path[unit.path.length - 1];
  return (
    <FormModal<Values>
      title={t('units.dialogs.move.title', { name: unit.name })}
      okText={t('units.dialogs.move.ok')}
      form={form}
      testId="unit-move-form"
      onClose={onClose}
      onSubmit={async (v) => onDone(await orgUnitsApi.move(unit.id, v.parentId))}
    >
      {parent ? (
        <Typography.Paragraph type="secondary">{t('units.dialogs.move.current', { parent: parent.name })}</Typography.Paragraph>
      ) : null}
      <Form.Item
        name="parentId"
        label={t('units.dialogs.move.newParent')}
        rules={[
          { required: true, message: t('validation.required') },
          {
            validator: (_r, value) =>
              value === unit.parentId ? Promise.reject(new Error(t('units.dialogs.move.sameParent'))) : Promise.resolve(),
          },
        ]}
      >
        <UnitSelect excludeIds={[unit.id]} data-testid="unit-move-parent" />
      </Form.Item>
    </FormModal>
  );
}
