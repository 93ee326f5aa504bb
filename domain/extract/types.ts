/**
 * The shape of a plan document's extraction. Everything a reviewer sees points back into
 * `source` (the text as read from the file, NFC, legacy encodings already converted) by
 * UTF-16 offsets, so the review page can highlight the span an item came from.
 */

export interface Span {
  start: number;
  end: number;
}

export type DocumentKind = 'NQ' | 'KH' | 'QD' | 'CT' | 'BC' | 'TB' | 'KL' | 'CTr' | 'DA' | 'HD' | 'CV' | 'other';

export interface ExtractedDocument {
  /** "227/KH-UBND", "03-NQ/TU" */
  number: string | null;
  kind: DocumentKind | null;
  issuer: string | null;
  place: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  title: string | null;
  /** The plan's horizon year from its title ("đến năm 2025, định hướng đến năm 2030" → 2025), or null */
  horizon: number | null;
  spans: { number?: Span; date?: Span; title?: Span; issuer?: Span };
}

/** "Phần", "I.", "1.", "1.1.", "a)", "(1)", "-", free paragraphs, and table rows (cells joined by " | "). */
export type SectionLevel = 'part' | 'roman' | 'clause' | 'subclause' | 'point' | 'item' | 'bullet' | 'paragraph' | 'row';

export interface SectionNode {
  id: number;
  parentId: number | null;
  level: SectionLevel;
  /** The label as the document prints it after OCR repair: "II", "1", "1.1", "a", "đ", "(1)", "-" */
  label: string;
  /** Reference in the gold's convention: "II.1.a.(1)" */
  ref: string;
  /** The node's own text (heading line or paragraph), without its label; restored diacritics where confident */
  text: string;
  span: Span;
}

export type Comparator = '>=' | '>' | '<=' | '<' | '=' | 'between';
export type TargetScope = 'city' | 'district' | 'commune' | null;

export interface ExtractedTarget {
  ref: string;
  bullet?: number;
  /** The sentence or clause carrying the number, restored Vietnamese */
  text: string;
  indicator: string;
  value: number;
  max: number | null;
  unit: string;
  comparator: Comparator;
  year: number | null;
  scope: TargetScope;
  span: Span;
  /** Where the number itself sits */
  valueSpan: Span;
  confidence: number;
}

export interface AgencyMatch {
  /** The name as the document writes it, restored */
  name: string;
  /** Registry code of the unit the name resolves to today (after lineage), when known */
  unitCode: string | null;
  /** Name of that unit today, if it differs (e.g. Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ) */
  currentName: string | null;
  confidence: number;
}

export interface ExtractedTask {
  ref: string;
  title: string;
  lead: string[];
  cooperating: string[];
  leadUnits: AgencyMatch[];
  cooperatingUnits: AgencyMatch[];
  /** 'cross-reference' when a "Tổ chức thực hiện" clause names the task; 'table' when a task table's column does; 'none' */
  leadBasis: 'cross-reference' | 'table' | 'own-text' | 'none';
  /** YYYY-MM-DD: the end of the period the document names ("trước ngày 30/6/2026", "Quý IV/2026"), or null */
  deadline: string | null;
  span: Span;
}

export interface ExtractedAssignment {
  agency: string;
  role: 'lead' | 'cooperate' | 'coordinate';
  /** References as written: "II.1.c", "II.1.b.(1)" */
  refs: string[];
  /** Finest-level task refs they expand to */
  resolved: string[];
  clause: string;
  span: Span;
}

/** A change made to the text for display or matching; digits are never changed silently. */
export interface TextCorrection {
  span: Span;
  from: string;
  to: string;
  kind: 'diacritics' | 'ocr-glyph' | 'digit' | 'label';
  confidence: number;
}

export interface ExtractionResult {
  document: ExtractedDocument;
  sections: SectionNode[];
  targets: ExtractedTarget[];
  tasks: ExtractedTask[];
  assignments: ExtractedAssignment[];
  corrections: TextCorrection[];
  warnings: string[];
  /** The text all spans point into */
  source: string;
  /** True when the text looked like OCR output without reliable diacritics */
  ocr: boolean;
}
