import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Span, TextCorrection } from '../../../../domain/extract/types';

/** An extracted item: "target-3", "task-12". */
export type ItemKey = `target-${number}` | `task-${number}`;

export interface SourceMark {
  key: ItemKey;
  span: Span;
  rejected: boolean;
}

interface Segment {
  start: number;
  end: number;
  keys: ItemKey[];
  rejected: boolean;
  correction: TextCorrection | null;
}

/**
 * Cut the source at every edge of an item's span and of a correction. A correction is kept whole
 * (its displayed text replaces the original), so item edges falling inside one move to its ends.
 */
export function sourceSegments(length: number, marks: readonly SourceMark[], corrections: readonly TextCorrection[]): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  const fixes = corrections
    .filter((c) => c.span.end > c.span.start)
    .map((c) => ({ ...c, span: { start: clamp(c.span.start), end: clamp(c.span.end) } }))
    .sort((a, b) => a.span.start - b.span.start);
  const edges = new Set<number>([0, length]);
  for (const m of marks) {
    edges.add(clamp(m.span.start));
    edges.add(clamp(m.span.end));
  }
  for (const c of fixes) {
    edges.add(c.span.start);
    edges.add(c.span.end);
  }
  // One sweep over the sorted edges and corrections (an OCR text has thousands of corrections).
  const cuts: number[] = [];
  let k = 0;
  for (const n of [...edges].sort((a, b) => a - b)) {
    while (k < fixes.length && fixes[k]!.span.end <= n) k++;
    const c = fixes[k];
    if (c && c.span.start < n && n < c.span.end) continue;
    cuts.push(n);
  }
  const segments: Segment[] = [];
  let f = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    if (end <= start) continue;
    const covering = marks.filter((m) => m.span.start < end && m.span.end > start);
    while (f < fixes.length && fixes[f]!.span.end <= start) f++;
    const fix = fixes[f] && fixes[f]!.span.start === start && fixes[f]!.span.end === end ? fixes[f]! : null;
    segments.push({ start, end, keys: covering.map((m) => m.key), rejected: covering.length > 0 && covering.every((m) => m.rejected), correction: fix });
  }
  return segments;
}

/**
 * The document's text with the extracted items highlighted (targets and tasks in their colours,
 * rejected ones faded), the active item's span marked and scrolled into view, and OCR corrections
 * shown as corrected text, underlined, with the original on hover. A click on a highlight selects
 * its item.
 */
export const PlanImportSource = memo(function PlanImportSource(props: {
  source: string;
  marks: readonly SourceMark[];
  corrections: readonly TextCorrection[];
  active: ItemKey | null;
  onSelect: (key: ItemKey) => void;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => sourceSegments(props.source.length, props.marks, props.corrections), [props.source, props.marks, props.corrections]);

  useEffect(() => {
    const container = box.current;
    if (!props.active || !container) return;
    const first = container.querySelector<HTMLElement>('mark[data-active="true"]');
    if (first) container.scrollTo({ top: Math.max(0, first.offsetTop - container.clientHeight / 4), behavior: 'smooth' });
  }, [props.active]);

  const nodes: ReactNode[] = segments.map((s) => {
    const text = s.correction ? (
      <span className="src-fix" title={t('planImport.source.original', { text: s.correction.from })} data-testid="source-fix" key={`f${s.start}`}>
        {s.correction.to}
      </span>
    ) : (
      props.source.slice(s.start, s.end)
    );
    if (s.keys.length === 0) return s.correction ? text : <span key={s.start}>{text}</span>;
    const active = props.active !== null && s.keys.includes(props.active);
    const kind = s.keys.some((k) => k.startsWith('target')) ? 'src-target' : 'src-task';
    return (
      <mark
        key={s.start}
        className={`src-mark ${kind}${s.rejected ? ' is-rejected' : ''}${active ? ' is-active' : ''}`}
        data-items={s.keys.join(' ')}
        data-active={active ? 'true' : undefined}
        data-testid="source-span"
      >
        {text}
      </mark>
    );
  });

  return (
    <div
      ref={box}
      className="plan-import-source"
      data-testid="import-source"
      data-active-item={props.active ?? undefined}
      onClick={(e) => {
        const mark = (e.target as HTMLElement).closest('mark[data-items]');
        const keys = mark?.getAttribute('data-items')?.split(' ') as ItemKey[] | undefined;
        if (!keys?.length) return;
        // A click on a span shared by several items moves on to the next of them.
        const at = props.active ? keys.indexOf(props.active) : -1;
        props.onSelect(keys[(at + 1) % keys.length]!);
      }}
    >
      {nodes}
    </div>
  );
});
