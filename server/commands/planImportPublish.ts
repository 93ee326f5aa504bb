/**
 * Publishing a reviewed import: the plan (its number, kind, issuer, date, title, horizon, the
 * uploaded file as its document), the indicators the reviewer asked to create, the accepted
 * targets and the accepted tasks — all in one transaction through the ordinary commands (their
 * checks, scope rules and audit events), so a refusal anywhere leaves nothing behind.
 *
 * - Who: 'plan.write' over the issuing unit (the plan), 'target.write' over it (the targets),
 *   'task.write' over it (the tasks) and, to create indicators, 'indicator.write' at the top of
 *   the tree — a city coordinator holds them all.
 * - Before writing, everything a review must settle is checked at once (422 listing each item:
 *   a kind, number and title; an indicator and a year for every kept target; a lead unit for
 *   every kept task). A refusal of a command on the way (a closed unit, a value outside the
 *   indicator's range, a code taken) answers with the command's own status and message, prefixed
 *   with the item ("Nhiệm vụ II.2.a: …") and pointing at it in `errors`.
 * - Targets: scope 'unit' at the issuing unit, or 'level' anchored at it; the note cites the
 *   document and the sentence ("KH 227/KH-UBND, I.1.a: «…»").
 * - Tasks: a task the document gives no deadline for ("trước ngày …", a time column) is due on
 *   31/12 of the plan's horizon year; the import's audit event lists how many.
 * - New indicators: one per distinct (name, unit) among kept targets, with a generated code
 *   ("227-KH-UBND-01") unless the reviewer gave one, aggregation from the unit
 *   (domain/extract/planReview.ts newIndicatorDefinition).
 */
import { newIndicatorCode, newIndicatorDefinition, horizonDueDate, publishProblems, targetItem, taskItem, type PlanImportReview } from '../../domain/extract/planReview.ts';
import type { ExtractionResult } from '../../domain/extract/types.ts';
import { PLAN_KIND_LABEL_KEY, type PlanKind } from '../../domain/plans.ts';
import { foldVietnamese } from '../../domain/text.ts';
import type { Tx } from '../db/database.ts';
import { translate, type Locale, type MessageKey } from '../http/messages.ts';
import { ProblemError, unprocessable } from '../http/problem.ts';
import { presentPlan } from '../presenters/plans.ts';
import { fileUses, findFileMeta } from '../store/files.ts';
import { findIndicatorByCode } from '../store/indicators.ts';
import * as store from '../store/planImports.ts';
import { findPlanView } from '../store/plans.ts';
import { renumberPlan } from '../store/tasks.ts';
import { audit, type CommandContext } from './context.ts';
import { createIndicatorIn } from './indicators.ts';
import { openDraft, reviewFieldProblems } from './planImports.ts';
import { createPlanIn } from './plans.ts';
import { createTargetIn } from './targets.ts';
import { createTaskIn } from './tasks.ts';

/** Run one item's command; a refusal names the item and points at it. */
async function step<T>(locale: Locale, path: string, item: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const message = translate(locale, error.key, error.params);
    throw new ProblemError(error.status, 'planImport.itemFailed', { item, message }, [{ path: `review.${path}`, message }, ...(error.errors ?? [])]);
  }
}

/** The first free generated code for the plan's n-th new indicator onwards. */
async function freeCode(tx: Tx, planNumber: string, from: number): Promise<{ code: string; n: number }> {
  for (let n = from; ; n++) {
    const code = newIndicatorCode(planNumber, n);
    if (!(await findIndicatorByCode(tx, code))) return { code, n };
  }
}

