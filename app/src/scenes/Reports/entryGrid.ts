/**
 * The entry grid's model, without React: what each cell holds (the text as typed), which cells of
 * an item take input (a ratio takes numerator and denominator, anything else a value; every item a
 * comment), how a block pasted from Excel lands, and the problems of each cell — the same checks the
 * server makes (domain/dataValues.ts, domain/forms.ts), so the reporter sees them while typing.
 */
import { normalizeValue, validateValue, type IndicatorRules, type ValueProblem } from '../../../../domain/dataValues';
import { validateSubmission, type FormItemRules } from '../../../../domain/forms';
import { numberFromText, numberToText, parseNumberText, type NumberLanguage } from '../../../../domain/spreadsheetText';
import type { CellNumbers, Submission, SubmissionItem, SubmissionValueInput } from '../../api/types';

export const GRID_COLUMNS = ['value', 'numerator', 'denominator', 'comment'] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];
export type NumberColumn = Exclude<GridColumn, 'comment'>;
export type Draft = Record<GridColumn, string>;

export const isRatio = (item: SubmissionItem) => item.indicator.spaceAggregation === 'ratio';

/** Whether the cell takes input: a ratio's value is computed from its numerator and denominator. */
export function isEditable(item: SubmissionItem, column: GridColumn): boolean {
  if (column === 'comment') return true;
  return isRatio(item) ? column !== 'value' : column === 'value';
}

const text = (n: number | null | undefined, lang: NumberLanguage) => (n === null || n === undefined ? '' : numberToText(n, lang));

/** The cells of an item as the grid first shows them: its staged (draft) numbers. */
export function draftOf(item: SubmissionItem, lang: NumberLanguage): Draft {
  const s: CellNumbers | null = item.staged;
  if (!s) return { value: '', numerator: '', denominator: '', comment: '' };
  return isRatio(item)
    ? { value: '', numerator: text(s.numerator, lang), denominator: text(s.denominator, lang), comment: s.comment ?? '' }
    : { value: text(s.value, lang), numerator: '', denominator: '', comment: s.comment ?? '' };
}

export const draftsOf = (submission: Submission, lang: NumberLanguage): Record<string, Draft> =>
  Object.fromEntries(submission.items.map((i) => [i.indicator.code, draftOf(i, lang)]));

const rulesOf = (item: SubmissionItem): FormItemRules => ({
  code: item.indicator.code,
  unit: item.indicator.unit,
  spaceAggregation: item.indicator.spaceAggregation as IndicatorRules['spaceAggregation'],
  minValue: item.indicator.minValue,
  maxValue: item.indicator.maxValue,
  required: item.required,
});

export interface ReadCell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  /** Cells whose text is not a number. */
  invalid: NumberColumn[];
}

/** The numbers a draft holds (only the cells the item takes). */
export function readDraft(item: SubmissionItem, draft: Draft, lang: NumberLanguage): ReadCell {
  const invalid: NumberColumn[] = [];
  const read = (column: NumberColumn): number | null => {
    if (!isEditable(item, column)) return null;
    const n = numberFromText(draft[column], lang);
    if (n !== null && Number.isNaN(n)) {
      invalid.push(column);
      return null;
    }
    return n;
  };
  const comment = draft.comment.trim() || null;
  return { value: read('value'), numerator: read('numerator'), denominator: read('denominator'), comment, invalid };
}

/** The figure the cells make: the value itself, or 100 × numerator / denominator for a % ratio. */
export function computedValue(item: SubmissionItem, cell: ReadCell): number | null {
  if (!isRatio(item)) return cell.value;
  if (cell.numerator === null || cell.denominator === null || cell.denominator === 0) return null;
  return normalizeValue(rulesOf(item), cell).value;
}

const same = (a: number | null, b: number | null | undefined) => (a ?? null) === (b ?? null);

/** Whether the draft differs from what the server holds staged for the item. */
export function isDirty(item: SubmissionItem, draft: Draft, lang: NumberLanguage): boolean {
  const cell = readDraft(item, draft, lang);
  if (cell.invalid.length) return true;
  const s = item.staged;
  if ((cell.comment ?? null) !== (s?.comment ?? null)) return true;
  return isRatio(item) ? !same(cell.numerator, s?.numerator) || !same(cell.denominator, s?.denominator) : !same(cell.value, s?.value);
}

