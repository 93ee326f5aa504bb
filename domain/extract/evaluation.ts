/**
 * Scoring an extraction against an answer key (../shared/gold). Pure, so the same measure runs in
 * the evaluation script and in the tests that guard the scores.
 */
import { foldKeepLength, foldedWords } from './fold.ts';
import type { ExtractOutput } from './output.ts';

export interface GoldTarget {
  ref: string;
  indicator: string;
  value: number;
  max: number | null;
  year: number | null;
  scope: string | null;
}
export interface GoldTask {
  ref: string;
  lead: string[];
}
export interface GoldDocument {
  document: { number: string | null; kind: string | null; issuer: string | null; date: string | null; title: string | null };
  targets: GoldTarget[];
  tasks: GoldTask[];
}

const STOP = new Set(['ty', 'le', 'cua', 'va', 'cac', 'duoc', 'trong', 'cho', 'tren', 'o', 'tai', 'voi', 'mot', 'so', 'nhung', 'the', 'la']);

function contentWords(text: string): Set<string> {
  return new Set(foldedWords(text).filter((w) => !STOP.has(w)));
}

export function indicatorOverlap(a: string, b: string): number {
  const x = contentWords(a);
  const y = contentWords(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.min(x.size, y.size);
}

/** Task references compare with "đ" kept apart from "d" (the letter after d in Vietnamese order). */
export function normaliseRef(ref: string): string {
  return foldKeepLength(ref.replace(/đ/g, 'dd').replace(/Đ/g, 'DD')).replace(/\s+/g, '');
}

function agencyKey(name: string): string {
  return foldKeepLength(name).replace(/\bubnd\b/g, 'uy ban nhan dan').replace(/[^a-z0-9]+/g, ' ').trim();
}

function prf(matched: number, predicted: number, gold: number) {
  const precision = predicted ? matched / predicted : gold ? 0 : 1;
  const recall = gold ? matched / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function evaluateExtraction(output: ExtractOutput, gold: GoldDocument) {
  // Targets: greedy one-to-one, best indicator overlap first.
  const used = new Set<number>();
  const missed: string[] = [];
  let matched = 0;
  for (const g of gold.targets) {
    let best = -1;
    let bestScore = 0;
    output.targets.forEach((p, i) => {
      if (used.has(i)) return;
      if (p.value !== g.value || (p.max ?? null) !== (g.max ?? null)) return;
      if (g.year !== null && p.year !== g.year) return;
      if (g.scope !== null && p.scope !== g.scope) return;
      const overlap = indicatorOverlap(p.indicator, g.indicator);
      if (overlap >= 0.5 && overlap > bestScore) {
        best = i;
        bestScore = overlap;
      }
    });
    if (best >= 0) {
      used.add(best);
      matched++;
    } else missed.push(`${g.ref} ${g.value}${g.scope ? ` ${g.scope}` : ''} ${g.indicator}`);
  }
  const extra = output.targets.filter((_, i) => !used.has(i)).map((t) => `${t.ref} ${t.value} ${t.indicator}`);

  const goldRefs = new Map(gold.tasks.map((t) => [normaliseRef(t.ref), t]));
  const predicted = new Map(output.tasks.map((t) => [normaliseRef(t.ref), t]));
  const taskMatched = [...goldRefs.keys()].filter((r) => predicted.has(r)).length;

  let leadGold = 0;
  let leadCorrect = 0;
  const wrong: string[] = [];
  for (const [ref, g] of goldRefs) {
    if (!g.lead.length) continue;
    leadGold++;
    const p = predicted.get(ref);
    const want = new Set(g.lead.map(agencyKey));
    const got = new Set((p?.lead ?? []).map(agencyKey));
    if (want.size === got.size && [...want].every((w) => got.has(w))) leadCorrect++;
    else wrong.push(`${g.ref}: ${[...got].join(' + ') || '—'} ≠ ${[...want].join(' + ')}`);
  }

  const same = (a: string | null, b: string | null) => (a && b ? agencyKey(a) === agencyKey(b) : a === b);
  return {
    document_: {
      number: same(output.document.number, gold.document.number),
      kind: output.document.kind === gold.document.kind,
      date: output.document.date === gold.document.date,
      issuer: same(output.document.issuer, gold.document.issuer),
      title: indicatorOverlap(output.document.title ?? '', gold.document.title ?? '') >= 0.8,
    },
    targets: { ...prf(matched, output.targets.length, gold.targets.length), matched, predicted: output.targets.length, gold: gold.targets.length, missed, extra },
    tasks: {
      ...prf(taskMatched, output.tasks.length, gold.tasks.length),
      matched: taskMatched,
      predicted: output.tasks.length,
      gold: gold.tasks.length,
      missed: [...goldRefs.keys()].filter((r) => !predicted.has(r)),
      extra: [...predicted.keys()].filter((r) => !goldRefs.has(r)),
    },
    leads: { accuracy: leadGold ? leadCorrect / leadGold : 1, correct: leadCorrect, gold: leadGold, wrong },
  };
}
