import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../api/types';

/** "row 3" / row: 3 → 3 (the row number as in a spreadsheet, header = row 1). */
function rowOf(e: ImportRowError): string {
  if (typeof e.row === 'number') return String(e.row);
  const m = /(\d+)/.exec(e.path ?? '');
  return m ? m[1]! : (e.path ?? '');
}

/** The rows a CSV or Excel import refused, each with the server's message. */
export function ImportRowErrors({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportRowError & { key: number }>
      size="small"
      className="import-errors"
      data-testid="import-errors"
      pagination={errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
      dataSource={errors.map((e, i) => ({ ...e, key: i }))}
      tableLayout="fixed"
      columns={[
        { key: 'row', title: t('units.import.row'), width: 72, render: (_v, e) => rowOf(e) },
        { key: 'message', title: t('units.import.message'), dataIndex: 'message', className: 'import-error-message' },
      ]}
    />
  );
}
