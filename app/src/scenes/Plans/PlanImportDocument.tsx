import { Alert, DatePicker, Input, InputNumber, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PLAN_KINDS, type PlanKind } from '../../../../domain/plans';
import type { PlanImportReview } from '../../../../domain/extract/planReview';
import type { ExtractedDocument } from '../../../../domain/extract/types';
import { UnitSelect } from '../../components/UnitSelect';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../lib/format';
import type { UnitLabel } from './PlanImportTasks';

type DocumentReview = PlanImportReview['document'];

/** Thông tin văn bản: the plan's own fields as the document states them, editable. */
export function PlanImportDocument(props: {
  value: DocumentReview;
  extracted: ExtractedDocument;
  issuer: UnitLabel | undefined;
  duplicate: { id: number; number: string } | null;
  onChange: (patch: Partial<DocumentReview>) => void;
  onIssuer: (unit: UnitLabel) => void;
}) {
  const { t } = useTranslation();
  const d = props.value;
  return (
    <div className="import-document" data-testid="import-document">
      {props.duplicate ? (
        <Alert
          type="warning"
          showIcon
          data-testid="import-duplicate"
          title={t('planImport.document.duplicate', { number: props.duplicate.number })}
          description={<Link to={`/plans/${props.duplicate.id}`}>{t('planImport.document.openDuplicate')}</Link>}
        />
      ) : null}
      <div className="import-item-fields import-document-fields">
        <label>
          <span>{t('planImport.document.kind')}</span>
          <Select<PlanKind>
            value={d.kind ?? undefined}
            placeholder={t('planImport.document.kindPlaceholder')}
            options={PLAN_KINDS.map((k) => ({ value: k, label: k }))}
            onChange={(kind) => props.onChange({ kind })}
            status={d.kind ? undefined : 'warning'}
            data-testid="import-doc-kind"
          />
        </label>
        <label>
          <span>{t('planImport.document.number')}</span>
          <Input value={d.number} maxLength={100} onChange={(e) => props.onChange({ number: e.target.value })} data-testid="import-doc-number" />
        </label>
        <label>
          <span>{t('planImport.document.issuedOn')}</span>
          <DatePicker
            format={DATE_FORMAT}
            value={d.issuedOn ? dayjs(d.issuedOn) : null}
            onChange={(v) => props.onChange({ issuedOn: v ? v.format(API_DATE_FORMAT) : null })}
            data-testid="import-doc-date"
          />
        </label>
        <label>
          <span>{t('planImport.document.horizonFrom')}</span>
          <InputNumber<number> min={2000} max={2100} value={d.horizonFrom ?? undefined} onChange={(v) => props.onChange({ horizonFrom: v ?? null })} data-testid="import-doc-horizon-from" />
        </label>
        <label>
          <span>{t('planImport.document.horizonYear')}</span>
          <InputNumber<number> min={2000} max={2100} value={d.horizonYear ?? undefined} onChange={(v) => props.onChange({ horizonYear: v ?? null })} data-testid="import-doc-horizon" />
        </label>
        <label className="import-field-full">
          <span>{t('planImport.document.issuer')}</span>
          <UnitSelect
            value={d.issuerUnitId}
            initialOption={props.issuer ?? null}
            allowClear={false}
            onChange={(id, unit) => {
              if (id === null) return;
              if (unit) props.onIssuer({ id: unit.id, code: unit.code, name: unit.name });
              props.onChange({ issuerUnitId: id });
            }}
            data-testid="import-doc-issuer"
          />
        </label>
        <label className="import-field-full">
          <span>{t('planImport.document.title')}</span>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} value={d.title} onChange={(e) => props.onChange({ title: e.target.value })} data-testid="import-doc-title" />
        </label>
      </div>
      {props.extracted.issuer ? (
        <Typography.Text type="secondary" className="import-item-note">
          {t('planImport.document.issuerInDocument', { name: props.extracted.issuer })}
        </Typography.Text>
      ) : null}
    </div>
  );
}