/** The row a save or submit sends for an item (a blank one clears its draft). */
export function valueRow(item: SubmissionItem, draft: Draft, lang: NumberLanguage): SubmissionValueInput {
  const cell = readDraft(item, draft, lang);
  return isRatio(item)
    ? { indicator: item.indicator.code, numerator: cell.numerator, denominator: cell.denominator, comment: cell.comment }
    : { indicator: item.indicator.code, value: cell.value, comment: cell.comment };
}

/** A problem of one cell, as a message key under `reports.cell` with its parameters. */
export interface CellProblem {
  key: 'notNumber' | 'negative' | 'numeratorAboveDenominator' | 'zeroDenominator' | 'belowMin' | 'aboveMax' | 'percentRange' | 'needsNumerator' | 'needsDenominator' | 'needsValue' | 'required' | 'notFinite';
  params?: Record<string, string | number>;
}
export type CellProblems = Partial<Record<NumberColumn, CellProblem>>;

function place(item: SubmissionItem, p: ValueProblem, cell: ReadCell, out: CellProblems) {
  const ratio = isRatio(item);
  const put = (column: NumberColumn, problem: CellProblem) => {
    if (!out[column]) out[column] = problem;
  };
  switch (p.key) {
    case 'dataValue.ratioNeedsParts':
      if (cell.numerator === null) put('numerator', { key: 'needsNumerator' });
      if (cell.denominator === null) put('denominator', { key: 'needsDenominator' });
      return;
    case 'dataValue.valueRequired':
      return put('value', { key: 'needsValue' });
    case 'dataValue.negative':
      if (!ratio) return put('value', { key: 'negative' });
      if ((cell.numerator ?? 0) < 0) put('numerator', { key: 'negative' });
      if ((cell.denominator ?? 0) < 0) put('denominator', { key: 'negative' });
      return;
    case 'dataValue.numeratorAboveDenominator':
      return put('numerator', { key: 'numeratorAboveDenominator' });
    case 'dataValue.zeroDenominator':
      return put('denominator', { key: 'zeroDenominator' });
    case 'dataValue.belowMin':
      return put('value', { key: 'belowMin', params: { min: Number(p.params.min) } });
    case 'dataValue.aboveMax':
      if (item.indicator.unit === '%' && item.indicator.maxValue === null && (item.indicator.minValue ?? 0) === 0) return put('value', { key: 'percentRange' });
      return put('value', { key: 'aboveMax', params: { max: Number(p.params.max) } });
    case 'dataValue.notFinite':
      return put(ratio ? 'numerator' : 'value', { key: 'notFinite' });
  }
}

/**
 * The problems of an item's cells: text that is not a number, then the value checks of the server;
 * with `requireValues` (after a try to submit) a required item without figures too.
 */
export function cellProblems(item: SubmissionItem, draft: Draft, lang: NumberLanguage, requireValues: boolean): CellProblems {
  const cell = readDraft(item, draft, lang);
  const out: CellProblems = {};
  for (const column of cell.invalid) out[column] = { key: 'notNumber', params: { text: draft[column].trim() } };
  const hasNumber = cell.value !== null || cell.numerator !== null || cell.denominator !== null;
  if (!hasNumber) {
    if (requireValues && item.required && cell.invalid.length === 0) {
      if (isRatio(item)) {
        out.numerator = { key: 'required' };
        out.denominator = { key: 'required' };
      } else out.value = { key: 'required' };
    }
    return out;
  }
  for (const p of validateValue(rulesOf(item), cell)) place(item, p, cell, out);
  return out;
}

export interface RuleProblem {
  index: number;
  expression: string;
  message: string | null;
  values: string;
}

/** The form's cross-indicator rules the draft breaks (rules whose inputs are missing are skipped). */
export function ruleProblems(submission: Submission, drafts: Record<string, Draft>, lang: NumberLanguage): RuleProblem[] {
  const values = new Map<string, { value: number | null; numerator: number | null; denominator: number | null }>();
  for (const item of submission.items) {
    const draft = drafts[item.indicator.code];
    if (!draft) continue;
    const cell = readDraft(item, draft, lang);
    if (cell.invalid.length === 0) values.set(item.indicator.code, cell);
  }
  const rules = submission.rules.map((r, index) => ({ index, expression: r.expression, message: r.message }));
  return validateSubmission(submission.items.map(rulesOf), rules, values, 'save').flatMap((p) =>
    p.kind === 'rule' ? [{ index: p.rule, expression: p.params.expression, message: p.params.message || null, values: p.params.values }] : [],
  );
}

