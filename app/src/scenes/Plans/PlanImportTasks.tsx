import { Alert, Button, Card, DatePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyMatch, ExtractedTask } from '../../../../domain/extract/types';
import type { ReviewDecision, TaskReview } from '../../api/planImports';
import { UnitSelect, UnitsSelect } from '../../components/UnitSelect';
import { API_DATE_FORMAT, DATE_FORMAT, formatDate } from '../../lib/format';
import type { ItemKey } from './PlanImportSource';
import { ItemHead, ItemText } from './PlanImportWidgets';

export interface UnitLabel {
  id: number;
  code: string;
  name: string;
}

/** "Sở Thông tin và Truyền thông (nay: Sở Khoa học và Công nghệ)"; a name the registry does not know is marked. */
function AgencyNames({ label, matches }: { label: string; matches: AgencyMatch[] }) {
  const { t } = useTranslation();
  if (matches.length === 0) return null;
  return (
    <div className="import-agencies">
      <span className="import-agencies-label">{label}</span>{' '}
      {matches.map((m, i) => (
        <span key={i} className={m.unitCode ? undefined : 'import-agency-unknown'}>
          {i > 0 ? '; ' : ''}
          {m.name}
          {m.currentName ? ` (${t('planImport.tasks.now', { name: m.currentName })})` : ''}
          {m.unitCode ? '' : ` (${t('planImport.tasks.noUnit')})`}
        </span>
      ))}
    </div>
  );
}

/** One extracted task: keep or drop it, its wording, the lead and cooperating units, the due date. */
export const TaskCard = memo(function TaskCard(props: {
  index: number;
  item: TaskReview;
  /** accepted / edited / rejected as the review now stands (normaliseReview) */
  decision: ReviewDecision;
  extracted: ExtractedTask;
  units: Map<number, UnitLabel>;
  issuer: UnitLabel | undefined;
  defaultDueDate: string | null;
  active: boolean;
  onSelect: (key: ItemKey) => void;
  onChange: (index: number, patch: Partial<TaskReview>) => void;
}) {
  const { t } = useTranslation();
  const { index, item, extracted, onChange } = props;
  const key: ItemKey = `task-${index}`;
  const rejected = item.decision === 'rejected';
  const lead = item.leadUnitId === null ? null : (props.units.get(item.leadUnitId) ?? null);
  return (
    <Card
      size="small"
      className={`import-item${props.active ? ' is-active' : ''}${rejected ? ' is-rejected' : ''}`}
      data-testid="import-task"
      data-item={key}
      data-index={index}
      data-decision={props.decision}
      data-active={props.active ? 'true' : undefined}
      onClickCapture={() => props.active || props.onSelect(key)}
    >
      <ItemHead itemRef={item.ref ?? extracted.ref} decision={props.decision} onDecide={(decision) => onChange(index, { decision })} />
      <ItemText value={item.title} rejected={rejected} maxLength={2000} label={t('planImport.tasks.title')} testId="import-task-title" onChange={(title) => onChange(index, { title })} />
      {rejected ? null : (
        <>
          <AgencyNames label={t('planImport.tasks.docLead')} matches={extracted.leadUnits} />
          <AgencyNames label={t('planImport.tasks.docCooperating')} matches={extracted.cooperatingUnits} />
          <div className="import-item-fields import-task-fields">
            <label className="import-field-wide">
              <span>{t('planImport.tasks.lead')}</span>
              <UnitSelect
                value={item.leadUnitId}
                initialOption={lead}
                onChange={(id) => onChange(index, { leadUnitId: id })}
                placeholder={t('planImport.tasks.leadPlaceholder')}
                data-testid="import-task-lead"
              />
            </label>
            <label className="import-field-wide">
              <span>{t('planImport.tasks.cooperating')}</span>
              <UnitsSelect
                value={item.cooperatingUnitIds}
                initialOptions={item.cooperatingUnitIds.flatMap((id) => (props.units.has(id) ? [props.units.get(id)!] : []))}
                excludeIds={item.leadUnitId === null ? [] : [item.leadUnitId]}
                onChange={(ids) => onChange(index, { cooperatingUnitIds: ids })}
                data-testid="import-task-cooperating"
              />
            </label>
            <label>
              <span>{t('planImport.tasks.due')}</span>
              <DatePicker
                format={DATE_FORMAT}
                value={item.dueDate ? dayjs(item.dueDate) : null}
                placeholder={props.defaultDueDate ? formatDate(props.defaultDueDate) : t('common.datePlaceholder')}
                onChange={(d) => onChange(index, { dueDate: d ? d.format(API_DATE_FORMAT) : null })}
                data-testid="import-task-due"
              />
            </label>
          </div>
          {item.dueDate === null && props.defaultDueDate ? (
            <Typography.Text type="secondary" className="import-item-note" data-testid="import-task-default-due">
              {t('planImport.tasks.defaultDue', { date: formatDate(props.defaultDueDate) })}
            </Typography.Text>
          ) : null}
          {item.leadUnitId === null ? (
            <Alert
              type="warning"
              showIcon
              className="import-item-alert"
              title={t('planImport.tasks.noLead')}
              action={
                props.issuer ? (
                  <Button size="small" onClick={() => onChange(index, { leadUnitId: props.issuer!.id })} data-testid="import-task-lead-issuer">
                    {t('planImport.tasks.leadIssuer')}
                  </Button>
                ) : undefined
              }
              data-testid="import-task-no-lead"
            />
          ) : null}
        </>
      )}
    </Card>
  );
});

/** Nhiệm vụ tab: every extracted task in the document's order, and a way to give the issuing unit the ones no unit leads. */
export function TaskList(props: {
  items: TaskReview[];
  decisions: ReviewDecision[];
  extracted: ExtractedTask[];
  units: Map<number, UnitLabel>;
  issuer: UnitLabel | undefined;
  defaultDueDate: string | null;
  active: ItemKey | null;
  onSelect: (key: ItemKey) => void;
  onChange: (index: number, patch: Partial<TaskReview>) => void;
}) {
  const { t } = useTranslation();
  const leaderless = props.items.flatMap((item, i) => (item.decision !== 'rejected' && item.leadUnitId === null ? [i] : []));
  if (props.items.length === 0) return <Typography.Text type="secondary">{t('planImport.tasks.none')}</Typography.Text>;
  return (
    <div className="import-items" data-testid="import-tasks">
      {leaderless.length > 0 && props.issuer ? (
        <Alert
          type="info"
          showIcon
          title={t('planImport.tasks.leaderless', { count: leaderless.length })}
          action={
            <Button size="small" onClick={() => leaderless.forEach((i) => props.onChange(i, { leadUnitId: props.issuer!.id }))} data-testid="import-tasks-fill-lead">
              {t('planImport.tasks.fillLead', { name: props.issuer.name })}
            </Button>
          }
          data-testid="import-tasks-leaderless"
        />
      ) : null}
      {props.items.map((item, i) => (
        <TaskCard
          key={i}
          index={i}
          item={item}
          decision={props.decisions[i] ?? item.decision}
          extracted={props.extracted[i]!}
          units={props.units}
          issuer={props.issuer}
          defaultDueDate={props.defaultDueDate}
          active={props.active === `task-${i}`}
          onSelect={props.onSelect}
          onChange={props.onChange}
        />
      ))}
    </div>
  );
}
