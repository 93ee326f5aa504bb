/**
 * Task items of the "Nhiệm vụ, giải pháp" parts, at the finest numbered level.
 *
 * Two layouts occur in the genre. When a part numbers its items ("a)", "(1)"), the numbered item is
 * the task and its bullets are its content (KH 227: "II.1.a.(1)", "II.5.a"). When a part numbers only
 * its clauses ("1.", "1.1."), each bullet or paragraph under the deepest heading is a task, numbered
 * by position (NQ 03: "IV.1.1.2"); a heading with a single paragraph is one task, and a line that only
 * introduces a list ("Một số lĩnh vực ưu tiên:") is not.
 */
import type { PartRoles } from './roles.ts';
import type { SectionTree } from './structure.ts';
import type { SectionNode, Span } from './types.ts';

export interface TaskItem {
  ref: string;
  title: string;
  text: string;
  span: Span;
  node: SectionNode;
  /** Set when the document gives the agencies beside the task (an appendix table's columns) */
  lead?: string[];
  cooperating?: string[];
  /** From a "Thời gian hoàn thành" column */
  deadline?: string | null;
}

const NUMBERED = new Set(['clause', 'subclause', 'point', 'item']);

function isLeadIn(node: SectionNode, next: SectionNode | undefined): boolean {
  return /:\s*$/.test(node.text) && next?.level === 'bullet';
}

/** The first sentence, as a title; the whole text stays on the task. */
export function titleOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').replace(/:\s*$/, '').trim();
  const m = /^(.{20,300}?[.;])(?:\s+\p{Lu}|$)/u.exec(t);
  const first = (m?.[1] ?? t).replace(/[.;]$/, '');
  return first.length > 300 ? `${first.slice(0, 297).replace(/\s+\S*$/, '')}…` : first;
}

export function extractTasks(tree: SectionTree, roles: PartRoles, restore: (s: string) => string): TaskItem[] {
  const parts = tree.nodes.filter((n) => (n.level === 'roman' || n.level === 'part') && roles.roleOf(n) === 'tasks');
  // A document without Roman parts is one task part.
  const scopes: (SectionNode | null)[] = parts.length ? parts : tree.nodes.some((n) => n.level === 'roman') ? [] : [null];
  const tasks: TaskItem[] = [];
  for (const part of scopes) {
    const members = part ? tree.descendants(part) : tree.nodes;
    const numberedItems = members.some((n) => n.level === 'point' || n.level === 'item');
    const leaves = members.filter((n) => NUMBERED.has(n.level) && !tree.children(n.id).some((c) => NUMBERED.has(c.level)));
    for (const leaf of leaves) {
      const content = tree.children(leaf.id).filter((c) => c.level === 'bullet' || c.level === 'paragraph');
      const own = (node: SectionNode, ref: string, body = node.text) =>
        tasks.push({ ref, title: restore(titleOf(body)), text: restore(body), span: spanOf(tree, node), node });
      if (numberedItems) {
        // The heading "a) Chuyển đổi số trong lĩnh vực y tế:" is the task; its bullets describe it.
        const body = [leaf.text, ...content.map((c) => `- ${c.text}`)].join('\n');
        tasks.push({ ref: leaf.ref, title: restore(titleOf(leaf.text)), text: restore(body), span: spanOf(tree, leaf, content), node: leaf });
        continue;
      }
      const items = content.filter((c, i) => !isLeadIn(c, content[i + 1]));
      const bullets = items.filter((c) => c.level === 'bullet');
      if (items.length === 0) own(leaf, leaf.ref);
      else if (items.length === 1 && bullets.length === 0) own(leaf, leaf.ref, `${leaf.text}\n${items[0]!.text}`);
      else items.forEach((item, i) => own(item, `${leaf.ref}.${i + 1}`));
    }
  }
  return tasks;
}

function spanOf(tree: SectionTree, node: SectionNode, content: SectionNode[] = []): Span {
  const last = content[content.length - 1] ?? tree.descendants(node).pop();
  return { start: node.span.start, end: Math.max(node.span.end, last?.span.end ?? 0) };
}