export interface CellAddress {
  row: number;
  column: GridColumn;
}

export interface PasteResult {
  drafts: Record<string, Draft>;
  /** Cells filled. */
  filled: number;
  /** Pieces that fell on a cell that takes no input (a ratio's computed value) or beyond the grid. */
  skipped: number;
  /** The last cell filled. */
  last: CellAddress | null;
}

/**
 * Lay a pasted block (rows of cells) onto the grid from `at`: its columns go right across the
 * grid's columns (value, numerator, denominator, comment), its rows down the items — like pasting
 * into Excel. A piece falling on a cell that takes no input is skipped. A number is written back in
 * the language's format ("40888" → "40.888"); text that is no number stays as pasted, to be flagged.
 */
export function applyPaste(items: readonly SubmissionItem[], drafts: Record<string, Draft>, at: CellAddress, block: string[][], lang: NumberLanguage): PasteResult {
  const next = { ...drafts };
  const startColumn = GRID_COLUMNS.indexOf(at.column);
  let filled = 0;
  let skipped = 0;
  let last: CellAddress | null = null;
  block.forEach((cells, r) => {
    const item = items[at.row + r];
    cells.forEach((piece, c) => {
      const column = GRID_COLUMNS[startColumn + c];
      if (!item || !column || !isEditable(item, column)) {
        if (piece.trim() !== '') skipped++;
        return;
      }
      const code = item.indicator.code;
      next[code] = { ...(next[code] ?? { value: '', numerator: '', denominator: '', comment: '' }), [column]: column === 'comment' ? piece : tidy(piece, lang) };
      filled++;
      last = { row: at.row + r, column };
    });
  });
  return { drafts: next, filled, skipped, last };
}

/** The editable cell next to `from` in a direction, or null at the edge of the grid. */
export function neighbour(items: readonly SubmissionItem[], from: CellAddress, direction: 'up' | 'down' | 'left' | 'right' | 'next' | 'previous'): CellAddress | null {
  const col = GRID_COLUMNS.indexOf(from.column);
  if (direction === 'up' || direction === 'down') {
    const step = direction === 'down' ? 1 : -1;
    for (let row = from.row + step; row >= 0 && row < items.length; row += step) {
      if (isEditable(items[row]!, from.column)) return { row, column: from.column };
      // A ratio row under a value column (or the reverse): land on its first cell that takes a number.
      if (from.column !== 'comment') {
        const alt = (['value', 'numerator', 'denominator'] as const).find((c) => isEditable(items[row]!, c));
        if (alt) return { row, column: alt };
      }
    }
    return null;
  }
  if (direction === 'left' || direction === 'right') {
    const step = direction === 'right' ? 1 : -1;
    for (let c = col + step; c >= 0 && c < GRID_COLUMNS.length; c += step) {
      const column = GRID_COLUMNS[c]!;
      if (isEditable(items[from.row]!, column)) return { row: from.row, column };
    }
    return null;
  }
  // Tab order: across the row, then on to the next row.
  const step = direction === 'next' ? 1 : -1;
  let row = from.row;
  let c = col + step;
  while (row >= 0 && row < items.length) {
    while (c >= 0 && c < GRID_COLUMNS.length) {
      const column = GRID_COLUMNS[c]!;
      if (isEditable(items[row]!, column)) return { row, column };
      c += step;
    }
    row += step;
    c = step === 1 ? 0 : GRID_COLUMNS.length - 1;
  }
  return null;
}

/** A typed number written back in the language's format once the cell is left ("1234,5" → "1.234,5"); other text as it is. */
export function tidy(textValue: string, lang: NumberLanguage): string {
  const p = parseNumberText(textValue, lang);
  return p.kind === 'number' ? numberToText(p.value, lang) : p.kind === 'blank' ? '' : textValue;
}
