/**
 * The form of typed text that search compares, as the database's `search_key()` makes it of stored
 * names (migration 1795502600000): lower case, accents removed, ß as ss, runs of punctuation and
 * spaces made one space. Computed here for the typed text so the statement gets a ready LIKE
 * pattern (a planner-visible parameter the trigram index can use). NFD removes the combining
 * accents; the letters `unaccent` rewrites that have no decomposition are listed.
 */
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};
const UNDECOMPOSED_LETTERS = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'gu');

export function searchKey(text: string): string {
  return text
    .replace(UNDECOMPOSED_LETTERS, (letter) => UNDECOMPOSED[letter]!)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

/**
 * LIKE patterns for a key. From three characters a name matches wherever the key occurs in it
 * (trigrams make `%key%` an index search); shorter keys match the start of a word only, which
 * the trigram index still answers ("  z", " zu" are trigrams of every word starting with "zu")
 * and which is what two typed letters mean.
 */
export function likePatterns(key: string): { anywhere: string; wordStart: string; start: string } {
  return { anywhere: key.length >= 3 ? `%${key}%` : `${key}%`, start: `${key}%`, wordStart: `% ${key}%` };
}
