/**
 * PostgreSQL array literals for bulk parameters, built in one pass.
 *
 * node-postgres turns a JS array parameter into an array literal element by element through its
 * generic `prepareValue` (type tests, Date and Buffer checks, recursion, escaping every string). For
 * the ten columns of a 10,000-row import that costs 30–60 ms of the event loop — more than
 * PostgreSQL needs to parse the literals. These builders write the same literal directly; pass the
 * result as an ordinary text parameter cast to the array type, e.g. `${numberArray(ids)}::bigint[]`.
 */

/** `{1,2.5,NULL}`. Numbers must be finite: the literal of NaN or ±Infinity differs per element type. */
export function numberArray(values: readonly (number | null | undefined)[]): string {
  const out = new Array<string | number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) out[i] = 'NULL';
    else if (Number.isFinite(v)) out[i] = v;
    else throw new RangeError(`numberArray: ${v} is not a finite number`);
  }
  return `{${out.join(',')}}`;
}

const NEEDS_ESCAPE = /["\\]/g;

/** `{"a","b \"c\"",NULL}`: every element quoted, so empty strings, spaces, commas and braces stay text. */
export function textArray(values: readonly (string | null | undefined)[]): string {
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) out[i] = 'NULL';
    else if (v.includes('"') || v.includes('\\')) out[i] = `"${v.replace(NEEDS_ESCAPE, '\\$&')}"`;
    else out[i] = `"${v}"`;
  }
  return `{${out.join(',')}}`;
}
