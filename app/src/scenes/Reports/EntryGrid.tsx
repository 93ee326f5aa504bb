import { HistoryOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isBlock, parseTable } from '../../../../domain/spreadsheetText';
import type { StoredCell, Submission, SubmissionItem } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { formatNumberIn, formatValue, langOf, unitLabel } from '../../lib/indicators';
import { useIsMobile } from '../../lib/useIsMobile';
import {
  computedValue,
  GRID_COLUMNS,
  isEditable,
  isRatio,
  neighbour,
  readDraft,
  tidy,
  type CellAddress,
  type CellProblem,
  type CellProblems,
  type Draft,
  type GridColumn,
  type NumberColumn,
} from './entryGrid';

interface Props {
  submission: Submission;
  drafts: Record<string, Draft>;
  problems: Record<string, CellProblems>;
  readOnly: boolean;
  onChange: (code: string, column: GridColumn, text: string) => void;
  onPaste: (at: CellAddress, block: string[][]) => CellAddress | null;
  onHistory: (item: SubmissionItem) => void;
}

export function problemText(t: TFunction, p: CellProblem): string {
  return t(`reports.cell.${p.key}`, p.params ?? {}) as string;
}

const cellKey = (a: CellAddress) => `${a.row}:${a.column}`;

/** The official figure of a cell, for reference: "1.234", or "900 / 1.000" under a ratio's %. */
function StoredFigure({ item, stored }: { item: SubmissionItem; stored: StoredCell | null }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  if (!stored) return <span className="grid-stored-none">{t('common.none')}</span>;
  const { unit, decimals } = item.indicator;
  return (
    <Tooltip title={t('reports.grid.storedTip', { source: t(`reports.source.${stored.source}` as never, { defaultValue: stored.source }) as string, at: formatDateTime(stored.updatedAt), who: stored.updatedBy?.fullName ?? '—' })}>
      <span className="grid-stored" data-testid="cell-stored">
        <span>{formatValue(t, stored.value, unit, lang, decimals)}</span>
        {isRatio(item) && stored.numerator !== null && stored.denominator !== null ? (
          <span className="grid-stored-parts">
            {formatNumberIn(stored.numerator, lang, decimals)} / {formatNumberIn(stored.denominator, lang, decimals)}
          </span>
        ) : null}
      </span>
    </Tooltip>
  );
}

/**
 * The data-entry grid: one row per item of the form, with the official figure for reference and
 * the cells to fill — value, or numerator and denominator for a ratio (the % computed beside) — and
 * a comment. Spreadsheet keys: arrows move (left/right at the edge of the text), Enter moves down,
 * Tab across, Escape undoes the cell; a block pasted from Excel fills right and down. Problems show
 * under their cell as the reporter types. On a phone each item is a card.
 */
