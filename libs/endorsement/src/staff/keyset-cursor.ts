/**
 * Opaque keyset cursors: the sort key of the last row a page showed, so the next page starts after
 * it whatever was inserted meanwhile. Base64url JSON: opaque to clients, not secret.
 */
export function encodeKeysetCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key inside a cursor, or null when it is not one we issued with `arity` parts. */
export function decodeKeysetCursor(cursor: string, arity: number): string[] | null {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) && key.length === arity && key.every((part) => typeof part === 'string' && part.length <= 300) ? key : null;
  } catch {
    return null;
  }
}