export async function publishPlanImport(ctx: CommandContext, id: number, locale: Locale) {
  const tr = (key: string, params: Record<string, string | number> = {}) => translate(locale, key as MessageKey, params);
  const outcome = await ctx.db.transaction().execute(async (tx) => {
    const row = await openDraft(tx, ctx, id);
    const result = row.result as ExtractionResult;
    const review = row.review as PlanImportReview;
    const problems = publishProblems(review, { targets: result.targets.map((t) => t.ref) });
    if (problems.length) throw unprocessable('planImport.invalid', { count: problems.length }, reviewFieldProblems(problems, locale, 'review.'));

    const d = review.document;
    const issuer = d.issuerUnitId;
    const file = await findFileMeta(tx, row.file_id);
    if ((await fileUses(tx, row.file_id)).planIds.length) throw unprocessable('file.alreadyAttached', { name: file?.name ?? row.filename });
    const documentLabel = tr('planImport.documentLabel');
    const planId = await step(locale, 'document', documentLabel, () =>
      createPlanIn(
        tx,
        ctx,
        {
          kind: d.kind!,
          number: d.number,
          issuerUnitId: issuer,
          issuedOn: d.issuedOn,
          title: d.title,
          horizonFrom: d.horizonFrom,
          horizonYear: d.horizonYear,
          documentFileId: row.file_id,
        },
        { documentChecked: true },
      ),
    );

    // Indicators asked for, one per distinct name and unit.
    const newIndicators = new Map<string, number>();
    let nextCode = 1;
    for (const [i, t] of review.targets.entries()) {
      if (t.decision === 'rejected' || t.indicator?.kind !== 'new') continue;
      const choice = t.indicator;
      const key = `${foldVietnamese(choice.name)}|${choice.unit}`;
      if (newIndicators.has(key)) continue;
      let code = choice.code?.trim();
      if (!code) {
        const free = await freeCode(tx, d.number, nextCode);
        code = free.code;
        nextCode = free.n + 1;
      }
      const definition = newIndicatorDefinition(choice.unit, t.comparator);
      const item = tr('planImport.targetLabel', { item: targetItem(t, result.targets[i]?.ref ?? null, i) });
      const created = await step(locale, `targets[${i}].indicator`, item, () =>
        createIndicatorIn(tx, ctx, { code: code!, name: choice.name, unit: choice.unit, ...definition, description: tr('planImport.indicatorDescription', { number: d.number }) }, locale),
      );
      newIndicators.set(key, created.id);
    }

    const kindLabel = tr(PLAN_KIND_LABEL_KEY[d.kind as PlanKind] ?? 'planKind.KH');
    let targets = 0;
    for (const [i, t] of review.targets.entries()) {
      if (t.decision === 'rejected') continue;
      const choice = t.indicator!;
      const indicatorId = choice.kind === 'existing' ? choice.id : newIndicators.get(`${foldVietnamese(choice.name)}|${choice.unit}`)!;
      const ref = result.targets[i]?.ref ?? null;
      const item = tr('planImport.targetLabel', { item: targetItem(t, ref, i) });
      await step(locale, `targets[${i}]`, item, () =>
        createTargetIn(
          tx,
          ctx,
          {
            planId,
            indicator: indicatorId,
            scope: t.level === null ? 'unit' : 'level',
            orgUnitId: issuer,
            level: t.level,
            year: t.year!,
            comparator: t.comparator,
            value: t.value,
            valueMax: t.comparator === 'between' ? t.max : null,
            note: `${kindLabel} ${d.number}${ref ? `, ${ref}` : ''}: «${t.text}».`,
          },
          locale,
        ),
      );
      targets++;
    }

    const fallbackDue = horizonDueDate(d.horizonYear);
    let tasks = 0;
    let defaultedDue = 0;
    for (const [i, t] of review.tasks.entries()) {
      if (t.decision === 'rejected') continue;
      if (t.dueDate === null) defaultedDue++;
      await step(locale, `tasks[${i}]`, tr('planImport.taskLabel', { item: taskItem(t, i) }), () =>
        createTaskIn(
          tx,
          ctx,
          { planId, ref: t.ref, group: t.group, title: t.title, leadUnitId: t.leadUnitId!, cooperatingUnitIds: t.cooperatingUnitIds, dueDate: t.dueDate ?? fallbackDue },
          { renumber: false },
        ),
      );
      tasks++;
    }
    await renumberPlan(tx, planId);

    await store.updatePlanImport(tx, id, { status: 'published', published_plan_id: planId, published_at: new Date() });
    const summary = {
      planId,
      targets,
      tasks,
      indicators: newIndicators.size,
      rejectedTargets: review.targets.length - targets,
      rejectedTasks: review.tasks.length - tasks,
      tasksDueAtHorizon: defaultedDue,
      dueDateDefault: defaultedDue ? fallbackDue : null,
    };
    await audit(tx, ctx, { action: 'planImport.publish', entityType: 'planImport', entityId: id, orgUnitId: issuer, before: { status: 'draft' }, after: summary });
    return summary;
  });
  const plan = await findPlanView(ctx.db, outcome.planId);
  return {
    plan: presentPlan(plan!),
    created: { targets: outcome.targets, tasks: outcome.tasks, indicators: outcome.indicators },
    rejected: { targets: outcome.rejectedTargets, tasks: outcome.rejectedTasks },
    tasksDueAtHorizon: outcome.tasksDueAtHorizon,
    dueDateDefault: outcome.dueDateDefault,
  };
}
