/**
 * Evidence files and plan documents. A file is uploaded on its own (POST /files, the raw bytes as
 * the body, the name in the query) and then attached by id to a progress report, a comment or a
 * plan: JSON stays JSON, no multipart parser is needed, and a failed upload never half-stores a
 * report. Only the uploader may attach a file, once; a file is readable by whoever may read what it
 * is attached to (and by its uploader until then).
 */
import { createHash } from 'node:crypto';
import { checkPlanDocumentFile } from '../../domain/extract/documentFile.ts';
import { checkEvidenceFile, MAX_FILE_BYTES } from '../../domain/tasks.ts';
import type { Tx } from '../db/database.ts';
import { ProblemError, badRequest, notFound, unprocessable } from '../http/problem.ts';
import { presentFile } from '../presenters/tasks.ts';
import * as store from '../store/files.ts';
import { findTaskView } from '../store/tasks.ts';
import { actorOf, audit, type CommandContext } from './context.ts';

/**
 * What a file is for decides which types it may be: evidence (PDF, images, DOCX, XLSX), or a plan
 * document to import (PDF, DOCX and plain text .txt/.md: domain/extract/documentFile.ts).
 */
export type FilePurpose = 'evidence' | 'plan';

export async function uploadFile(ctx: CommandContext, name: string | undefined, bytes: Buffer, purpose: FilePurpose = 'evidence') {
  const actor = actorOf(ctx);
  if (!name?.trim()) throw badRequest('file.nameRequired');
  const check = purpose === 'plan' ? checkPlanDocumentFile(name, bytes) : checkEvidenceFile(name, bytes);
  if (!check.ok) {
    if (check.reason === 'tooLarge') throw new ProblemError(413, 'file.tooLarge', { limit: `${MAX_FILE_BYTES / 1024 / 1024} MB` });
    if (check.reason === 'empty') throw badRequest('emptyBody');
    throw new ProblemError(415, `file.${check.reason}`, { name: name.trim() });
  }
  const meta = await ctx.db.transaction().execute(async (tx) => {
    const row = await store.insertFile(tx, {
      name: name.trim().normalize('NFC'),
      content_type: check.contentType,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      content: bytes,
      uploaded_by: actor.userId,
    });
    await audit(tx, ctx, { action: 'file.upload', entityType: 'file', entityId: row.id, orgUnitId: null, after: { name: row.name, contentType: row.content_type, size: row.size, sha256: row.sha256 } });
    return row;
  });
  return presentFile(meta);
}

/** Files the caller uploaded and has not attached anywhere yet; 422 names the first that is not. */
export async function requireAttachable(tx: Tx, ctx: CommandContext, fileIds: number[]): Promise<number[]> {
  const ids = [...new Set(fileIds)];
  for (const id of ids) {
    const meta = await store.findFileMeta(tx, id);
    if (!meta) throw notFound('file.notFound', { id });
    if (meta.uploaded_by !== actorOf(ctx).userId) throw unprocessable('file.notYours', { name: meta.name });
    const uses = await store.fileUses(tx, id);
    if (uses.taskIds.length || uses.planIds.length) throw unprocessable('file.alreadyAttached', { name: meta.name });
  }
  return ids;
}

/** The bytes, if the caller may read the file: as its uploader, or through a plan or a visible task it is attached to. */
export async function downloadFile(ctx: CommandContext, id: number) {
  const actor = actorOf(ctx);
  const meta = await store.findFileMeta(ctx.db, id);
  if (!meta) throw notFound('file.notFound', { id });
  let allowed = meta.uploaded_by === actor.userId;
  if (!allowed) {
    const uses = await store.fileUses(ctx.db, id);
    if (uses.planIds.length && ctx.access.holdsAnywhere('plan.read')) allowed = true;
    const roots = ctx.access.scopeRoots('task.read');
    for (const taskId of uses.taskIds) {
      if (allowed) break;
      if (await findTaskView(ctx.db, taskId, roots)) allowed = true;
    }
  }
  // A file the caller may not read is as good as absent: its existence says nothing.
  if (!allowed) throw notFound('file.notFound', { id });
  const content = await store.fileContent(ctx.db, id);
  return { meta, content: content ?? Buffer.alloc(0) };
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\w.\- ]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
