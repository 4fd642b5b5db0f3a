const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Whether a UTF-8 JSON body nests arrays and objects deeper than `maxDepth`, found in one pass over
 * its bytes with a counter, no recursion and no parse: it runs before JSON.parse (and before the
 * bytes are even decoded), so a body of a million brackets costs the time to read its first
 * `maxDepth + 1` of them. Brackets inside string literals (escaped quotes included) do not count;
 * every structural character is ASCII, and no byte of a multi-byte UTF-8 sequence is. The body
 * need not be valid JSON; JSON.parse judges that afterwards.
 */
export function exceedsJsonDepth(body: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (inString) {
      if (char === BACKSLASH) i++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_OBJECT || char === OPEN_ARRAY) {
      if (++depth > maxDepth) return true;
    } else if (char === CLOSE_OBJECT || char === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}
