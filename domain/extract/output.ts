/**
 * The compact shape `dxpulse extract FILE --json` prints (the issue's contract and the answer keys'
 * shape): no spans, no section tree, names in Vietnamese with diacritics.
 */
import type { Comparator, DocumentKind, ExtractionResult, TargetScope } from './types.ts';

export interface ExtractOutput {
  document: { number: string | null; kind: DocumentKind | null; issuer: string | null; date: string | null; title: string | null };
  targets: {
    ref: string;
    bullet?: number;
    text: string;
    indicator: string;
    value: number;
    max: number | null;
    unit: string;
    comparator: Comparator;
    year: number | null;
    scope: TargetScope;
  }[];
  tasks: { ref: string; title: string; lead: string[]; cooperating: string[] }[];
}

export function toOutput(result: ExtractionResult): ExtractOutput {
  const { number, kind, issuer, date, title } = result.document;
  return {
    document: { number, kind, issuer, date, title },
    targets: result.targets.map(({ ref, bullet, text, indicator, value, max, unit, comparator, year, scope }) => ({
      ref,
      ...(bullet !== undefined ? { bullet } : {}),
      text,
      indicator,
      value,
      max,
      unit,
      comparator,
      year,
      scope,
    })),
    tasks: result.tasks.map(({ ref, title: t, lead, cooperating }) => ({ ref, title: t, lead, cooperating })),
  };
}
