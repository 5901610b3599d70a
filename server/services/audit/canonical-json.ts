/**
 * Canonical JSON (RFC 8785 for the values we store): object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings as JSON.stringify writes them. jsonb reorders keys, so the hash
 * must not depend on the order they were written in. Written as plain loops: verification of the
 * whole chain runs this once per event.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('non-finite number in audit data');
      // A finite number's String() is exactly what JSON.stringify writes (-0 too), without its overhead.
      return String(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
        return out + ']';
      }
      const obj = value as Record<string, unknown>;
      const keys = sortedKeys(obj);
      let out = '{';
      let first = true;
      for (const k of keys) {
        const v = obj[k];
        if (v === undefined) continue;
        out += (first ? '' : ',') + jsonString(k) + ':' + canonicalJson(v);
        first = false;
      }
      return out + '}';
    }
    default:
      throw new TypeError(`cannot put a ${typeof value} in audit data`);
  }
}

/**
 * JSON.stringify of a string, without its slower general path for the common plain case: no quote,
 * backslash, control character or surrogate (a lone one is escaped), which most audit strings are.
 * A char-code loop: faster than a regular expression for strings this short.
 */
export function jsonString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

/**
 * Own enumerable keys sorted by UTF-16 code units (what `<` on strings compares, as RFC 8785 asks).
 * Insertion sort: payloads have a handful of keys, where it beats Array.prototype.sort.
 */
function sortedKeys(obj: Record<string, unknown>): string[] {
  const keys = Object.keys(obj);
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i] as string;
    let j = i;
    while (j > 0 && (keys[j - 1] as string) > k) {
      keys[j] = keys[j - 1] as string;
      j--;
    }
    keys[j] = k;
  }
  return keys;
}
