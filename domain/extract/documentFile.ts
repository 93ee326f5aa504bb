/**
 * Whether an uploaded file may be stored as a plan document to import (POST /files?purpose=plan):
 * PDF and Word files pass the evidence checks (signature, ZIP parts, no macros, size); plain text
 * (.txt, .md) has no signature, so it is taken unless its first bytes announce another type (a PDF
 * or a ZIP renamed .txt). Whether the text is readable — its encoding, binary noise — is the
 * reader's call (server/extract/readDocument.ts), which answers with a message that says what to do.
 */
import { MAX_FILE_BYTES, checkEvidenceFile, sniff, type FileCheck } from '../tasks.ts';

export const PLAN_DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'txt', 'md'] as const;
const TEXT_TYPES: Record<string, string> = { txt: 'text/plain', text: 'text/plain', md: 'text/markdown', markdown: 'text/markdown' };

export type PlanDocumentCheck = { ok: true; contentType: string } | { ok: false; reason: Extract<FileCheck, { ok: false }>['reason'] | 'planExtension' };

export function checkPlanDocumentFile(name: string, bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): PlanDocumentCheck {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name.trim())?.[1]?.toLowerCase() ?? '';
  const textType = TEXT_TYPES[ext];
  if (!textType) {
    if (ext !== 'pdf' && ext !== 'docx') return bytes.length === 0 ? { ok: false, reason: 'empty' } : { ok: false, reason: 'planExtension' };
    const check = checkEvidenceFile(name, bytes, maxBytes);
    return check.ok ? { ok: true, contentType: check.contentType } : check;
  }
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: 'tooLarge' };
  const base = name.trim();
  if (!base || /[\\/\u0000-\u001f]/.test(base) || base.length > 255) return { ok: false, reason: 'badName' };
  if (sniff(bytes) !== null) return { ok: false, reason: 'mismatch' };
  return { ok: true, contentType: textType };
}
