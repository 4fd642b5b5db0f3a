import { exceedsJsonDepth as exceedsJsonDepthOfBytes } from './json-depth.js';

const exceedsJsonDepth = (text: string, maxDepth: number) => exceedsJsonDepthOfBytes(Buffer.from(text, 'utf8'), maxDepth);

const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;

describe('exceedsJsonDepth', () => {
  it('accepts a body exactly at the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(nested(32), 32)).toBe(false);
    expect(exceedsJsonDepth(nested(33), 32)).toBe(true);
  });

  it('counts objects and arrays alike, and the top-level object too', () => {
    expect(exceedsJsonDepth('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
    expect(exceedsJsonDepth('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
  });

  it('measures the deepest branch, not the sum of siblings', () => {
    const siblings = `[${Array.from({ length: 1000 }, () => nested(3)).join(',')}]`;
    expect(exceedsJsonDepth(siblings, 4)).toBe(false);
  });

  it('ignores brackets inside strings', () => {
    const text = `{"name":"${'['.repeat(100)}","note":"{{{{{"}`;
    expect(exceedsJsonDepth(text, 1)).toBe(false);
  });

  it('does not end a string at an escaped quote', () => {
    // Inside the string: \" then [[[[ — still string content, not structure.
    expect(exceedsJsonDepth(String.raw`{"a":"say \"[[[[ \" here"}`, 1)).toBe(false);
    // An escaped backslash before the quote does end the string: the brackets after it count.
    expect(exceedsJsonDepth(String.raw`{"a":"ends here \\",  "b":[[[1]]]}`, 3)).toBe(true);
    expect(exceedsJsonDepth(String.raw`{"a":"ends here \\",  "b":[[[1]]]}`, 4)).toBe(false);
  });

  it('counts brackets after a key that holds brackets', () => {
    expect(exceedsJsonDepth(`{"[[[":${nested(2)}}`, 2)).toBe(true);
    expect(exceedsJsonDepth(`{"[[[":${nested(2)}}`, 3)).toBe(false);
  });

  it('stops at the first bracket past the limit of a megabyte of nesting', () => {
    const hostile = `{"refreshToken":${nested(470_000)}}`;
    expect(hostile.length).toBeGreaterThan(900_000);
    expect(exceedsJsonDepth(hostile, 32)).toBe(true);
  });

  it('is not misled by multi-byte UTF-8 text', () => {
    expect(exceedsJsonDepth('{"name":"Zoë 駐車場 🚗 «[»","a":[1]}', 2)).toBe(false);
    expect(exceedsJsonDepth('{"name":"Zoë 駐車場 🚗","a":[[1]]}', 2)).toBe(true);
  });

  it('leaves text that is not JSON to the parser', () => {
    expect(exceedsJsonDepth('', 32)).toBe(false);
    expect(exceedsJsonDepth(']]]]', 1)).toBe(false);
    expect(exceedsJsonDepth('"unterminated [[[[', 1)).toBe(false);
  });
});
