/**
 * The floors: the SQL that server/store/orgUnits.ts builds with Kysely for each endpoint, written
 * out by hand and sent straight through `pg`. Same predicates, same parameters (including the
 * admin's scope roots as an IN list), same ordering and LIMIT, so the difference to the API is
 * what the application adds: HTTP parsing and validation, the session and grant look-ups, the
 * scope check, Kysely, the presenters and JSON serialisation. run.ts checks that each floor
 * returns the same ids in the same order as the API, so if the store changes and these drift,
 * the bench stops instead of comparing two different queries.
 */
import { foldVietnamese } from '../../domain/text.ts';

export interface RawQuery {
  text: string;
  values: unknown[];
}

/** Builds positional parameters in order, like Kysely does. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(', ');
  }
}

const OPEN_CHILD_COUNT = `(SELECT count(*)::int FROM org_units c WHERE c.parent_id = org_units.id AND c.closed_on IS NULL) AS child_count`;

const inScope = (p: Params, roots: readonly number[]) =>
  `EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = org_units.id AND s.ancestor_id IN (${p.list(roots)}))`;

/** GET /org-units?q=… — every folded word must appear (LIKE, served by the trigram index), ranked. */
export function searchFloor(q: string, roots: readonly number[], limit: number): RawQuery {
  const p = new Params();
  const folded = foldVietnamese(q);
  const where = [inScope(p, roots), 'closed_on IS NULL'];
  for (const word of folded.split(' ').filter(Boolean)) {
    where.push(`search_key LIKE ${p.add(`%${word.replace(/[%_\\]/g, '\\$&')}%`)}`);
  }
  const text = `SELECT *, ${OPEN_CHILD_COUNT} FROM org_units WHERE ${where.join(' AND ')}
    ORDER BY CASE WHEN search_key LIKE ${p.add(`%${folded}%`)} THEN 0 ELSE 1 END,
      CASE WHEN closed_on IS NULL THEN 0 ELSE 1 END,
      CASE WHEN kind IN ('province','commune','ward','special_zone') THEN 0 ELSE 1 END,
      similarity(search_key, ${p.add(folded)}) DESC, search_key, id
    LIMIT ${p.add(limit)}`;
  return { text, values: p.values };
}

/** GET /org-units?parent=… — open children with their open-child counts, in key order. */
export function childrenFloor(parentId: number, roots: readonly number[], limit: number): RawQuery {
  const p = new Params();
  const text = `SELECT *, ${OPEN_CHILD_COUNT} FROM org_units
    WHERE ${inScope(p, roots)} AND parent_id = ${p.add(parentId)} AND closed_on IS NULL
    ORDER BY search_key, id LIMIT ${p.add(limit)}`;
  return { text, values: p.values };
}

/** GET /org-units/:id/subtree — the closure-table join, open units only. */
export function subtreeFloor(rootId: number, maxDepth: number): RawQuery {
  const p = new Params();
  const text = `SELECT org_units.*, c.depth, ${OPEN_CHILD_COUNT}
    FROM org_unit_closure AS c JOIN org_units ON org_units.id = c.descendant_id
    WHERE c.ancestor_id = ${p.add(rootId)} AND c.depth <= ${p.add(maxDepth)} AND org_units.closed_on IS NULL
    ORDER BY c.depth, org_units.search_key`;
  return { text, values: p.values };
}
