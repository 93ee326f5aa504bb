/**
 * Plan document → proposed structured plan. Pure: the caller reads the file (server/extract) and
 * passes the unit registry; nothing here touches the database or the disk.
 */
import { agencyMatcher, type RegistryUnit } from './agencies.ts';
import { extractAssignments } from './assignments.ts';
import { foldKeepLength } from './fold.ts';
import { deadlineInText } from './deadlines.ts';
import { extractHeader } from './header.ts';
import { assignRoles } from './roles.ts';
import { buildSectionTree } from './structure.ts';
import { extractTargets } from './targets.ts';
import { extractTableTargets, extractTableTasks } from './tables.ts';
import { extractTasks } from './tasks.ts';
import { distance } from 'fastest-levenshtein';
import type { ExtractedTask, ExtractionResult, TextCorrection } from './types.ts';

export interface Restorer {
  /** Whether the text lost its diacritics (OCR); clean text is never "restored" */
  looksLikeOcr(text: string): boolean;
  restore(text: string): { text: string; corrections: TextCorrection[] };
}

export interface ExtractOptions {
  agencies?: readonly RegistryUnit[];
  /** Place names for the header ("Hải Phòng", "Dương Kinh"), matched tolerantly */
  places?: readonly string[];
  restorer?: Restorer;
}

const identity: Restorer = { looksLikeOcr: () => false, restore: (text) => ({ text, corrections: [] }) };

export function normaliseSource(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

export function extractPlan(input: string, options: ExtractOptions = {}): ExtractionResult {
  const source = normaliseSource(input);
  const restorer = options.restorer ?? identity;
  const ocr = restorer.looksLikeOcr(source);
  const warnings: string[] = [];
  const corrections: TextCorrection[] = [];
  const restore = (text: string) => (ocr ? restorer.restore(text).text : text);
  if (ocr) {
    // Corrections are reported once, against the source, so the reviewer sees every change.
    corrections.push(...restorer.restore(source).corrections);
  }

  const tree = buildSectionTree(source);
  const roles = assignRoles(tree);
  const document = extractHeader(source, { restore });
  if (document.place && options.places?.length) document.place = closestPlace(document.place, options.places) ?? document.place;
  if (document.issuer && document.place) document.issuer = document.issuer.replace(/\s+\S+(?:\s+\S+)?$/, (tail) => (closestPlace(tail.trim(), [document.place!]) ? ` ${document.place}` : tail));

  const targetOptions = { restore, defaultYear: document.horizon };
  const targets = [...extractTargets(tree, roles, targetOptions), ...extractTableTargets(tree, roles, targetOptions)].sort((a, b) => a.span.start - b.span.start);
  const items = [...extractTasks(tree, roles, restore), ...extractTableTasks(tree, roles, restore)];
  const refs = items.map((t) => t.ref);
  const assignments = extractAssignments(tree, roles, refs, restore);
  const matcher = agencyMatcher(options.agencies ?? []);

  const tasks: ExtractedTask[] = items.map((item) => {
    // A clause that names the task's own point outranks one that hands out a whole khoản to "các sở,
    // ngành" — among leads, and separately among partners, so a finer "phối hợp" never erases a lead.
    const all = assignments.filter((a) => a.resolved.includes(item.ref));
    const depthOf = (refs: string[]) => Math.max(0, ...refs.filter((r) => item.ref === r || item.ref.startsWith(`${r}.`)).map((r) => r.split('.').length));
    const finest = (role: 'lead' | 'cooperate') => {
      const ofRole = all.filter((a) => a.role === role);
      const depth = Math.max(0, ...ofRole.map((a) => depthOf(a.refs)));
      return ofRole.filter((a) => depthOf(a.refs) === depth).map((a) => a.agency);
    };
    const leadAssignments = finest('lead');
    const lead = unique([...(item.lead ?? []), ...leadAssignments]);
    const cooperating = unique([...(item.cooperating ?? []), ...finest('cooperate')]).filter((c) => !lead.includes(c));
    const leadUnits = lead.map((n) => matcher.match(n));
    const cooperatingUnits = cooperating.map((n) => matcher.match(n));
    return {
      ref: item.ref,
      title: item.title,
      lead: leadUnits.map((m) => m.name),
      cooperating: cooperatingUnits.map((m) => m.name),
      leadUnits,
      cooperatingUnits,
      deadline: item.deadline ?? deadlineInText(item.text),
      leadBasis: item.lead?.length ? 'table' : leadAssignments.length ? 'cross-reference' : 'none',
      span: item.span,
    };
  });

  if (!tree.nodes.some((n) => n.level === 'roman')) warnings.push('no-parts');
  if (!targets.length) warnings.push('no-targets');
  if (!tasks.length) warnings.push('no-tasks');
  if (ocr) warnings.push('ocr-text');
  return { document, sections: tree.nodes, targets, tasks, assignments, corrections, warnings, source, ocr };
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = foldKeepLength(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function closestPlace(name: string, places: readonly string[]): string | null {
  const key = foldKeepLength(name).replace(/[^a-z ]/g, '');
  let best: { d: number; place: string } | null = null;
  for (const place of places) {
    const d = distance(key, foldKeepLength(place).replace(/[^a-z ]/g, ''));
    if (!best || d < best.d) best = { d, place };
  }
  return best && best.d <= Math.max(1, Math.floor(key.length / 5)) ? best.place : null;
}
