// One rule for every string that crosses the edge (HTTP body, query and path): no NUL and no
// lone UTF-16 surrogate. PostgreSQL refuses both in text and jsonb, so letting them in turns a typing
// accident (or a probe) into a failed query; and no field of the contract has a use for either.
// Zod-free and platform-free, so the server, the bridge and the client can share it.

// NUL; a high surrogate not followed by a low one; a low one not preceded by a high one.
// eslint-disable-next-line no-control-regex -- NUL is exactly what the rule looks for.
const unsafeText = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is free of NUL and lone surrogates. */
export function isSafeText(value: string): boolean {
  return !unsafeText.test(value);
}

/** The message for a refused field: its name only, never its value. */
export const unsafeTextMessage = 'contains a character that is not allowed (NUL or a broken character)';

// Deeper than any input of the contract; stops a crafted body from recursing the walk to exhaustion.
const maxDepth = 32;

/**
 * The path of the first string (object keys included) in `value` that breaks the rule, or null when
 * every string is safe. Walks plain JSON values: objects, arrays, strings.
 */
export function findUnsafeText(value: unknown, path: readonly (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isSafeText(value) ? null : [...path];
  if (typeof value !== 'object' || value === null || path.length > maxDepth) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    // A key that breaks the rule is named by its position, never by itself.
    if (!isSafeText(key)) return [...path, '(field name)'];
    const found = findUnsafeText(item, [...path, key]);
    if (found) return found;
  }
  return null;
}
