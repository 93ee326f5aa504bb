import { Alert, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { orgUnitsApi } from '../../../api/orgUnits';
import type { OrgUnitDetail } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { UnitSelect } from '../../../components/UnitSelect';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../../lib/format';

interface Values {
  closedOn: Dayjs;
  successorId?: number | null;
}

export function CloseUnitDialog({ unit, onClose, onDone }: { unit: OrgUnitDetail; onClose: () => void; onDone: (unit: OrgUnitDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const validFrom = unit.validFrom ? dayjs(unit.validFrom) : null;
  return (
    <FormModal<Values>
      title={t('units.dialogs.close.title', { name: unit.name })}
      okText={t('units.dialogs.close.ok')}
      danger
      form={form}
      testId="unit-close-form"
      initialValues={{ closedOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) =>
        onDone(await orgUnitsApi.close(unit.id, { closedOn: v.closedOn.format(API_DATE_FORMAT), successorId: v.successorId ?? undefined }))
      }
    >
      <Alert type="warning" showIcon title={t('units.dialogs.close.warning')} className="form-modal-note" />
      <Form.Item name="closedOn" label={t('units.dialogs.close.closedOn')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          placeholder={t('common.datePlaceholder')}
          disabledDate={validFrom ? (d) => d.isBefore(validFrom, 'day') : undefined}
        />
      </Form.Item>
      <Form.Item name="successorId" label={t('units.dialogs.close.successor')} extra={t('units.dialogs.close.successorHelp')}>
        <UnitSelect excludeIds={[unit.id]} data-testid="unit-close-successor" />
      </Form.Item>
    </FormModal>
  );
}
