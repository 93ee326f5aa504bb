/**
 * Tables in plans (the readers give one row per line, cells joined by " | "): appendices listing
 * tasks with their lead and partner agencies and deadlines ("STT | Nhiệm vụ | Cơ quan chủ trì |
 * Cơ quan phối hợp | Thời gian hoàn thành"), and target tables whose columns are years or levels
 * ("Chỉ tiêu | Thành phố | Phường", "Chỉ tiêu | Năm 2025 | Năm 2030").
 */
import { splitAgencies } from './agencies.ts';
import { deadlineOfCell } from './deadlines.ts';
import { foldKeepLength } from './fold.ts';
import { levelIn } from './keywords.ts';
import type { PartRoles } from './roles.ts';
import type { SectionTree } from './structure.ts';
import { targetsInSentence, yearOf } from './targets.ts';
import { titleOf, type TaskItem } from './tasks.ts';
import type { ExtractedTarget, SectionNode } from './types.ts';

type Column = 'stt' | 'task' | 'lead' | 'cooperating' | 'time' | 'product' | 'unit' | 'indicator' | 'value' | 'other';

interface Table {
  header: string[];
  columns: Column[];
  rows: { node: SectionNode; cells: string[]; offsets: number[] }[];
}

function classify(header: string): Column {
  const h = foldKeepLength(header);
  if (/^(?:stt|tt|so tt|s tt)$/.test(h.trim())) return 'stt';
  if (/chu tri|don vi thuc hien|co quan thuc hien|don vi chiu trach nhiem/.test(h)) return 'lead';
  if (/phoi hop/.test(h)) return 'cooperating';
  if (/thoi gian|thoi han|hoan thanh|tien do|lo trinh/.test(h)) return 'time';
  if (/san pham|ket qua dau ra/.test(h)) return 'product';
  if (/don vi tinh|^dvt$/.test(h)) return 'unit';
  if (/20\d\d|thanh pho|tinh|huyen|\bxa\b|phuong|cap\b|ke hoach|gia tri|chi tieu giao/.test(h) && !/nhiem vu|noi dung/.test(h)) return 'value';
  if (/nhiem vu|noi dung|hoat dong|giai phap|de an|du an/.test(h)) return 'task';
  if (/chi tieu|muc tieu|tieu chi/.test(h)) return 'indicator';
  return 'other';
}

function cellsOf(tree: SectionTree, node: SectionNode) {
  const raw = tree.rawOf(node);
  const cells: string[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const part of raw.text.split('|')) {
    const lead = part.length - part.trimStart().length;
    cells.push(part.trim());
    offsets.push(raw.start + at + lead);
    at += part.length + 1;
  }
  // "| a | b |" has empty outer cells.
  if (cells[0] === '' && cells.length > 1) { cells.shift(); offsets.shift(); }
  if (cells[cells.length - 1] === '' && cells.length > 1) { cells.pop(); offsets.pop(); }
  return { cells, offsets };
}

function tablesOf(tree: SectionTree): Table[] {
  const tables: Table[] = [];
  let current: Table | null = null;
  let last = -2;
  for (const node of tree.nodes) {
    if (node.level !== 'row') continue;
    const { cells, offsets } = cellsOf(tree, node);
    if (!current || node.id !== last + 1) {
      const columns = cells.map(classify);
      current = { header: cells, columns, rows: [] };
      tables.push(current);
    } else current.rows.push({ node, cells, offsets });
    last = node.id;
  }
  return tables.filter((t) => t.rows.length > 0);
}

const isGroupRow = (stt: string) => /^[IVX]+\.?$/.test(stt) || /^[A-Z]\.?$/.test(stt);

