/**
 * "Tổ chức thực hiện": which agency leads or cooperates on which task. Each clause names a subject
 * (its heading "3. Sở Thông tin và Truyền thông:" or the sentence's own subject) and cross-references
 * ("chủ trì … các nhiệm vụ được nêu tại điểm c, d, đ, e khoản 1 phần II; điểm a, b khoản 2 phần II"),
 * which expand to every task under the points named. Letters are read from the original text,
 * because folding would merge "đ" into "d".
 */
import { foldKeepLength } from './fold.ts';
import { looksLikeAgency, splitAgencies } from './agencies.ts';
import type { PartRoles } from './roles.ts';
import type { SectionTree } from './structure.ts';
import type { ExtractedAssignment, SectionNode } from './types.ts';
import { numberToRoman, romanToNumber } from './blocks.ts';

const W = '[a-z0-9&$@]';
const LETTER_LIST = String.raw`[a-zđ](?:\s*(?:,|va|và)\s*[a-zđ])*`;
// mục (1), (2) | điểm a, b | khoản 1, 2 | phần II
const REFERENCE = new RegExp(
  String.raw`(?:m${W}c\s+((?:\(\s*\d{1,2}\s*\)\s*(?:,|va)?\s*)+))?\s*(?:di${W}{1,2}m\s+(${LETTER_LIST}))?\s*,?\s*kho${W}{1,2}n\s+(\d{1,2}(?:\s*(?:,|va)\s*\d{1,2})*)\s*,?\s*(?:(?:ph${W}{1,2}n|m${W}c)\s+([ivxl1]{1,5}|\d{1,2})\b)?`,
  'gd',
);

// mục 1.1, 2.1 Phần III | tiểu mục 1.2 mục III
const SUBCLAUSE_REFERENCE = new RegExp(
  String.raw`(?:ti${W}{1,2}u m${W}c|m${W}c|di${W}{1,2}m|nhi${W}{1,2}m v${W})\s+(\d{1,2}\.\d{1,2}(?:\s*(?:,|va)\s*\d{1,2}\.\d{1,2})*)\.?\s*,?\s*(?:c${W}{1,2}a\s+)?(?:ph${W}{1,2}n|m${W}c)\s+([ivxl1]{1,5}|\d{1,2})\b`,
  'g',
);

const LEAD_VERB = new RegExp(`ch${W} tr${W}|tri${W}{1,2}n khai|t${W} ch${W}{1,2}c th${W}{1,3}c hi${W}{1,2}n|th${W}{1,3}c hi${W}{1,2}n|x${W}{1,2}y d${W}{1,2}ng|ph${W}{1,2} tr${W}ch`);
const COOPERATE_START = new RegExp(`^\\s*ph${W}{1,2}i h${W}{1,2}p\\b`);
const PARTNERS = new RegExp(`ph${W}{1,2}i h${W}{1,2}p v${W}{1,2}i\\s+(.+?)(?=\\s+(?:tri${W}{1,2}n khai|t${W} ch${W}{1,2}c|th${W}{1,3}c hi${W}{1,2}n|x${W}{1,2}y d${W}{1,2}ng|tham m${W}{1,2}u|d${W}\\b|de\\b|trong\\b|b${W} sung|th${W}{1,2}c d${W}{1,2}y|d${W}{1,2}y m${W}nh)|[;.]|$)`);
const SUBJECT_END = new RegExp(`\\s+(?:ch${W} tr${W}|ph${W}{1,2}i h${W}{1,2}p|tri${W}{1,2}n khai|t${W} ch${W}{1,2}c|c${W} tr${W}ch nhi${W}{1,2}m|ch${W}{1,2}u tr${W}ch nhi${W}{1,2}m|tham m${W}{1,2}u|ch${W} d${W}o|x${W}{1,2}y d${W}{1,2}ng)\\b`);

function letterAt(original: string, at: number): string {
  const ch = original[at] ?? '';
  return ch === 'Đ' || ch === 'đ' ? 'đ' : ch.toLowerCase();
}

interface RefPiece {
  text: string;
  refs: string[];
}