export function EntryGrid({ submission, drafts, problems, readOnly, onChange, onPaste, onHistory }: Props) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.resolvedLanguage);
  const isMobile = useIsMobile();
  const items = submission.items;
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const before = useRef<string>('');

  const focus = (a: CellAddress | null) => {
    if (!a) return false;
    const el = inputs.current.get(cellKey(a));
    if (!el) return false;
    el.focus();
    el.select();
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, at: CellAddress) => {
    const el = e.currentTarget;
    const all = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    const atStart = all || (el.selectionStart === 0 && el.selectionEnd === 0);
    const atEnd = all || (el.selectionStart === el.value.length && el.selectionEnd === el.value.length);
    let target: CellAddress | null = null;
    switch (e.key) {
      case 'ArrowUp':
        target = neighbour(items, at, 'up');
        break;
      case 'ArrowDown':
        target = neighbour(items, at, 'down');
        break;
      case 'ArrowLeft':
        if (!atStart) return;
        target = neighbour(items, at, 'left');
        break;
      case 'ArrowRight':
        if (!atEnd) return;
        target = neighbour(items, at, 'right');
        break;
      case 'Enter':
        target = neighbour(items, at, e.shiftKey ? 'up' : 'down');
        if (!target) {
          e.preventDefault();
          return;
        }
        break;
      case 'Tab':
        target = neighbour(items, at, e.shiftKey ? 'previous' : 'next');
        if (!target) return; // leave the grid
        break;
      case 'Escape': {
        const code = items[at.row]!.indicator.code;
        if (el.value !== before.current) {
          e.preventDefault();
          onChange(code, at.column, before.current);
        }
        return;
      }
      default:
        return;
    }
    if (target) {
      e.preventDefault();
      focus(target);
    }
  };

  const onPasteCell = (e: ClipboardEvent<HTMLInputElement>, at: CellAddress) => {
    const text = e.clipboardData.getData('text/plain');
    if (!isBlock(text)) {
      if (/[\r\n]$/.test(text)) {
        // One cell copied from Excel ends with a line break: paste its text only.
        e.preventDefault();
        onChange(items[at.row]!.indicator.code, at.column, text.replace(/[\r\n]+$/, ''));
      }
      return;
    }
    e.preventDefault();
    const last = onPaste(at, parseTable(text));
    if (last) window.setTimeout(() => focus(last), 0);
  };

  const cell = (item: SubmissionItem, row: number, column: GridColumn, label: string) => {
    const code = item.indicator.code;
    const draft = drafts[code];
    const at = { row, column };
    if (!isEditable(item, column) || !draft) return null;
    const problem = column === 'comment' ? undefined : problems[code]?.[column as NumberColumn];
    const id = `cell-${row}-${column}`;
    if (readOnly) {
      const shown = column === 'comment' ? draft.comment : draft[column];
      return (
        <span className={column === 'comment' ? 'grid-readonly grid-readonly-comment' : 'grid-readonly'} data-testid={`cell-${column}`} data-indicator={code}>
          {shown || <span className="grid-stored-none">{t('common.none')}</span>}
        </span>
      );
    }
    return (
      <div className="grid-cell">
        <input
          id={id}
          ref={(el) => {
            if (el) inputs.current.set(cellKey(at), el);
            else inputs.current.delete(cellKey(at));
          }}
          className={`grid-input${column === 'comment' ? ' grid-input-text' : ''}${problem ? ' grid-input-error' : ''}`}
          value={draft[column]}
          inputMode={column === 'comment' ? 'text' : 'decimal'}
          autoComplete="off"
          spellCheck={column === 'comment'}
          placeholder={column === 'comment' ? t('reports.grid.commentPlaceholder') : ''}
          aria-label={`${item.indicator.name} — ${label}`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          maxLength={column === 'comment' ? 2000 : 40}
          data-testid={`cell-${column}`}
          data-indicator={code}
          onChange={(e) => onChange(code, column, e.target.value)}
          onFocus={(e) => {
            before.current = e.target.value;
            e.target.select();
          }}
          onBlur={(e) => {
            if (column !== 'comment') {
              const tidied = tidy(e.target.value, lang);
              if (tidied !== e.target.value) onChange(code, column, tidied);
            }
          }}
          onKeyDown={(e) => onKeyDown(e, at)}
          onPaste={(e) => onPasteCell(e, at)}
        />
        {problem ? (
          <div className="grid-cell-error" id={`${id}-error`} data-testid="cell-error" data-indicator={code} data-column={column} role="alert">
            {problemText(t, problem)}
          </div>
        ) : null}
      </div>
    );
  };

  const computed = (item: SubmissionItem) => {
    const draft = drafts[item.indicator.code];
    if (!draft) return null;
    const value = computedValue(item, readDraft(item, draft, lang));
    return (
      <span className="grid-computed" data-testid="cell-computed" data-indicator={item.indicator.code}>
        {value === null ? t('common.none') : formatValue(t, value, item.indicator.unit, lang, Math.max(item.indicator.decimals, 2))}
      </span>
    );
  };

  const nameCell = (item: SubmissionItem) => (
    <div className="grid-name">
      <span className="grid-name-text">
        {item.indicator.name}
        {item.required ? (
          <span className="grid-required" title={t('reports.grid.required')} aria-label={t('reports.grid.required')}>
            {' '}
            *
          </span>
        ) : null}
      </span>
      <span className="grid-name-meta">
        {item.indicator.code} · {unitLabel(t, item.indicator.unit)}
      </span>
    </div>
  );

  const historyButton = (item: SubmissionItem) => (
    <Tooltip title={t('reports.history.open')}>
      <Button
        type="text"
        size="small"
        icon={<HistoryOutlined />}
        aria-label={`${t('reports.history.open')}: ${item.indicator.name}`}
        onClick={() => onHistory(item)}
        data-testid="cell-history-button"
        data-indicator={item.indicator.code}
      />
    </Tooltip>
  );

  const labels: Record<GridColumn, string> = {
    value: t('reports.grid.value'),
    numerator: t('reports.grid.numerator'),
    denominator: t('reports.grid.denominator'),
    comment: t('reports.grid.comment'),
  };

  if (isMobile) {
    return (
      <div className="grid-cards" data-testid="entry-grid">
        {items.map((item, row) => (
          <div key={item.indicator.id} className="grid-card" data-testid="grid-row" data-indicator={item.indicator.code}>
            <div className="grid-card-head">
              {nameCell(item)}
              {historyButton(item)}
            </div>
            <div className="grid-card-stored">
              <span className="grid-card-label">{t('reports.grid.stored')}</span>
              <StoredFigure item={item} stored={item.stored} />
            </div>
            <div className="grid-card-fields">
              {(isRatio(item) ? (['numerator', 'denominator'] as const) : (['value'] as const)).map((column) => (
                <label key={column} className="grid-card-field">
                  <span className="grid-card-label">{labels[column]}</span>
                  {cell(item, row, column, labels[column])}
                </label>
              ))}
            </div>
            {isRatio(item) ? (
              <div className="grid-card-stored grid-card-computed">
                <span className="grid-card-label">{labels.value}</span>
                {computed(item)}
              </div>
            ) : null}
            <label className="grid-card-field grid-card-comment">
              <span className="grid-card-label">{labels.comment}</span>
              {cell(item, row, 'comment', labels.comment)}
            </label>
          </div>
        ))}
      </div>
    );
  }

  return (
    <div className="grid-scroll">
      <table className={readOnly ? 'entry-grid entry-grid-readonly' : 'entry-grid'} data-testid="entry-grid" role="grid" aria-readonly={readOnly || undefined}>
        <colgroup>
          <col className="grid-col-no" />
          <col className="grid-col-name" />
          <col className="grid-col-stored" />
          <col className="grid-col-number" />
          <col className="grid-col-number" />
          <col className="grid-col-number" />
          <col className="grid-col-comment" />
          <col className="grid-col-history" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('reports.grid.indicator')}</th>
            <th scope="col">{t('reports.grid.stored')}</th>
            {GRID_COLUMNS.map((c) => (
              <th scope="col" key={c}>
                {labels[c]}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('reports.history.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, row) => (
            <tr key={item.indicator.id} data-testid="grid-row" data-indicator={item.indicator.code} className={problems[item.indicator.code] && Object.keys(problems[item.indicator.code]!).length ? 'grid-row-error' : undefined}>
              <td className="grid-no">{row + 1}</td>
              <th scope="row" className="grid-name-cell">
                {nameCell(item)}
              </th>
              <td className="grid-stored-cell">
                <StoredFigure item={item} stored={item.stored} />
              </td>
              <td className={isEditable(item, 'value') ? 'grid-td' : 'grid-td grid-td-computed'}>{isEditable(item, 'value') ? cell(item, row, 'value', labels.value) : computed(item)}</td>
              <td className={isEditable(item, 'numerator') ? 'grid-td' : 'grid-td grid-td-off'}>{cell(item, row, 'numerator', labels.numerator)}</td>
              <td className={isEditable(item, 'denominator') ? 'grid-td' : 'grid-td grid-td-off'}>{cell(item, row, 'denominator', labels.denominator)}</td>
              <td className="grid-td">{cell(item, row, 'comment', labels.comment)}</td>
              <td className="grid-td grid-td-history">{historyButton(item)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly ? (
        <Typography.Paragraph type="secondary" className="grid-help">
          {t('reports.grid.keyboardHelp')}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

