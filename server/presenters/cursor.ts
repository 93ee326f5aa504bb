/** Opaque keyset cursors for paged lists: base64url JSON of the last row's sort key. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
/** A cursor the client sent back; one that does not parse or does not have the expected shape counts as none. */
export function decodeCursor<T>(cursor: string | undefined, isValid?: (value: unknown) => value is T): T | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isValid && !isValid(value)) return undefined;
    return value as T;
  } catch {
    return undefined;
  }
}
export const isCursorId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
export const isCursorString = (v: unknown): v is string => typeof v === 'string';
export const isCursorKeyId = (v: unknown): v is [string, number] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && isCursorId(v[1]);
