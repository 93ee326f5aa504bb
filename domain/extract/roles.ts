/**
 * What each top-level part of a plan is for, read from its heading: "MỤC TIÊU" holds targets,
 * "NHIỆM VỤ, GIẢI PHÁP" or "NỘI DUNG" holds tasks, "TỔ CHỨC THỰC HIỆN" assigns them, and the
 * situation, viewpoint and funding parts hold figures that are not targets.
 */
import { foldKeepLength } from './fold.ts';
import { KW } from './keywords.ts';
import type { SectionTree } from './structure.ts';
import type { SectionNode } from './types.ts';

export type PartRole = 'targets' | 'tasks' | 'organisation' | 'other' | 'preamble';

export function headingKey(text: string): string {
  // OCR splits "THỰC" into "THU'C"; apostrophes inside words are noise here.
  return foldKeepLength(text.replace(/(?<=\p{L})['’`](?=\p{L})/gu, '')).replace(/\s+/g, ' ');
}

export function roleOfHeading(text: string): PartRole {
  const key = headingKey(text.split(/[:.]/)[0] ?? text).slice(0, 120);
  if (KW.organisationHeading.test(key)) return 'organisation';
  if (KW.targetsHeading.test(key)) return 'targets';
  if (KW.tasksHeading.test(key)) return 'tasks';
  return 'other';
}

export interface PartRoles {
  roleOf(node: SectionNode): PartRole;
  /** The top-level part a node sits in (null before the first one) */
  partOf(node: SectionNode): SectionNode | null;
}

export function assignRoles(tree: SectionTree): PartRoles {
  const tops = tree.nodes.filter((n) => n.level === 'roman' || n.level === 'part');
  const top = new Map<number, SectionNode | null>();
  const roles = new Map<number, PartRole>(tops.map((n) => [n.id, roleOfHeading(n.text)]));
  const partOf = (node: SectionNode): SectionNode | null => {
    if (top.has(node.id)) return top.get(node.id)!;
    const chain = [node, ...tree.ancestors(node)];
    const found = chain.reverse().find((n) => n.level === 'roman' || n.level === 'part') ?? null;
    top.set(node.id, found);
    return found;
  };
  // A short plan without Roman parts: everything may hold targets and tasks.
  const flat = tops.length === 0;
  return {
    partOf,
    roleOf(node) {
      if (flat) return 'tasks';
      const part = partOf(node);
      return part ? (roles.get(part.id) ?? 'other') : 'preamble';
    },
  };
}
