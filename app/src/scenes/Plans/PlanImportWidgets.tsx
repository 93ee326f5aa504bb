import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewDecision } from '../../api/planImports';

const DECISION_COLORS: Record<ReviewDecision, string> = { accepted: 'success', edited: 'processing', rejected: 'default' };

/** Nhận / Đã sửa / Bỏ, as the review stands. */
export function DecisionTag({ decision }: { decision: ReviewDecision }) {
  const { t } = useTranslation();
  return (
    <Tag color={DECISION_COLORS[decision]} data-testid="import-item-decision" data-decision={decision}>
      {t(`planImport.decision.${decision}`)}
    </Tag>
  );
}

/** The first line of an extracted item: its reference, a summary, its decision and the keep / drop button. */
export function ItemHead(props: { itemRef: string; summary?: string; decision: ReviewDecision; onDecide: (decision: ReviewDecision) => void }) {
  const { t } = useTranslation();
  const rejected = props.decision === 'rejected';
  return (
    <div className="import-item-head">
      <Tag className="import-item-ref" data-testid="import-item-ref">
        {props.itemRef}
      </Tag>
      {props.summary ? <strong className="import-item-summary">{props.summary}</strong> : null}
      <DecisionTag decision={props.decision} />
      <span className="import-item-spacer" />
      {rejected ? (
        <Button size="small" icon={<CheckOutlined />} onClick={() => props.onDecide('accepted')} data-testid="import-item-accept">
          {t('planImport.accept')}
        </Button>
      ) : (
        <Button size="small" danger icon={<CloseOutlined />} onClick={() => props.onDecide('rejected')} data-testid="import-item-reject">
          {t('planImport.reject')}
        </Button>
      )}
    </div>
  );
}

/** An item's wording: struck through once rejected, editable otherwise. */
export function ItemText(props: { value: string; rejected: boolean; maxLength: number; label: string; testId: string; onChange: (value: string) => void }) {
  if (props.rejected) {
    return (
      <Typography.Paragraph className="import-item-text" delete type="secondary">
        {props.value}
      </Typography.Paragraph>
    );
  }
  return (
    <Input.TextArea
      className="import-item-text"
      autoSize={{ minRows: 1, maxRows: 6 }}
      value={props.value}
      maxLength={props.maxLength}
      aria-label={props.label}
      onChange={(e) => props.onChange(e.target.value)}
      data-testid={props.testId}
    />
  );
}
