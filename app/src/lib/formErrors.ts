import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Put the server's per-field problems (paths like "body.username") next to the matching form
 * fields. Returns true when at least one field got a message.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, fieldMap: Record<string, string> = {}): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields: { name: string; errors: string[] }[] = [];
  for (const problem of error.errors) {
    const raw = problem.path.replace(/^(body|querystring|params)\.?/, '').replace(/^\//, '');
    const name = fieldMap[raw] ?? raw.split('.')[0] ?? '';
    if (name && known.has(name)) fields.push({ name, errors: [problem.message] });
  }
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