/** The references in a sentence, each as written ("II.1.c") and as task prefixes. */
export function parseReferences(sentence: string, defaultPart: string | null): RefPiece[] {
  const folded = foldKeepLength(sentence);
  const out: RefPiece[] = [];
  for (const m of folded.matchAll(REFERENCE)) {
    const indices = (m as RegExpMatchArray & { indices: ([number, number] | undefined)[] }).indices;
    const partRaw = m[4];
    const part = partRaw ? (/^\d+$/.test(partRaw) ? numberToRoman(Number(partRaw)) : numberToRoman(romanToNumber(partRaw))) : defaultPart;
    if (!part) continue;
    const clauses = (m[3] ?? '').split(/\s*(?:,|va)\s*/).filter(Boolean);
    const letters: string[] = [];
    if (m[2] && indices[2]) {
      const [s, e] = indices[2];
      for (let i = s; i < e; i++) {
        if (/[a-z]/.test(folded[i]!) && !/[a-z]/.test(folded[i - 1] ?? '') && !/[a-z]/.test(folded[i + 1] ?? '')) letters.push(letterAt(sentence, i));
      }
    }
    const items = [...(m[1] ?? '').matchAll(/\d{1,2}/g)].map((x) => `(${x[0]})`);
    const refs: string[] = [];
    for (const clause of clauses) {
      const base = `${part}.${clause}`;
      if (!letters.length) refs.push(base);
      for (const letter of letters) {
        if (!items.length) refs.push(`${base}.${letter}`);
        for (const item of items) refs.push(`${base}.${letter}.${item}`);
      }
    }
    out.push({ text: sentence.slice(m.index ?? 0, (m.index ?? 0) + m[0].length), refs });
  }
  for (const m of folded.matchAll(SUBCLAUSE_REFERENCE)) {
    const part = /^\d+$/.test(m[2]!) ? numberToRoman(Number(m[2])) : numberToRoman(romanToNumber(m[2]!));
    const refs = m[1]!.split(/\s*(?:,|va)\s*/).filter(Boolean).map((sub) => `${part}.${sub}`);
    out.push({ text: sentence.slice(m.index ?? 0, (m.index ?? 0) + m[0].length), refs });
  }
  return out;
}

export function expandReferences(refs: string[], taskRefs: string[]): string[] {
  const out = new Set<string>();
  for (const ref of refs) for (const t of taskRefs) if (t === ref || t.startsWith(`${ref}.`)) out.add(t);
  return [...out];
}

function subjectOf(sentence: string): string[] {
  const folded = foldKeepLength(sentence);
  const end = SUBJECT_END.exec(folded);
  if (!end || end.index === 0) return [];
  const phrase = sentence.slice(0, end.index).trim();
  return looksLikeAgency(phrase) ? splitAgencies(phrase) : [];
}

function headingAgencies(node: SectionNode): string[] {
  const heading = node.text.split(/:\s|:$/)[0] ?? '';
  if (heading.length > 220 || !looksLikeAgency(heading)) return [];
  return splitAgencies(heading);
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.;])\s+(?=\p{Lu})|\n/u).map((s) => s.trim()).filter(Boolean);
}

export function extractAssignments(tree: SectionTree, roles: PartRoles, taskRefs: string[], restore: (s: string) => string): ExtractedAssignment[] {
  const taskPart = taskRefs[0]?.split('.')[0] ?? null;
  const out: ExtractedAssignment[] = [];
  const clauses = tree.nodes.filter((n) => roles.roleOf(n) === 'organisation' && (n.level === 'clause' || n.level === 'subclause'));
  for (const clause of clauses) {
    const inherited = headingAgencies(clause);
    const members = [clause, ...tree.descendants(clause)];
    for (const member of members) {
      const ownSubject = member === clause ? subjectOf(clause.text) : [];
      for (const sentence of sentencesOf(member === clause ? clause.text.replace(/^[^:]{0,220}:\s*/, (h) => (inherited.length ? '' : h)) : member.text)) {
        const pieces = parseReferences(sentence, taskPart);
        if (!pieces.length) continue;
        const subject = subjectOf(sentence);
        const agencies = subject.length ? subject : ownSubject.length ? ownSubject : inherited;
        if (!agencies.length) continue;
        const folded = foldKeepLength(sentence);
        const role = COOPERATE_START.test(folded) ? 'cooperate' : LEAD_VERB.test(folded) ? 'lead' : 'lead';
        const refs = pieces.flatMap((p) => p.refs);
        const resolved = expandReferences(refs, taskRefs);
        const span = member.span;
        for (const agency of agencies) out.push({ agency: restore(agency), role, refs, resolved, clause: member.ref || clause.ref, span });
        const partners = PARTNERS.exec(folded);
        if (partners && role === 'lead') {
          const at = (partners.index ?? 0) + partners[0].length - partners[1]!.length;
          for (const partner of splitAgencies(sentence.slice(at, at + partners[1]!.length))) {
            out.push({ agency: restore(partner), role: 'cooperate', refs, resolved, clause: member.ref || clause.ref, span });
          }
        }
      }
    }
  }
  return out;
}
