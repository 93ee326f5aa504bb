/**
 * The offline path of a report: download the XLSX template of a form × unit × period (with the
 * values already staged), fill it in Excel, upload it back. An upload is a draft save of every item
 * row of the file (a blank row clears the item), atomic, with every problem listed by spreadsheet row.
 */
import { dueDate } from '../../domain/forms.ts';
import { periodLabel, reportingWindow } from '../../domain/periods.ts';
import { translate, type Locale } from '../http/messages.ts';
import { badRequest, unprocessable, type FieldProblem } from '../http/problem.ts';
import { parseCellNumber, readSubmissionTemplate, writeSubmissionTemplate } from '../reports/submissionWorkbook.ts';
import * as store from '../store/submissions.ts';
import type { CommandContext } from './context.ts';
import { openSubmission, saveSubmission, scheduleOf, statusWord, type SubmissionRef, type ValueRow } from './submissions.ts';

export async function submissionTemplate(ctx: CommandContext, ref: SubmissionRef, locale: Locale): Promise<{ bytes: Buffer; filename: string }> {
  const o = await openSubmission(ctx.db, ctx, ref, 'data.read', locale);
  const staged = o.submission ? await store.stagedValues(ctx.db, o.submission.id) : new Map<number, store.StagedValue>();
  const bytes = await writeSubmissionTemplate(
    {
      form: { code: o.form.code, name: o.form.name },
      unit: { code: o.unit.code, name: o.unit.name },
      period: { id: o.period.id, label: periodLabel(o.period, locale) },
      window: reportingWindow(o.period, o.form.cutoff),
      dueDate: dueDate(scheduleOf(o.form), o.period),
      status: statusWord(locale, o.submission?.status ?? 'not_started'),
      items: o.items.map((i) => ({
        code: i.code,
        name: i.name,
        unit: i.unit,
        ratio: i.space_aggregation === 'ratio',
        required: i.required,
        minValue: i.min_value,
        maxValue: i.max_value,
        staged: staged.get(i.indicator_id) ?? null,
      })),
    },
    locale,
  );
  return { bytes, filename: `${o.form.code}_${o.unit.code}_${o.period.id}.xlsx` };
}

export async function uploadSubmission(ctx: CommandContext, ref: SubmissionRef, bytes: Buffer, locale: Locale) {
  // Who and what first (404, 403, 422), then the file.
  const o = await openSubmission(ctx.db, ctx, ref, 'submission.write', locale);
  if (bytes.length === 0) throw badRequest('emptyBody');
  const read = await readSubmissionTemplate(bytes);
  if (!read.ok) throw badRequest(read.reason === 'malformed' ? 'submission.xlsx.malformed' : 'submission.xlsx.notTemplate');
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (!same(read.identity.form, ref.form) || read.identity.unit.trim() !== ref.orgUnit.trim() || read.identity.period.trim() !== ref.period.trim())
    throw unprocessable('submission.xlsx.otherReport', { form: read.identity.form, unit: read.identity.unit, period: read.identity.period });

  // Cells that are not numbers are problems of their row; the rest goes through the ordinary save.
  const problems: FieldProblem[] = [];
  const rows: ValueRow[] = [];
  const sheetRows: number[] = [];
  const column = (key: 'value' | 'numerator' | 'denominator') => translate(locale, `submission.xlsx.column.${key}`);
  for (const r of read.rows) {
    const number = (key: 'value' | 'numerator' | 'denominator') => {
      const n = parseCellNumber(r[key], locale);
      if (n !== null && Number.isNaN(n)) {
        problems.push({ path: `row ${r.row}`, message: translate(locale, 'submission.xlsx.number', { row: r.row, column: column(key), value: String(r[key]) }) });
        return null;
      }
      return n;
    };
    const value = number('value');
    const numerator = number('numerator');
    const denominator = number('denominator');
    rows.push({ indicator: r.code, value, numerator, denominator, comment: r.comment });
    sheetRows.push(r.row);
  }
  // A ratio's value column holds the template's formula, any other item's numerator/denominator
  // columns are unused: keep only the inputs each item takes.
  const ratio = new Set(o.items.filter((i) => i.space_aggregation === 'ratio').map((i) => i.code.toLowerCase()));
  const inputs = rows.map((r) =>
    ratio.has(r.indicator.toLowerCase()) ? { ...r, value: null } : { ...r, numerator: null, denominator: null },
  );
  return saveSubmission(ctx, ref, inputs, locale, {
    source: 'upload',
    pathOf: (i) => `row ${sheetRows[i]}`,
    extraProblems: problems,
  });
}