export function extractTableTasks(tree: SectionTree, roles: PartRoles, restore: (s: string) => string): TaskItem[] {
  const tasks: TaskItem[] = [];
  for (const table of tablesOf(tree)) {
    const taskCol = table.columns.indexOf('task');
    if (taskCol < 0 || !(table.columns.includes('lead') || table.columns.includes('time'))) continue;
    const role = roles.roleOf(table.rows[0]!.node);
    if (role === 'targets') continue;
    const sttCol = table.columns.indexOf('stt');
    const leadCol = table.columns.indexOf('lead');
    const coopCol = table.columns.indexOf('cooperating');
    const timeCol = table.columns.indexOf('time');
    const parentRef = table.rows[0]!.node.ref;
    let group = '';
    table.rows.forEach((row, index) => {
      const stt = (sttCol >= 0 ? row.cells[sttCol] : '')?.replace(/\.$/, '') ?? '';
      const text = row.cells[taskCol] ?? '';
      if (!text) return;
      if (stt && isGroupRow(stt) && !(leadCol >= 0 && row.cells[leadCol])) {
        group = stt;
        return;
      }
      const number = stt || String(index + 1);
      const ref = [parentRef, group, number].filter(Boolean).join('.');
      tasks.push({
        ref,
        title: restore(titleOf(text)),
        text: restore(text),
        span: row.node.span,
        node: row.node,
        lead: leadCol >= 0 ? splitOrWhole(restore(row.cells[leadCol] ?? '')) : [],
        cooperating: coopCol >= 0 ? splitOrWhole(restore(row.cells[coopCol] ?? '')) : [],
        deadline: timeCol >= 0 ? deadlineOfCell(row.cells[timeCol] ?? '') : null,
      });
    });
  }
  return tasks;
}

function splitOrWhole(cell: string): string[] {
  const text = cell.replace(/\s+/g, ' ').replace(/[.;]$/, '').trim();
  if (!text) return [];
  const split = splitAgencies(text.replace(/\s*;\s*/g, ', '));
  return split.length ? split : [text];
}

export function extractTableTargets(tree: SectionTree, roles: PartRoles, options: { restore: (s: string) => string; defaultYear: number | null }): ExtractedTarget[] {
  const targets: ExtractedTarget[] = [];
  for (const table of tablesOf(tree)) {
    if (table.columns.includes('task') && (table.columns.includes('lead') || table.columns.includes('time'))) continue;
    const first = table.rows[0]!.node;
    const role = roles.roleOf(first);
    if (role !== 'targets' && role !== 'tasks') continue;
    const sttCol = table.columns.indexOf('stt');
    const year = yearOf('', [first, ...tree.ancestors(first)], options.defaultYear);
    for (const row of table.rows) {
      // The row's indicator: its first long text cell that is not a number.
      const textCols = row.cells.map((c, i) => ({ c, i })).filter(({ c, i }) => i !== sttCol && table.columns[i] !== 'unit' && /\p{L}{3,}/u.test(c));
      const indicatorCell = textCols[0];
      const indicator = indicatorCell ? restore(options.restore, indicatorCell.c.replace(/[\d.,]+\s*%/g, '').replace(/\s+/g, ' ').trim()) : '';
      const ref = [row.node.ref, sttCol >= 0 ? row.cells[sttCol]?.replace(/\.$/, '') : ''].filter(Boolean).join('.');
      row.cells.forEach((cell, i) => {
        if (i === sttCol || table.columns[i] === 'unit' || !cell) return;
        const header = foldKeepLength(table.header[i] ?? '');
        const columnYear = /\b(20\d\d)\b/.exec(header);
        const columnLevel = levelIn(` ${header} `)?.level ?? null;
        const found = targetsInSentence(cell, row.offsets[i]!, {
          ref,
          year: columnYear ? Number(columnYear[1]) : year,
          restore: options.restore,
          confidence: 0.8,
          scope: columnLevel,
          indicator: indicator ? capitalise(indicator) : undefined,
        });
        targets.push(...found);
      });
    }
  }
  return targets;
}

function restore(fn: (s: string) => string, text: string): string {
  return fn(text);
}

function capitalise(text: string): string {
  return /^tỷ lệ|^ty le/i.test(text) || !text ? text[0]?.toUpperCase() + text.slice(1) : text[0]!.toUpperCase() + text.slice(1);
}
