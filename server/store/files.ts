/** SQL for uploaded files (evidence, plan documents): bytes in PostgreSQL, checked before they get here. */
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';

type Q = Db | Tx;

export interface FileMeta {
  id: number;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: number | null;
  uploaded_at: Date;
}

const META = ['id', 'name', 'content_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at'] as const;

export async function insertFile(q: Q, row: { name: string; content_type: string; sha256: string; content: Buffer; uploaded_by: number }): Promise<FileMeta> {
  return q
    .insertInto('files')
    .values({ ...row, size: row.content.length })
    .returning([...META])
    .executeTakeFirstOrThrow();
}

export async function findFileMeta(q: Q, id: number): Promise<FileMeta | undefined> {
  return q.selectFrom('files').select([...META]).where('id', '=', id).executeTakeFirst();
}

export async function fileContent(q: Q, id: number): Promise<Buffer | undefined> {
  return (await q.selectFrom('files').select('content').where('id', '=', id).executeTakeFirst())?.content;
}

/** Where a file is used: the tasks whose updates carry it, and the plans whose document it is. */
export async function fileUses(q: Q, id: number): Promise<{ taskIds: number[]; planIds: number[] }> {
  const row = await sql<{ task_ids: number[] | null; plan_ids: number[] | null }>`
    SELECT
      (SELECT array_agg(DISTINCT u.task_id)::int8[] FROM task_update_files f JOIN task_updates u ON u.id = f.update_id WHERE f.file_id = ${id}::bigint) AS task_ids,
      (SELECT array_agg(p.id)::int8[] FROM plans p WHERE p.document_file_id = ${id}::bigint) AS plan_ids
  `.execute(q);
  const r = row.rows[0];
  return { taskIds: (r?.task_ids ?? []).map(Number), planIds: (r?.plan_ids ?? []).map(Number) };
}

/** Files of several timeline entries at once. */
export async function filesOfUpdates(q: Q, updateIds: number[]): Promise<Map<number, FileMeta[]>> {
  const out = new Map<number, FileMeta[]>();
  if (updateIds.length === 0) return out;
  const rows = await q
    .selectFrom('task_update_files as uf')
    .innerJoin('files as f', 'f.id', 'uf.file_id')
    .select(['uf.update_id', 'f.id', 'f.name', 'f.content_type', 'f.size', 'f.sha256', 'f.uploaded_by', 'f.uploaded_at'])
    .where('uf.update_id', 'in', updateIds)
    .orderBy('f.id')
    .execute();
  for (const { update_id, ...f } of rows) out.set(update_id, [...(out.get(update_id) ?? []), f]);
  return out;
}
