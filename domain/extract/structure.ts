/**
 * The section tree of a plan document: Phần → I. → 1. → 1.1. → a) → (1) → bullets and paragraphs.
 * Levels nest by rank, not by indentation (OCR and Markdown lose it), and each node gets the
 * reference the document itself would use ("II.1.a.(1)", "III.2.1.(3)").
 */
import { splitBlocks, numberToRoman, romanToNumber, type Block, type MarkerKind } from './blocks.ts';
import type { SectionLevel, SectionNode } from './types.ts';

const RANK: Record<MarkerKind, number> = {
  part: 0, roman: 1, clause: 2, subclause: 3, point: 4, item: 5, star: 6, bullet: 7, row: 9, none: 9,
};

const LEVEL: Record<MarkerKind, SectionLevel> = {
  part: 'part', roman: 'roman', clause: 'clause', subclause: 'subclause', point: 'point', item: 'item',
  star: 'bullet', bullet: 'bullet', row: 'row', none: 'paragraph',
};

export interface SectionTree {
  nodes: SectionNode[];
  blocks: Block[];
  children(id: number | null): SectionNode[];
  ancestors(node: SectionNode): SectionNode[];
  /** Every descendant, depth first */
  descendants(node: SectionNode): SectionNode[];
  /**
   * The node's text exactly as in the source from its first character (line breaks read as spaces,
   * so offsets into it plus `start` are source offsets).
   */
  rawOf(node: SectionNode): { text: string; start: number };
}

function rankOf(block: Block): number {
  if (block.marker === 'bullet' && block.label === '+') return 8;
  return RANK[block.marker];
}

/** The label as the reference uses it: roman numerals repaired, "(1)" kept, letters lower-case. */
function normaliseLabel(block: Block): string {
  if (block.marker === 'roman') return numberToRoman(romanToNumber(block.label));
  if (block.marker === 'part') return partNumber(block.label);
  if (block.marker === 'subclause') return block.label.replace(/\.$/, '');
  return block.label;
}

export function buildSectionTree(source: string): SectionTree {
  const blocks = splitBlocks(source);
  const nodes: SectionNode[] = [];
  const stack: { node: SectionNode; rank: number }[] = [];
  const byParent = new Map<number | null, SectionNode[]>();

  for (const block of blocks) {
    const rank = rankOf(block);
    if (block.marker === 'none' || block.marker === 'row') {
      // A paragraph belongs to the nearest heading, never to a bullet above it.
      while (stack.length && stack[stack.length - 1]!.rank >= RANK.star) stack.pop();
    } else {
      while (stack.length && stack[stack.length - 1]!.rank >= rank) stack.pop();
    }
    const parent = stack[stack.length - 1]?.node ?? null;
    let label = normaliseLabel(block);
    const siblings = byParent.get(parent?.id ?? null) ?? [];
    const previous = [...siblings].reverse().find((s) => s.level === LEVEL[block.marker]);
    // Documents print "đ)" as a second "d)" when the font lacks the letter.
    if (block.marker === 'point' && previous?.label === 'd' && label === 'd') label = 'đ';
    const node: SectionNode = {
      id: nodes.length,
      parentId: parent?.id ?? null,
      level: LEVEL[block.marker],
      label,
      ref: '',
      text: block.text,
      span: block.span,
    };
    node.ref = referenceOf(node, parent);
    nodes.push(node);
    siblings.push(node);
    byParent.set(parent?.id ?? null, siblings);
    if (block.marker !== 'none' && block.marker !== 'row') stack.push({ node, rank });
  }

  const children = (id: number | null) => byParent.get(id) ?? [];
  const ancestors = (node: SectionNode) => {
    const out: SectionNode[] = [];
    let cur = node.parentId === null ? undefined : nodes[node.parentId];
    while (cur) {
      out.push(cur);
      cur = cur.parentId === null ? undefined : nodes[cur.parentId];
    }
    return out;
  };
  const descendants = (node: SectionNode): SectionNode[] => children(node.id).flatMap((c) => [c, ...descendants(c)]);
  const rawOf = (node: SectionNode) => {
    const block = blocks[node.id]!;
    return { text: source.slice(block.textStart, block.span.end).replace(/[\r\n]/g, ' '), start: block.textStart };
  };
  return { nodes, blocks, children, ancestors, descendants, rawOf };
}

const ORDINALS: Record<string, number> = { nhat: 1, hai: 2, ba: 3, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };

/** "PHẦN THỨ NHẤT", "Phần II", "PHẦN 3" → "I", "II", "III". */
function partNumber(label: string): string {
  const folded = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const ordinal = /thu\s+(\S+)/.exec(folded)?.[1];
  if (ordinal) return numberToRoman(ORDINALS[ordinal] ?? 1);
  if (/^\d+$/.test(folded)) return numberToRoman(Number(folded));
  return numberToRoman(romanToNumber(label));
}

/** "II" + "1" + "a" + "(1)"; a sub-clause label "2.1" already carries its clause number. */
function referenceOf(node: SectionNode, parent: SectionNode | null): string {
  if (node.level === 'part') return node.label;
  if (node.level === 'paragraph' || node.level === 'row' || node.level === 'bullet') return parent?.ref ?? '';
  // "PHẦN II" then "I. …": the Roman heading inside a part is numbered within it.
  if (node.level === 'roman' && parent?.level === 'part') return `${parent.ref}.${node.label}`;
  const base = parent?.ref ?? '';
  if (node.level === 'subclause' && parent?.level === 'clause') {
    const grand = base.split('.').slice(0, -1).join('.');
    return grand ? `${grand}.${node.label}` : node.label;
  }
  return base ? `${base}.${node.label}` : node.label;
}
