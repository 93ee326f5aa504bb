import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function changedKeys(before: unknown, after: unknown): Set<string> {
  const keys = new Set<string>();
  if (!isPlainObject(before) || !isPlainObject(after)) return keys;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) keys.add(key);
  }
  return keys;
}

function JsonBlock({ value, changed, testId }: { value: unknown; changed: Set<string>; testId: string }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) {
    return (
      <Typography.Text type="secondary" className="json-empty">
        {t('audit.noData')}
      </Typography.Text>
    );
  }
  if (!isPlainObject(value)) return <pre className="json-block" data-testid={testId}>{JSON.stringify(value, null, 2)}</pre>;
  const entries = Object.entries(value);
  return (
    <pre className="json-block" data-testid={testId}>
      {'{\n'}
      {entries.map(([key, v], i) => (
        <span key={key} className={changed.has(key) ? 'json-line json-changed' : 'json-line'}>
          {`  ${JSON.stringify(key)}: ${JSON.stringify(v, null, 2).replace(/\n/g, '\n  ')}${i < entries.length - 1 ? ',' : ''}\n`}
        </span>
      ))}
      {'}'}
    </pre>
  );
}

/** Before and after of a change, side by side, with the changed top-level fields marked. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changed = changedKeys(before, after);
  return (
    <div className="json-diff">
      <div className="json-diff-side">
        <Typography.Text strong>{t('audit.before')}</Typography.Text>
        <JsonBlock value={before} changed={changed} testId="audit-before" />
      </div>
      <div className="json-diff-side">
        <Typography.Text strong>{t('audit.after')}</Typography.Text>
        <JsonBlock value={after} changed={changed} testId="audit-after" />
      </div>
    </div>
  );
}
