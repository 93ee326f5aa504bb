import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../lib/formErrors';
import { errorMessage } from '../lib/errors';

interface Props<T> {
  title: ReactNode;
  okText: string;
  form: FormInstance<T>;
  onSubmit: (values: T) => Promise<unknown>;
  onClose: () => void;
  initialValues?: Partial<T>;
  danger?: boolean;
  children: ReactNode;
  testId?: string;
  width?: number;
}

/**
 * A modal holding one form: submits, shows the server's problem detail above the fields (and
 * per-field problems beside their fields), and closes only on success. Mounted while open.
 */
export function FormModal<T extends object>({ title, okText, form, onSubmit, onClose, initialValues, danger, children, testId, width }: Props<T>) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = async (values: T) => {
    setError(null);
    setBusy(true);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: busy, htmlType: 'submit', form: testId ?? 'form-modal' }}
      onCancel={onClose}
      mask={{ closable: !busy }}
      width={width}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} className="form-modal-error" data-testid="form-error" /> : null}
      <Form<T>
        form={form}
        id={testId ?? 'form-modal'}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void finish(values)}
        data-testid={testId}
        disabled={busy}
        scrollToFirstError
      >
        {children}
      </Form>
    </Modal>
  );
}
