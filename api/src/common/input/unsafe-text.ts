/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL and our validators cannot take: U+0000 (a text column refuses it, SQLSTATE
 * 22021) and a lone UTF-16 surrogate (not encodable as UTF-8; validators throw on it).
 */
export function isUnsafeText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** At most this many offending fields are named: enough to fix a form, bounded for a hostile one. */
const MAX_REPORTED = 20;

/**
 * The paths (`name`, `address.city`, `spaces.0.label`) of the strings in parsed input that carry
 * unsafe text; an unsafe key is named by its parent's path (it cannot be shown back), and
 * `rootName` stands for the input itself. Walks with an explicit stack, so deep input cannot
 * exhaust the call stack.
 */
export function unsafeTextPaths(input: unknown, rootName: string): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: input, path: '' }];
  while (stack.length && found.length < MAX_REPORTED) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (isUnsafeText(value)) found.push(path || rootName);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: child(path, String(i)) });
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        if (isUnsafeText(key)) found.push(path || rootName);
        else stack.push({ value: (value as Record<string, unknown>)[key], path: child(path, key) });
      }
    }
  }
  return [...new Set(found)];
}

function child(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}
