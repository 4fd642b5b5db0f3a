import { isUnsafeText, unsafeTextPaths } from './unsafe-text.js';

describe('isUnsafeText', () => {
  it.each([
    ['a NUL', 'a\u0000b', true],
    ['a lone high surrogate', 'a\uD800b', true],
    ['a lone low surrogate', '\uDC00', true],
    ['a high surrogate at the end', 'abc\uD83D', true],
    ['a surrogate pair (an emoji)', 'Parking 🚗', false],
    ['accents and CJK', 'Zürich 駐車場', false],
    ['other control characters', 'tab\tnewline\n', false],
  ])('%s: %s', (_what, text, unsafe) => {
    expect(isUnsafeText(text)).toBe(unsafe);
  });
});

describe('unsafeTextPaths', () => {
  it('names nested fields by their path', () => {
    const body = { name: 'ok', address: { city: 'Ber\u0000lin' }, spaces: [{ label: 'A1' }, { label: '\uD800' }] };
    expect(unsafeTextPaths(body, 'body')).toEqual(['address.city', 'spaces.1.label']);
  });

  it('names the parent of a bad key without echoing the key', () => {
    expect(unsafeTextPaths({ meta: { 'x\u0000': 1 } }, 'body')).toEqual(['meta']);
    expect(unsafeTextPaths({ 'x\u0000': 1 }, 'body')).toEqual(['body']);
  });

  it('names the input itself for a bare string', () => {
    expect(unsafeTextPaths('\u0000', 'body')).toEqual(['body']);
  });

  it('finds nothing in clean input, numbers, nulls and booleans', () => {
    expect(unsafeTextPaths({ a: 1, b: null, c: true, d: ['x', { e: 'y' }] }, 'body')).toEqual([]);
    expect(unsafeTextPaths(undefined, 'query')).toEqual([]);
  });

  it('walks input deeper than the call stack allows without overflowing', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(unsafeTextPaths(deep, 'body')).toHaveLength(1);
  });

  it('names at most twenty fields', () => {
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, '\u0000']));
    expect(unsafeTextPaths(many, 'body')).toHaveLength(20);
  });
});
